import { describe, expect, it } from 'vitest';
import { FOOTER_TEMPLATES, renderFooter } from './footer.js';
import { endsWithFooter, footerApplies, publishBlockers, renderDocument } from './exportText.js';
import { segmentText } from './segment.js';
import type { BlockKind, MtRecord, Paragraph, ParagraphStatus } from './types.js';

type Block = Pick<Paragraph, 'kind' | 'marker' | 'target' | 'source'>;
const block = (kind: BlockKind, target: string, marker: string | null = null, source = 'SRC'): Block => ({
  kind,
  marker,
  target,
  source,
});

const FOOTER = renderFooter(FOOTER_TEMPLATES.es!, { publisher: 'Diario Ejemplo', contactEmail: 'redaccion@example.org' });

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const mt: MtRecord = {
  text: 'x',
  engineId: 'apertium',
  engineVersion: '3.8',
  sourceLang: 'en',
  targetLang: 'es',
  createdAt: '2025-01-01T00:00:00.000Z',
  unknownWords: [],
};

describe('publishBlockers', () => {
  it('lists the indices of every paragraph not signed off, ascending', () => {
    const statuses: ParagraphStatus[] = ['signed-off', 'new', 'signed-off', 'translated', 'machine', 'edited'];
    const paragraphs = statuses.map((status, index) => ({ status, index })).reverse();
    expect(publishBlockers(paragraphs)).toEqual({ count: 4, indices: [1, 3, 4, 5] });
  });

  it('is empty when all are signed off or there are none', () => {
    expect(publishBlockers([{ status: 'signed-off', index: 0 }])).toEqual({ count: 0, indices: [] });
    expect(publishBlockers([])).toEqual({ count: 0, indices: [] });
  });
});

describe('footerApplies', () => {
  const withMt = [{ mt: null }, { mt }];
  const withoutMt = [{ mt: null }, { mt: null }];
  it.each([
    ['always', withMt, true],
    ['always', withoutMt, true],
    ['always', [], true],
    ['never', withMt, false],
    ['never', withoutMt, false],
    ['when-mt', withMt, true],
    ['when-mt', withoutMt, false],
    ['when-mt', [], false],
  ] as const)('%s with %j -> %s', (policy, paragraphs, expected) => {
    expect(footerApplies(policy, [...paragraphs])).toBe(expected);
  });
});

describe('endsWithFooter', () => {
  it('finds a footer at the end, on its own lines', () => {
    expect(endsWithFooter(`Texto.\n\n${FOOTER}\n`, FOOTER)).toBe(true);
    expect(endsWithFooter(FOOTER, FOOTER)).toBe(true);
    expect(endsWithFooter(`Texto.\r\n\r\n${FOOTER.replace(/\n/g, '\r\n')}  \n\n`, FOOTER)).toBe(true);
  });

  it('does not match a footer in the middle, glued to other text, or an empty footer', () => {
    expect(endsWithFooter(`${FOOTER}\n\nMore text.`, FOOTER)).toBe(false);
    expect(endsWithFooter(`Texto.${FOOTER}`, FOOTER)).toBe(false);
    expect(endsWithFooter('Texto.', '')).toBe(false);
    expect(endsWithFooter('', FOOTER)).toBe(false);
  });
});

