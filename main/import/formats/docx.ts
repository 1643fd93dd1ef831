/**
 * Word files (DOCX, WordprocessingML): the archive is opened with the guards of `safeZip.ts`, its
 * XML parts are read with the same safe saxes reader as XLIFF (no DTD entities, depth and element
 * limits). Paragraphs become headings (Title / Heading 1–6 styles, or an outline level), quotes,
 * list items (numbering, ordered ones with their number) or paragraphs (`docxStory.ts`).
 *
 * Nothing is dropped silently (issue 14): table cells keep their table, row and column; text boxes
 * are read; footnotes and endnotes (`footnotes.xml`, `endnotes.xml`) follow the body in the order
 * of their references, each knowing its note and the paragraph holding the reference; comments
 * (`comments.xml`) are attached to the paragraph they anchor to; runs keep bold, italic,
 * strikethrough and hyperlink targets. What cannot be imported (images, charts, SmartArt,
 * equations, embedded objects, field codes, headers and footers, tracked deletions) is listed in
 * the import report with the paragraph where it was.
 */
import { ImportReportBuilder } from '../../../shared/import/importReport.js';
import type { ImportedComment, NoteKind } from '../../../shared/import/paragraphPlace.js';
import { compactCodes, InlineBuilder, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import type { ImportedSegment, ParsedImport } from '../../../shared/import/importedDocument.js';
import { hasVisibleText } from '../../../shared/import/visibleText.js';
import { COMMENT_MAX } from '../../../shared/features/workflowContract.js';
import { cleanImportedText } from '../../../shared/textHygiene.js';
import { ServiceError } from '../../core/serviceError.js';
import { decodeText } from '../decodeText.js';
import { isZip } from '../sniff.js';
import { parseNumbering, parseRels, parseStyles, resolvePart, type Numbering, type Relationship, type StyleDef } from './docxStyles.js';
import {
  parseStory,
  type DocxParagraph,
  type DocxRun,
  type Story,
  type StoryContext,
  type StoryParagraph,
  type StoryReportRecord,
} from './docxStory.js';
import { openSafeZip, type ZipLimits, type ZipReader } from './safeZip.js';

export type { DocxParagraph, DocxRun } from './docxStory.js';

function notDocx(): ServiceError {
  return new ServiceError('IMPORT_DOCX_NOT_ZIP', 'This .docx file is not a Word document (it is not a ZIP archive).');
}

function noDocument(): ServiceError {
  return new ServiceError('IMPORT_DOCX_NO_DOCUMENT', 'The Word file has no main document (word/document.xml) to import.');
}

// --- The archive -------------------------------------------------------------------------------

async function readXml(zip: ZipReader, name: string | null): Promise<string | null> {
  if (name === null) return null;
  const bytes = await zip.read(name);
  return bytes === null ? null : decodeText(bytes).text;
}

/** The main document's part name, from the package relationships (`_rels/.rels`). */
async function mainDocumentPart(zip: ZipReader): Promise<string> {
  const rootRels = await readXml(zip, '_rels/.rels');
  if (rootRels !== null) {
    for (const rel of parseRels(rootRels).values()) {
      if (!rel.external && /\/officeDocument$/.test(rel.type)) {
        const part = resolvePart('', rel.target);
        if (part !== null && zip.names.includes(part)) return part;
      }
    }
  }
  if (zip.names.includes('word/document.xml')) return 'word/document.xml';
  throw noDocument();
}

/** A Word file's content: paragraphs in reading order (body, then footnotes, then endnotes), comments and the report. */
export interface DocxContent {
  paragraphs: DocxParagraph[];
  comments: { at: DocxParagraph; comment: ImportedComment }[];
  reports: StoryReportRecord[];
}

const EMPTY_STORY: Story = { paragraphs: [], reports: [], comments: new Map() };

export async function readDocxContent(bytes: Uint8Array, limits?: ZipLimits): Promise<DocxContent> {
  if (!isZip(bytes)) throw notDocx();
  const zip = await openSafeZip(bytes, limits);
  try {
    const main = await mainDocumentPart(zip);
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const relsText = await readXml(zip, `${dir}_rels/${main.slice(dir.length)}.rels`);
    const rels = relsText === null ? new Map<string, Relationship>() : parseRels(relsText);
    const partOf = (suffix: string): string | null => {
      for (const rel of rels.values()) if (!rel.external && rel.type.endsWith(suffix)) return resolvePart(dir, rel.target);
      return null;
    };
    const stylesText = await readXml(zip, partOf('/styles') ?? `${dir}styles.xml`);
    const numberingText = await readXml(zip, partOf('/numbering') ?? `${dir}numbering.xml`);
    const documentText = await readXml(zip, main);
    if (documentText === null) throw noDocument();
    const numbering: Numbering = numberingText === null ? { nums: new Map(), levels: new Map() } : parseNumbering(numberingText);
    const context: StoryContext = {
      rels,
      styles: stylesText === null ? new Map<string, StyleDef>() : parseStyles(stylesText),
      numbering,
      counters: { lists: new Map(), boxes: 0, tables: 0 },
    };
    const body = parseStory(documentText, context, 'body');
    const story = async (suffix: string, part: 'footnotes' | 'endnotes' | 'comments'): Promise<Story> => {
      const name = partOf(suffix);
      const text = await readXml(zip, name);
      if (name === null || text === null) return EMPTY_STORY;
      // Each part has its own relationships (a note's hyperlink ids are not the document's).
      const slash = name.lastIndexOf('/') + 1;
      const ownRels = await readXml(zip, `${name.slice(0, slash)}_rels/${name.slice(slash)}.rels`);
      return parseStory(text, { ...context, rels: ownRels === null ? new Map<string, Relationship>() : parseRels(ownRels) }, part);
    };
    const footnotes = await story('/footnotes', 'footnotes');
    const endnotes = await story('/endnotes', 'endnotes');
    const comments = await story('/comments', 'comments');
    const content = assemble(body, footnotes, endnotes, comments);
    // Headers and footers are not imported: listed, one entry per part.
    const headerParts = new Set([...rels.values()].filter((r) => !r.external && /\/(header|footer)$/.test(r.type)).map((r) => r.target));
    for (let i = 0; i < headerParts.size; i++) content.reports.push({ item: 'headerFooter', at: null });
    return content;
  } finally {
    zip.close();
  }
}

function byOwner(story: Story): Map<string, StoryParagraph[]> {
  const map = new Map<string, StoryParagraph[]>();
  for (const p of story.paragraphs) {
    if (p.owner === null) continue;
    const list = map.get(p.owner) ?? [];
    list.push(p);
    map.set(p.owner, list);
  }
  return map;
}

/** Body, then the notes in the order of their references; comments to the paragraph they anchor to. */
function assemble(body: Story, footnotes: Story, endnotes: Story, comments: Story): DocxContent {
  const paragraphs: StoryParagraph[] = [...body.paragraphs];
  const reports: StoryReportRecord[] = [...body.reports, ...footnotes.reports, ...endnotes.reports];
  for (const [kind, story] of [
    ['footnote', footnotes],
    ['endnote', endnotes],
  ] as [NoteKind, Story][]) {
    const notes = byOwner(story);
    const seen = new Set<string>();
    for (const p of body.paragraphs) {
      for (const ref of p.noteRefs) {
        if (ref.kind !== kind || seen.has(ref.id) || !notes.has(ref.id)) continue;
        seen.add(ref.id);
        const number = seen.size;
        for (const np of notes.get(ref.id)!) {
          np.place = { kind, note: number, ref: p };
          paragraphs.push(np);
        }
        reports.push({ item: kind, at: p });
      }
    }
    for (const id of notes.keys()) if (!seen.has(id)) reports.push({ item: 'unreferencedNote', at: null });
  }
  const texts = byOwner(comments);
  const anchored = new Set<string>();
  const out: DocxContent['comments'] = [];
  for (const p of paragraphs) {
    for (const id of p.commentIds) {
      const meta = comments.comments.get(id);
      if (anchored.has(id) || !meta) continue;
      anchored.add(id);
      const text = (texts.get(id) ?? [])
        .map((c) => runsText(c.runs))
        .join('\n')
        .trim()
        .slice(0, COMMENT_MAX);
      if (text === '') continue;
      out.push({ at: p, comment: { author: meta.author, at: meta.at, text } });
      reports.push({ item: 'comment', at: p });
    }
  }
  for (const p of paragraphs) if (p.runs.some((r) => r.strike)) reports.push({ item: 'strike', at: p });
  return { paragraphs, comments: out, reports };
}

/** The paragraphs of a DOCX file in reading order (body, footnotes, endnotes). */
export async function readDocx(bytes: Uint8Array, limits?: ZipLimits): Promise<DocxParagraph[]> {
  return (await readDocxContent(bytes, limits)).paragraphs;
}

/** The plain text of a paragraph's runs. */
export function runsText(runs: readonly DocxRun[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * A paragraph's runs as text with tokens (shared/inline): a link outermost, then bold, then italic;
 * a change of formatting closes what changed (innermost first) and opens the new.
 */
export function runsWithTokens(runs: readonly DocxRun[]): { text: string; codes: InlineCode[] } {
  const b = new InlineBuilder();
  const open: { key: string; index: number | null }[] = [];
  for (const run of runs) {
    const wanted: { key: string; code: InlineCode }[] = [];
    if (run.href !== null) wanted.push({ key: `link:${run.href}`, code: { type: 'link', href: run.href } });
    if (run.bold) wanted.push({ key: 'bold', code: { type: 'bold' } });
    if (run.italic) wanted.push({ key: 'italic', code: { type: 'italic' } });
    if (run.strike) wanted.push({ key: 'strike', code: { type: 'strike' } });
    let same = 0;
    while (same < open.length && same < wanted.length && open[same]!.key === wanted[same]!.key) same++;
    while (open.length > same) b.close(open.pop()!.index);
    for (const w of wanted.slice(same)) open.push({ key: w.key, index: b.open(w.code) });
    b.text(run.text);
  }
  while (open.length > 0) b.close(open.pop()!.index);
  const built = b.build();
  return compactCodes(built.text, built.codes);
}

/** An ISO time from a comment's w:date, else null. */
function isoTime(date: string | null): string | null {
  if (date === null) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export async function parseDocx(bytes: Uint8Array, limits?: ZipLimits): Promise<ParsedImport> {
  const content = await readDocxContent(bytes, limits);
  // Paragraphs that would show nothing are left out here (not later), so positions in places and the report stay right.
  const kept: { p: DocxParagraph; seg: ImportedSegment }[] = [];
  for (const p of content.paragraphs) {
    const { text, codes } = runsWithTokens(p.runs);
    if (!hasVisibleText(cleanImportedText(text), codes)) continue;
    kept.push({
      p,
      seg:
        codes.length > 0
          ? { kind: p.kind, marker: p.marker, text, codes, target: null }
          : { kind: p.kind, marker: p.marker, text, target: null },
    });
  }
  const index = new Map<DocxParagraph, number>(kept.map((k, i) => [k.p, i]));
  for (const { p, seg } of kept) {
    if (!p.place) continue;
    const pl = p.place;
    seg.place =
      pl.kind === 'cell' || pl.kind === 'textbox' ? pl : { kind: pl.kind, note: pl.note, ref: pl.ref ? (index.get(pl.ref) ?? null) : null };
  }
  for (const { at, comment } of content.comments) {
    const i = index.get(at);
    if (i === undefined) continue;
    const seg = kept[i]!.seg;
    (seg.comments ??= []).push({ ...comment, at: isoTime(comment.at) });
  }
  const report = new ImportReportBuilder();
  for (const r of content.reports) {
    const i = r.at ? index.get(r.at) : undefined;
    report.add(r.item, i === undefined ? null : i + 1, r.detail);
  }
  return {
    format: 'docx',
    segments: kept.map((k) => k.seg),
    encoding: null,
    sourceLang: null,
    targetLang: null,
    title: null,
    report: report.build(),
  };
}
