/**
 * JSON provenance: per paragraph the engine and model, the edit distance from the machine
 * translation, who confirmed, who signed off and when, and the SHA-256 of the signed text (checked
 * against the text exported now). No footer: it is not a paragraph.
 */
import { createHash } from 'node:crypto';
import { normalisedCharDistance } from '../../../shared/metrics/effort.js';
import { editDistance } from '../../../shared/text/editDistance.js';
import { originKind, type ExportDocument, type ExportParagraph } from '../model.js';
import type { HumanDeclaration, OriginKind } from '../../../shared/types.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ParagraphProvenance {
  number: number;
  id: string;
  kind: ExportParagraph['kind'];
  status: ExportParagraph['status'];
  source: string;
  target: string;
  mt: { engineId: string; engine: string; model: string; createdAt: string; text: string } | null;
  /** Character edits from the machine translation to the final text (null without MT). */
  editDistance: { characters: number; normalised: number } | null;
  editedBy: string[];
  confirmedBy: { name: string; at: string } | null;
  signedOff: { name: string; role: string; at: string; sha256: string; matchesText: boolean } | null;
  /** Excluded from translation: not part of the published text. */
  excluded?: true;
  /** Where the translation came from (issue 12): mt / tm / human / unknown, null without one; the tool an import came from; an editor's declaration. */
  origin: { kind: OriginKind | null; importedFrom: string | null; declaredHuman: HumanDeclaration | null };
}

export function paragraphProvenance(p: ExportParagraph): ParagraphProvenance {
  return {
    number: p.index + 1,
    id: p.id,
    kind: p.kind,
    status: p.status,
    source: p.source,
    target: p.target,
    mt: p.mt
      ? {
          engineId: p.mt.engineId,
          engine: p.engineName ?? p.mt.engineId,
          model: p.mt.engineVersion,
          createdAt: p.mt.createdAt,
          text: p.mt.text,
        }
      : null,
    editDistance: p.mt
      ? {
          characters: editDistance([...p.mt.text], [...p.target]),
          normalised: Math.round(normalisedCharDistance(p.mt.text, p.target) * 10000) / 10000,
        }
      : null,
    editedBy: p.editors.map((e) => e.name),
    confirmedBy: p.confirmedBy ? { name: p.confirmedBy.name, at: p.confirmedBy.at } : null,
    signedOff: p.signOff
      ? {
          name: p.signOff.name,
          role: p.signOff.role,
          at: p.signOff.at,
          sha256: p.signOff.textHash,
          matchesText: sha256(p.target) === p.signOff.textHash,
        }
      : null,
    ...(p.excluded ? { excluded: true as const } : {}),
    origin: { kind: originKind(p), importedFrom: p.origin?.tool ?? null, declaredHuman: p.origin?.declaredHuman ?? null },
  };
}

export function writeProvenance(doc: ExportDocument): string {
  const value = {
    format: 'verso-provenance',
    version: 1,
    tool: { name: 'Verso', version: doc.toolVersion },
    document: { id: doc.id, title: doc.title, sourceLang: doc.sourceLang, targetLang: doc.targetLang, createdAt: doc.createdAt },
    exportedAt: doc.exportedAt,
    draft: doc.draftNotice !== null,
    ...(doc.draftNotice !== null ? { draftNotice: doc.draftNotice.text } : {}),
    ...(doc.footerGovernance ? { footer: doc.footerGovernance } : {}),
    paragraphs: doc.paragraphs.map(paragraphProvenance),
  };
  return JSON.stringify(value, null, 2) + '\n';
}
