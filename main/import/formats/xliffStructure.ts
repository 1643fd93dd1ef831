/**
 * Paragraph structure in Verso's own XLIFF (the contract between writer and reader): XLIFF 1.2
 * `<trans-unit restype="x-verso-KIND">`, XLIFF 2.0 `<unit type="verso:KIND">`, KIND being
 * `heading-N` (level 1–6), `list-item` (unordered), `list-item-M` (ordered; M the ordinal digits
 * of the marker, "3." → `list-item-3`) or `quote`; nothing for a plain paragraph. Both schemas
 * accept it (1.2 restype `x-…`, 2.0 type `prefix:value`).
 */
import type { BlockKind } from '../../../shared/types.js';

/** KIND for a block, or null for a plain paragraph. */
export function structureKind(kind: BlockKind, marker: string | null): string | null {
  switch (kind) {
    case 'paragraph':
      return null;
    case 'quote':
      return 'quote';
    case 'heading': {
      const n = marker === null ? NaN : Number.parseInt(marker, 10);
      return `heading-${Number.isInteger(n) ? Math.min(6, Math.max(1, n)) : 1}`;
    }
    case 'list-item': {
      const ordinal = marker === null ? null : /^(\d{1,9})[.)]?$/.exec(marker.trim())?.[1];
      return ordinal ? `list-item-${ordinal}` : 'list-item';
    }
  }
}

/** The block a KIND names (from `restype="x-verso-KIND"` or `type="verso:KIND"`), or null when it names none. */
export function blockOfStructure(value: string | null): { kind: BlockKind; marker: string | null } | null {
  const kind = value === null ? null : (/^(?:x-verso-|verso:)(.+)$/.exec(value)?.[1] ?? null);
  if (kind === null) return null;
  if (kind === 'quote') return { kind: 'quote', marker: null };
  if (kind === 'list-item') return { kind: 'list-item', marker: null };
  // Verso before issue 14 wrote 2.0 type="verso:heading" without the level.
  if (kind === 'heading') return { kind: 'heading', marker: null };
  const heading = /^heading-([1-6])$/.exec(kind);
  if (heading) return { kind: 'heading', marker: heading[1]! };
  const item = /^list-item-(\d{1,9})$/.exec(kind);
  if (item) return { kind: 'list-item', marker: `${item[1]}.` };
  return null;
}
