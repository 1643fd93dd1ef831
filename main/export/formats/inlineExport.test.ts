/** Inline codes (bold, italic, links, inline code, line breaks, XLIFF codes) restored by every writer. */
import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { closeToken as c, openToken as o, soloToken as s } from '../../../shared/inline/inlineCodes.js';
import type { ExportDocument } from '../model.js';
import { docxParts } from '../testing/docxParagraphs.js';
import { sampleExport, sampleParagraphs } from '../testing/sampleExport.js';
import { writeDocx } from './docx.js';
import { writeHtml } from './html.js';
import { writeMarkdown } from './markdown.js';
import { writePlainText } from './plainText.js';
import { writeTmx } from './tmx.js';
import { writeXliff12 } from './xliff12.js';
import { writeXliff20 } from './xliff20.js';
import { xmlSchemaErrors } from '../../testing/validateXml.js';

const codes: InlineCode[] = [
  { type: 'bold' },
  { type: 'link', href: 'https://example.org/a?b=1&c=2' },
  { type: 'code', text: 'x < y' },
  { type: 'break' },
  { type: 'italic' },
  { type: 'link', href: 'javascript:alert(1)' },
];
const source = `The ${o(0)}mayor${c(0)} said ${o(1)}this${c(1)} about ${s(2)}.${s(3)}*Not* ${o(4)}ok${c(4)} ${o(5)}here${c(5)}.`;
const target = `La ${o(0)}alcaldesa${c(0)} dijo ${o(1)}esto${c(1)} sobre ${s(2)}.${s(3)}*No* ${o(4)}bien${c(4)} ${o(5)}aquí${c(5)}.`;

function doc(): ExportDocument {
  const [first] = sampleParagraphs().filter((p) => p.status === 'signed-off');
  return sampleExport({
    paragraphs: [
      {
        ...first!,
        index: 0,
        kind: 'paragraph',
        marker: null,
        source,
        target,
        codes,
        mt: first!.mt ? { ...first!.mt, text: target } : null,
      },
    ],
    footer: null,
  });
}

describe('inline codes on export', () => {
  it('plain text drops the markup, keeps inline code as text and breaks as newlines', () => {
    expect(writePlainText(doc())).toBe('La alcaldesa dijo esto sobre x < y.\n*No* bien aquí.\n');
  });

  it('Markdown restores emphasis, links and code and still escapes the text', () => {
    expect(writeMarkdown(doc())).toContain(
      'La **alcaldesa** dijo [esto](https://example.org/a?b=1&c=2) sobre `x < y`.\\\n\\*No\\* *bien* aquí.',
    );
  });

  it('HTML restores them escaped; a javascript: link keeps its text and loses the link', () => {
    const html = writeHtml(doc());
    expect(html).toContain(
      'La <strong>alcaldesa</strong> dijo <a href="https://example.org/a?b=1&amp;c=2">esto</a> sobre <code>x &lt; y</code>.<br>*No* <em>bien</em> aquí.',
    );
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/[\uE000-\uE2FF]/);
  });

  it('XLIFF 1.2 and 2.0 carry them as inline elements; TMX as plain text', () => {
    expect(writeXliff12(doc())).toMatch(/<target [^>]*>La <g id="1" ctype="bold">alcaldesa<\/g>/);
    expect(writeXliff20(doc())).toMatch(/<target xml:space="preserve">La <pc id="1" type="fmt" subType="xlf:b">alcaldesa<\/pc>/);
    const tmx = writeTmx(doc());
    // Issue 14 (TMX level 2): TMX codes, valid against tmx14.dtd; an unsafe link keeps no href.
    expect(tmx).toContain(
      '<seg>La <bpt i="1" type="bold">&lt;b&gt;</bpt>alcaldesa<ept i="1">&lt;/b&gt;</ept> dijo <bpt i="2" type="link">&lt;a href=&quot;https://example.org/a?b=1&amp;amp;c=2&quot;&gt;</bpt>esto<ept i="2">&lt;/a&gt;</ept> sobre <ph type="x-code">x &lt; y</ph>.<ph type="lb">&lt;br/&gt;</ph>*No* <bpt i="5" type="italic">&lt;i&gt;</bpt>bien<ept i="5">&lt;/i&gt;</ept> <bpt i="6" type="link">&lt;a&gt;</bpt>aquí<ept i="6">&lt;/a&gt;</ept>.</seg>',
    );
    expect(xmlSchemaErrors(tmx, 'tmx14')).toBeNull();
    expect(tmx).not.toContain('javascript:');
    for (const out of [writeXliff12(doc()), writeXliff20(doc()), tmx]) expect(out).not.toMatch(/[\uE000-\uE2FF]/);
  });

  it("XLIFF 2.0: inline code ids inside the <mtc:match> never repeat the segment's in the same unit, and it stays valid", () => {
    const x20 = writeXliff20(doc());
    const unit = /<unit [\s\S]*?<\/unit>/.exec(x20)![0];
    const match = /<mtc:match [\s\S]*?<\/mtc:match>/.exec(unit)![0];
    const segment = /<segment [\s\S]*?<\/segment>/.exec(unit)![0];
    const ids = (xml: string) => new Set([...xml.matchAll(/<(?:pc|ph|sc|ec) [^>]*\bid="([^"]*)"/g)].map((m) => m[1]));
    const inMatch = ids(match);
    expect(inMatch.size).toBeGreaterThan(0);
    for (const id of ids(segment)) expect(inMatch.has(id)).toBe(false);
    expect(xmlSchemaErrors(x20, 'xliff20')).toBeNull();
  });

  it('DOCX has bold, italic, hyperlink and monospace runs and a break', async () => {
    const parts = docxParts(await writeDocx(doc()));
    const body = parts['word/document.xml']!;
    expect(body).toMatch(/<w:b\/>.*alcaldesa/);
    expect(body).toMatch(/<w:i\/>.*bien/);
    expect(body).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>.*esto/);
    expect(parts['word/_rels/document.xml.rels']).toContain('https://example.org/a?b=1&amp;c=2');
    expect(body).toMatch(/Courier New.*x &lt; y/);
    expect(body).toContain('<w:br/>');
    expect(body).not.toContain('javascript:');
    expect(body).not.toMatch(/[\uE000-\uE2FF]/);
  });
});
