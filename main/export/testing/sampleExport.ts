/** A small document with every block kind, every status and hostile text, for the writers' golden tests. */
import type { ExportDocument, ExportParagraph } from '../model.js';

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const importer = { name: 'Tomás Translator', role: 'translator' as const, at: at(0) };
const editor = { name: 'Elena Editor', role: 'editor' as const, at: at(30) };
const mt = (text: string) => ({
  text,
  engineId: 'apertium',
  engineVersion: 'apertium 3.8.3 eng-spa',
  sourceLang: 'en',
  targetLang: 'es',
  createdAt: at(1),
  unknownWords: [],
});
const signed = (hash: string) => ({ profileId: 'p-elena', name: 'Elena Editor', role: 'editor' as const, at: at(30), textHash: hash });

function para(index: number, fields: Partial<ExportParagraph> & Pick<ExportParagraph, 'source' | 'target' | 'status'>): ExportParagraph {
  return {
    id: `par-${index + 1}`,
    index,
    kind: 'paragraph',
    marker: null,
    codes: [],
    mt: null,
    engineName: null,
    signOff: null,
    confirmedBy: null,
    editors: [],
    created: importer,
    changed: importer,
    ...fields,
  };
}

export function sampleParagraphs(): ExportParagraph[] {
  return [
    para(0, {
      kind: 'heading',
      marker: '1',
      source: 'Rain & <wind> hit the coast',
      target: 'Lluvia y <viento> azotan la costa',
      status: 'signed-off',
      mt: mt('Lluvia & <viento> golpeó la costa'),
      engineName: 'Apertium',
      editors: [importer],
      confirmedBy: importer,
      signOff: signed('0f9c2c1f'),
      changed: editor,
    }),
    para(1, {
      source: 'The storm <script>alert("x")</script> closed 3 roads on "Monday".',
      target: 'La tormenta <script>alert("x")</script> cerró 3 carreteras el "lunes".',
      status: 'signed-off',
      mt: mt('La tormenta cerró 3 carreteras el "lunes".'),
      engineName: 'Apertium',
      confirmedBy: importer,
      signOff: signed('aa11'),
      changed: editor,
    }),
    para(2, {
      kind: 'list-item',
      marker: '-',
      source: 'Schools *closed*',
      target: 'Escuelas *cerradas*',
      status: 'translated',
      confirmedBy: importer,
    }),
    para(3, {
      kind: 'list-item',
      marker: '-',
      source: 'Trains [late]',
      target: 'Trenes [con retraso]',
      status: 'edited',
      editors: [importer],
    }),
    para(4, {
      kind: 'quote',
      source: '"Stay home," she said.\nThen she left.',
      target: '«Quédense en casa», dijo.\nLuego se fue.',
      status: 'machine',
      mt: mt('«Quédense en casa», dijo.\nLuego se fue.'),
      engineName: 'Apertium',
    }),
    para(5, { source: '# Not a heading', target: '', status: 'new' }),
  ];
}

export function sampleExport(overrides: Partial<ExportDocument> = {}): ExportDocument {
  return {
    id: 'doc-1',
    title: 'Storm & coast',
    sourceLang: 'en',
    targetLang: 'es',
    createdAt: at(0),
    paragraphs: sampleParagraphs(),
    mode: 'publish',
    footer: { lang: 'es', lines: ['Este artículo fue traducido con ayuda de IA.', 'Escríbanos a redaccion@example.org.'] },
    draftNotice: null,
    exportedAt: at(45),
    toolVersion: '0.1.0',
    ...overrides,
  };
}