describe('renderDocument', () => {
  const doc: Block[] = [
    block('heading', 'Alibaba desmiente', '1'),
    block('paragraph', 'El gigante chino lo negó.\nEl sábado.'),
    block('heading', 'Reacciones', '2'),
    block('quote', '«Es falso»,\ndijo un portavoz.'),
    block('list-item', 'Washington'),
    block('list-item', 'Pekín', '2.'),
    block('paragraph', 'Fin.'),
  ];

  it('restores Markdown structure', () => {
    const out = renderDocument({ paragraphs: doc, format: 'md', mode: 'publish', footer: null, draftNotice: null });
    expect(out).toBe(
      [
        '# Alibaba desmiente',
        '',
        'El gigante chino lo negó.\nEl sábado.',
        '',
        '## Reacciones',
        '',
        '> «Es falso»,\n> dijo un portavoz.',
        '',
        '- Washington',
        '',
        '2. Pekín',
        '',
        'Fin.',
        '',
      ].join('\n'),
    );
  });

  it('renders plain text without markup in txt', () => {
    const out = renderDocument({ paragraphs: doc, format: 'txt', mode: 'publish', footer: null, draftNotice: null });
    expect(out).toBe(
      'Alibaba desmiente\n\nEl gigante chino lo negó.\nEl sábado.\n\nReacciones\n\n«Es falso»,\ndijo un portavoz.\n\nWashington\n\nPekín\n\nFin.\n',
    );
  });

  it('indents continuation lines of list items and keeps headings on one line', () => {
    const out = renderDocument({
      paragraphs: [block('list-item', 'uno\ndos', '10.'), block('heading', 'Título\nlargo', '3'), block('heading', 'Sin nivel', null)],
      format: 'md',
      mode: 'publish',
      footer: null,
      draftNotice: null,
    });
    expect(out).toBe('10. uno\n    dos\n\n### Título largo\n\n# Sin nivel\n');
  });

  it('round-trips Markdown through segmentation', () => {
    const md = renderDocument({ paragraphs: doc, format: 'md', mode: 'publish', footer: null, draftNotice: null });
    const segs = segmentText(md, 'md');
    expect(segs.map((s) => ({ kind: s.kind, marker: s.marker, target: s.text, source: 'SRC' }))).toEqual(doc);
  });

  it('appends the footer once, after one blank line', () => {
    for (const format of ['txt', 'md'] as const) {
      const out = renderDocument({ paragraphs: doc, format, mode: 'publish', footer: FOOTER, draftNotice: null });
      expect(occurrences(out, FOOTER)).toBe(1);
      expect(out.endsWith(`Fin.\n\n${FOOTER}\n`)).toBe(true);
    }
  });

  it('does not append the footer again when the document already ends with it', () => {
    const [line1, line2] = FOOTER.split('\n\n');
    const paragraphs = [...doc, block('paragraph', line1!), block('paragraph', line2!)];
    for (const format of ['txt', 'md'] as const) {
      const out = renderDocument({ paragraphs, format, mode: 'publish', footer: FOOTER, draftNotice: null });
      expect(occurrences(out, FOOTER)).toBe(1);
      expect(out.endsWith(`${FOOTER}\n`)).toBe(true);
      // and a re-export of that export stays the same
      const again = renderDocument({
        paragraphs: segmentText(out, format).map((s) => ({ kind: s.kind, marker: s.marker, target: s.text, source: '' })),
        format,
        mode: 'publish',
        footer: FOOTER,
        draftNotice: null,
      });
      expect(again).toBe(out);
    }
  });

  it('appends the footer when the old one is only part of the document', () => {
    const [line1] = FOOTER.split('\n\n');
    const out = renderDocument({
      paragraphs: [block('paragraph', 'Texto.'), block('paragraph', line1!)],
      format: 'txt',
      mode: 'publish',
      footer: FOOTER,
      draftNotice: null,
    });
    expect(occurrences(out, FOOTER)).toBe(1);
    expect(occurrences(out, line1!)).toBe(2);
  });

  it('puts the draft notice first and marks untranslated paragraphs with their source', () => {
    const out = renderDocument({
      paragraphs: [block('heading', '', '2', 'Reactions'), block('paragraph', 'Traducido.'), block('list-item', '  ', null, 'Beijing')],
      format: 'md',
      mode: 'draft',
      footer: FOOTER,
      draftNotice: 'BORRADOR — no publicar',
    });
    expect(out).toBe(
      `BORRADOR — no publicar\n\n## [untranslated] Reactions\n\nTraducido.\n\n- [untranslated] Beijing\n\n${FOOTER}\n`,
    );
  });

  it('does not crash on an empty target in publish mode', () => {
    const out = renderDocument({
      paragraphs: [block('paragraph', '', null, 'Source text')],
      format: 'txt',
      mode: 'publish',
      footer: null,
      draftNotice: null,
    });
    expect(out).toBe('[untranslated] Source text\n');
  });

  it('ends with exactly one newline, normalizing the targets', () => {
    const out = renderDocument({
      paragraphs: [block('paragraph', 'Uno.  \r\nDos.\n\n\n')],
      format: 'txt',
      mode: 'publish',
      footer: `${FOOTER}\n\n\n`,
      draftNotice: null,
    });
    expect(out).toBe(`Uno.\nDos.\n\n${FOOTER}\n`);
    expect(renderDocument({ paragraphs: [], format: 'md', mode: 'publish', footer: null, draftNotice: null })).toBe('\n');
    expect(renderDocument({ paragraphs: [], format: 'md', mode: 'publish', footer: FOOTER, draftNotice: null })).toBe(
      `${FOOTER}\n`,
    );
  });

  it('ignores an empty footer', () => {
    const out = renderDocument({ paragraphs: [block('paragraph', 'Uno.')], format: 'txt', mode: 'publish', footer: '  ', draftNotice: null });
    expect(out).toBe('Uno.\n');
  });
});
