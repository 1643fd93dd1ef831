/**
 * Photo credits ("Photograph: Jane Doe/Reuters", "Foto: dpa", "© Agency", "Jane Doe (AFP)"), in
 * any of the languages below: where a caption's credit starts, and whether a whole block is one.
 * Used by the HTML reader (credits leave captions and go as blocks) and by the document title (a
 * first line that is a credit, as in a story copied with its picture's line, is no title). Pure.
 */

/** Words that label a photo credit when a colon follows: "Photograph: …", "Foto: …", "Imagen: …". */
const CREDIT_LABELS = [
  'photograph',
  'photographs',
  'photo',
  'photos',
  'picture',
  'pictures',
  'image',
  'images',
  'illustration',
  'graphic',
  'graphics',
  'credit',
  'credits',
  'photo credit',
  'image credit',
  'source',
  'foto',
  'fotos',
  'bild',
  'bilder',
  'quelle',
  'grafik',
  'imagen',
  'imágenes',
  'fotografía',
  'ilustración',
  'crédito',
  'créditos',
  'fuente',
  'crédit',
  'crédits',
  'photographie',
  'dessin',
  'fonte',
  'immagine',
  'crediti',
  'afbeelding',
  'beeld',
  'bron',
];
/** Credit labels that also name a data source ("Source: the ministry"): never a whole block's reason to go. */
const SOURCE_LABELS = new Set(['source', 'quelle', 'fuente', 'fonte', 'bron']);
const AGENCIES = [
  'Getty Images',
  'Getty',
  'AFP',
  'Reuters',
  'AP',
  'Associated Press',
  'EPA',
  'EPA-EFE',
  'EFE',
  'dpa',
  'picture alliance',
  'picture-alliance',
  'imago',
  'imago images',
  'Shutterstock',
  'Alamy',
  'PA',
  'PA Images',
  'PA Media',
  'PA Wire',
  'Bloomberg',
  'ANP',
  'Keystone',
  'ANSA',
  'Europa Press',
  'Xinhua',
  'Sipa',
  'Abaca',
  'ZUMA',
  'ZUMA Press',
  'NurPhoto',
  'SOPA Images',
  'Ritzau Scanpix',
  'TASS',
  'RIA Novosti',
  'Kyodo',
  'Yonhap',
  'eyevine',
  'Rex',
  'Rex Features',
  'ddp',
  'action press',
  'Hollandse Hoogte',
  'Unsplash',
];

/** A case-insensitive pattern for a literal word (the name patterns around it need case). */
function ci(word: string): string {
  return [...word]
    .map((ch) =>
      ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
    )
    .join('');
}
const byLongest = (a: string, b: string) => b.length - a.length;
const LABEL = `(?<![\\p{L}\\p{N}])(?:${[...CREDIT_LABELS].sort(byLongest).map(ci).join('|')})(?![\\p{L}\\p{N}])`;
const AGENCY = `(?<![\\p{L}\\p{N}])(?:${[...AGENCIES].sort(byLongest).map(ci).join('|')})(?![\\p{L}\\p{N}])`;
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|van|von|da|di|del|la|le|al|bin|ibn)){0,4}";
const BY = `(?:${['by', 'von', 'de', 'par', 'di', 'door'].map(ci).join('|')})`;

/** A credit from where it starts to the end of the caption. */
const CREDIT = new RegExp(
  '^(?:' +
    [
      // "Photograph: Jane Doe/Reuters", "Foto: dpa", "Image credit: …".
      `${LABEL}(?:\\s+${BY})?\\s*(?:[:：]|\\.{3}|…)\\s*\\S.{0,150}`,
      // "© Jane Doe", "(c) Agency", "Copyright 2026 …".
      `(?:©|\\([cC]\\)\\s|${ci('copyright')}\\s*(?:©|\\d{4}|${ci('by')}\\s)).{0,150}`,
      // "Credit Nicole Craine for The New York Times", "Foto Max Muster/dpa" (a label and a name, no colon).
      `(?:${['credit', 'crédito', 'crédit', 'photo', 'foto', 'bild'].map(ci).join('|')})\\s+${NAME}(?:\\s*(?:/|for|via|für|para|pour)\\s*[^.!?]{1,60})?\\.?`,
      // "Photo by Jane Doe on Unsplash", "Foto von Max Muster".
      `(?:${['photo', 'photograph', 'picture', 'image', 'illustration', 'foto', 'bild', 'imagen', 'photographie'].map(ci).join('|')})\\s+${BY}\\s+[^.!?]{1,80}\\.?`,
      // "Jane Doe/Getty Images", "AFP via Getty Images", "Reuters", "AP Photo/Jane Doe".
      `(?:${NAME}\\s*(?:/|for|via|für|para|pour)\\s*)?${AGENCY}(?:\\s+${ci('photo')})?(?:\\s*/\\s*${NAME})?(?:\\s+via\\s+${ci('Getty Images')})?\\.?`,
      // "Eduardo Parra (Europa Press)", "Jane Doe (AFP)".
      `${NAME}\\s*\\(${AGENCY}\\)\\.?`,
      // "(AP Photo/Jane Doe)", "(Jane Doe/Reuters)", "(Foto: dpa)".
      `\\((?:[^()]*${LABEL}[^()]*|${NAME}\\s*/\\s*${NAME}|[^()]*${AGENCY}[^()]*)\\)\\.?`,
    ].join('|') +
    ')\\s*$',
  'u',
);

/** Indexes where a credit may start: the beginning, after a sentence, after a separator, before "(" or "©". */
function creditStarts(caption: string): number[] {
  const starts = [0];
  const boundary = /(?:[.!?…"”’)]\s+|[.!?…"”’)](?=\p{Lu}|©)|\s+[|/–—-]\s*|\s+(?=\(|©))/gu;
  for (let m = boundary.exec(caption); m; m = boundary.exec(caption)) starts.push(m.index + m[0].length);
  return starts;
}

/** Where a caption's photo credit starts, or -1 when it has none. */
export function creditStart(caption: string): number {
  for (const i of creditStarts(caption)) if (i < caption.length && CREDIT.test(caption.slice(i))) return i;
  return -1;
}

/** A caption without its photo credit (and the separator before it); '' when it was only a credit. */
export function withoutCredit(caption: string): string {
  const at = creditStart(caption);
  return at < 0
    ? caption.trim()
    : caption
        .slice(0, at)
        .replace(/[\s|/–—-]+$/u, '')
        .trim();
}

/** True when a whole block is a photo credit and nothing else ("Photograph: Jane Doe/Reuters", "Getty Images"). */
export function isCreditOnly(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length === 0 || t.length > 120 || creditStart(t) !== 0) return false;
  const label = /^([^:：]+)[:：]\s*(.*)$/u.exec(t);
  if (!label) return true;
  // "Source: the ministry said …" is a note, not a credit; a credit names people or agencies, briefly.
  if (SOURCE_LABELS.has(label[1]!.trim().toLowerCase())) return false;
  const tail = label[2]!;
  return tail.split(' ').length <= 6 || tail.includes('/') || new RegExp(AGENCY, 'u').test(tail);
}
