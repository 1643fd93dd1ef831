/**
 * Realistic CMS pages (fixtures/cms/, written for Verso in the shape of large news sites' pages):
 * the headline arrives first, as a heading, and is the title; then standfirst, byline, lead
 * caption and body, with links and emphasis as chips; no page furniture ever becomes a row, in
 * the article reading or the whole-page one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedSegment } from '../../../../shared/import/importedDocument.js';
import { renderPlainText } from '../../../../shared/inline/renderInline.js';
import { hasVisibleText } from '../../../../shared/import/visibleText.js';
import { parseImportFile } from '../../parseImport.js';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'cms');

async function read(file: string, extract: 'article' | 'page') {
  return parseImportFile({ fileName: file, bytes: fs.readFileSync(path.join(DIR, file)), extract });
}
const plain = (s: ImportedSegment) => renderPlainText(s.text, s.codes ?? []);
/** Each row as "kind: text", headings with their level. */
const rows = (segments: ImportedSegment[]) => segments.map((s) => `${s.kind === 'heading' ? `h${s.marker}` : s.kind}: ${plain(s)}`);

interface Expected {
  title: string;
  /** Every row of the article reading, as "kind: beginning of its text". */
  article: string[];
  /** Rows the whole-page reading adds (it must also hold every article row). */
  pageAdds: string[];
  /** [row, href] pairs: that row carries a link chip to that address. */
  links: [number, string][];
}

const PAGES: Record<string, Expected> = {
  'nyt-like.html': {
    title: 'City Council Approves Budget After Monthslong Fight',
    article: [
      'h1: City Council Approves Budget After Monthslong Fight',
      'paragraph: The $4.2 billion plan raises spending on buses and schools, and ends a standoff that had threatened to shut libraries.',
      'paragraph: Council members voted 38 to 13 on Tuesday evening.',
      'paragraph: By Jane Doe and Omar Haddad',
      'paragraph: The New York City Council on Tuesday approved a $4.2 billion budget',
      'paragraph: The vote, 38 to 13, came after four months of negotiations',
      'paragraph: “This is a budget that puts people first,”',
      'paragraph: The mayor’s office said in a statement that it would sign the plan, calling it “responsible and fair.”',
      'h2: What changes for riders',
      'paragraph: Bus service will run every eight minutes',
      'paragraph: Critics said the plan leaned on one-time federal money',
    ],
    pageAdds: [],
    links: [
      [3, 'https://www.nytimes.example/by/jane-doe'],
      [4, 'https://www.example.com/buses'],
    ],
  },
  'guardian-like.html': {
    title: 'Flood defences fail as river bursts its banks in Yorkshire',
    article: [
      'h1: Flood defences fail as river bursts its banks in Yorkshire',
      'paragraph: Hundreds of homes evacuated after barriers built in 2016 are overwhelmed by the highest water levels on record',
      'paragraph: Residents are helped from their homes in Tadcaster on Tuesday.',
      'paragraph: Helen Pidd North of England editor',
      'paragraph: Hundreds of people were evacuated from their homes in North Yorkshire',
      'paragraph: The Environment Agency said the river had reached 4.6 metres',
      'paragraph: “We were told this would never happen again,”',
      'h2: What went wrong',
      'paragraph: Engineers said the barriers had held',
      'paragraph: The government said it would review spending on flood defences',
    ],
    pageAdds: [],
    links: [[4, 'https://www.theguardian.example/uk-news/2016/jan/01/defences']],
  },
  'bbc-like.html': {
    title: 'Kenya floods: Dozens dead as Nairobi river bursts its banks',
    article: [
      'h1: Kenya floods: Dozens dead as Nairobi river bursts its banks',
      'paragraph: Amina Yusuf',
      'paragraph: BBC News, Nairobi',
      'paragraph: Residents of Mathare wade through flood water on Monday',
      'paragraph: At least 38 people have died in the Kenyan capital',
      'paragraph: Thousands of people living in informal settlements',
      'paragraph: The government has opened schools as temporary shelters',
      'paragraph: Watch: Cars swept away as roads turn to rivers',
      'paragraph: Kenya has been hit by unusually strong rains',
      'paragraph: “We lost everything in one night,”',
      'h2: A growing toll',
      'paragraph: Across the country more than 100 people have died',
    ],
    pageAdds: [],
    links: [[5, 'https://www.redcross.example/kenya']],
  },
  'wire-like.html': {
    title: 'US Senate passes stopgap funding bill, averting shutdown',
    article: [
      'h1: US Senate passes stopgap funding bill, averting shutdown',
      'paragraph: By Jane Doe and Richard Cowan',
      'paragraph: The U.S. Capitol building is seen at dusk in Washington, U.S., March 3, 2026.',
      'paragraph: WASHINGTON, March 3 (Reuters) - The U.S. Senate on Tuesday passed a stopgap bill',
      'paragraph: The Senate voted 77-13 for the measure',
      'paragraph: "We have averted a shutdown that nobody wanted,"',
      'paragraph: The bill keeps spending at current levels',
      'paragraph: Congress has relied on short-term funding bills',
      'paragraph: Reporting by Jane Doe and Richard Cowan; Editing by Scott Malone and Diane Craft',
    ],
    pageAdds: ['paragraph: Our Standards: The Thomson Reuters Trust Principles.'],
    links: [[3, 'https://www.reuters.example/world/us/what-happens-shutdown/']],
  },
  'wordpress-like.html': {
    title: 'Riverside school wins national science prize',
    article: [
      'h1: Riverside school wins national science prize',
      'paragraph: by Kevin Marsh',
      'paragraph: A team of five students from Riverside High School has won the National Young Scientists Award',
      'paragraph: The students, all aged 16 and 17, built the device',
      'paragraph: The sensor floats in an irrigation channel near Millbrook.',
      'paragraph: “We wanted something every farmer here could afford,”',
      'paragraph: The award comes with a $10,000 grant',
    ],
    pageAdds: [],
    links: [[6, 'https://valleyherald.example/tag/stem/']],
  },
  'elpais-like.html': {
    title: 'El Gobierno aprueba la ley de vivienda tras dos años de negociación',
    article: [
      'h1: El Gobierno aprueba la ley de vivienda tras dos años de negociación',
      'paragraph: La norma limita las subidas del alquiler en las zonas tensionadas',
      'paragraph: María López',
      'paragraph: La ministra de Vivienda, durante la rueda de prensa posterior al Consejo de Ministros, este martes en Madrid.',
      'paragraph: El Consejo de Ministros ha aprobado este martes la ley de vivienda',
      'paragraph: La norma permite a las comunidades autónomas',
      'paragraph: “Es un día histórico para millones de inquilinos”',
      'h3: Qué cambia para los inquilinos',
      'paragraph: Los contratos firmados a partir de la entrada en vigor',
    ],
    pageAdds: [],
    links: [
      [2, 'https://elpais.example/autor/maria-lopez/'],
      [4, 'https://elpais.example/economia/2026-01-10/ley-vivienda.html'],
    ],
  },
  'zeit-like.html': {
    title: 'Hochwasser in Bayern: Die Pegel steigen weiter',
    article: [
      'h1: Hochwasser in Bayern: Die Pegel steigen weiter',
      'paragraph: In Passau hat die Donau die Marke von zehn Metern überschritten.',
      'paragraph: Von Lena Brandt',
      'paragraph: Die Altstadt von Passau am Dienstagmorgen',
      'paragraph: Das Hochwasser in Bayern hat sich am Dienstag weiter verschärft.',
      'paragraph: Die Stadt rief den Katastrophenfall aus.',
      'paragraph: „So etwas habe ich in 40 Jahren nicht erlebt“',
      'h2: Lage auch in Regensburg angespannt',
      'paragraph: Auch in Regensburg bereitete sich die Stadt auf weiter steigende Pegel vor.',
    ],
    // The fact box (an <aside> in the story) is left out of the article by Readability; the whole page keeps it.
    pageAdds: ['h3: Pegelstände', 'paragraph: Ab einem Pegel von 8,50 Metern gilt in Passau die höchste Meldestufe.'],
    links: [
      [2, 'https://www.zeit.example/autoren/B/Lena_Brandt/index'],
      [4, 'https://www.zeit.example/thema/passau'],
    ],
  },
  'liveblog-like.html': {
    title: 'Storm Henk live: flights cancelled and trains halted as 90mph winds hit',
    article: [
      'h1: Storm Henk live: flights cancelled and trains halted as 90mph winds hit',
      'list-item: Met Office issues amber warning for most of England and Wales',
      'list-item: More than 40,000 homes without power',
      'list-item: Network Rail closes lines in the south-west',
      'paragraph: By Sam Reid (now) and Ana Ortiz (earlier)',
      'h2: Power cut to 40,000 homes',
      'paragraph: More than 40,000 homes in Devon and Cornwall are without electricity',
      'paragraph: Engineers hope to reconnect most customers by the evening',
      'h2: Heathrow cancels 120 flights',
      'paragraph: Heathrow airport has cancelled 120 flights',
      'paragraph: Departure boards at Heathrow Terminal 5 on Tuesday morning.',
      'paragraph: Good morning and welcome to our live coverage of Storm Henk',
      'paragraph: The Met Office has issued an amber warning for wind from 9am until 9pm.',
    ],
    pageAdds: [],
    links: [
      [6, 'https://www.nationalgrid.example/outages'],
      [4, 'https://www.courier.example/profile/sam-reid'],
    ],
  },
  'gallery-like.html': {
    title: 'In pictures: Floods sweep through the Ebro valley',
    article: [
      'h1: In pictures: Floods sweep through the Ebro valley',
      'paragraph: Images from the towns and farms of northern Spain after a week of record rainfall.',
      'paragraph: Photographs by Lucía Gil',
      'paragraph: Residents of Alagón use a tractor to cross a flooded street on Monday. The river rose by two metres overnight.',
      'paragraph: A farmer checks on his flooded orchard near Zaragoza.',
      'paragraph: Soldiers from the emergency military unit pile sandbags in front of the town hall in Novillas.',
    ],
    pageAdds: [],
    links: [],
  },
};

/** Furniture of these pages: none of it may be a row, or part of one, in either reading. */
const CLUTTER = [
  /\bAdvertisement\b/i,
  /\bSKIP\b/,
  /Continue reading/i,
  /^Share\b/,
  /\bShare (this|full|on|via)\b/,
  /^Tweet$/,
  /^E-?mail$/,
  /\b\d+ of \d+\b/,
  /Most (Popular|viewed|Read)/i,
  /Getty Images/,
  /Photograph:/,
  /Credit/,
  /REUTERS\//,
  /Europa Press/,
  /©/,
  /\bSign (up|in)\b/,
  /Comments?\b/,
  /Subscribe/,
  /Log in/,
  /Skip to/,
  /Read more/i,
  /Related/,
  /Explore/,
  /Top stories/,
  /Features/,
  /cookies?/i,
  /Key events/,
  /Pinned post/,
  /\bUpdated\b/,
  /\bGMT\b/,
  /\b(Next|Previous)\b/,
  /Privacy/,
  /newsletter/i,
  /min read/,
  /Purchase Licensing/,
  /Listen/,
  /Image (source|caption)/,
  /Media caption/,
  /Publicidad/,
  /Compartir/,
  /Comentarios/,
  /Lo más visto/,
  /Archivado/,
  /Más información/,
  /Anzeige/,
  /Kommentare/,
  /Artikel anhören/,
  /Merkliste/,
  /Teilen/,
  /Schlagworte/,
  /Meistgelesen/,
  /Mehr zum Thema/,
  /Quelle:/,
  /Akzeptieren/,
  /Support/,
  /Africa/,
  /New York$/,
  /^Flooding$/,
  /^Economía$/,
  /Recent Posts/,
  /Leave a Reply/,
  /Like this/,
  /Loading/,
  /Proudly powered/,
  /Posted in/,
  /Tagged/,
  /More galleries/,
  /copyright/i,
  /Older|Newest/,
  /^Live$/,
  /Reuse this content/,
  /\b\d{1,2}:\d{2}\b/,
  /\bET\b/,
  /Uhr\b/,
  /CET/,
  /North of England editor.+\d/,
  /\bWorld\b/,
  /\bWatch: .+Watch/,
];

describe.each(Object.entries(PAGES))('%s', (file, expected) => {
  it('article: the headline first (and as the title), then standfirst, byline, caption and body', async () => {
    const parsed = await read(file, 'article');
    expect(parsed.title).toBe(expected.title);
    expect(parsed.segments[0]).toMatchObject({ kind: 'heading', marker: '1' });
    const got = rows(parsed.segments);
    expect(got.length, got.join('\n')).toBe(expected.article.length);
    got.forEach((row, i) => expect(row.startsWith(expected.article[i]!), `row ${i}: ${row}`).toBe(true));
    for (const [row, href] of expected.links) expect(parsed.segments[row]!.codes, `row ${row}`).toContainEqual({ type: 'link', href });
  });

  it('whole page: the same headline and rows, plus what the article reading leaves out, and no furniture', async () => {
    const article = rows((await read(file, 'article')).segments);
    const parsed = await read(file, 'page');
    expect(parsed.title).toBe(expected.title);
    const got = rows(parsed.segments);
    expect(got[0]).toBe(article[0]);
    expect(got.filter((r) => !article.includes(r))).toEqual(
      expected.pageAdds.map((prefix) => got.find((r) => r.startsWith(prefix)) ?? `missing: ${prefix}`),
    );
    expect(article.filter((r) => !got.includes(r))).toEqual([]);
  });

  it.each(['article', 'page'] as const)('no row is page furniture or blank (%s)', async (extract) => {
    const parsed = await read(file, extract);
    for (const s of parsed.segments) {
      expect(hasVisibleText(s.text, s.codes)).toBe(true);
      for (const pattern of CLUTTER) expect(plain(s), String(pattern)).not.toMatch(pattern);
    }
  });
});

describe('titles', () => {
  it('a site-name suffix, a section label, a gallery counter or an author is never the title', async () => {
    for (const [file, { title }] of Object.entries(PAGES)) {
      const parsed = await read(file, 'article');
      expect(parsed.title, file).toBe(title);
      expect(parsed.title).not.toMatch(
        /\||New York Times|Guardian|BBC|Reuters|Valley Herald|EL PAÍS|ZEIT|Courier|^\d+ of \d+$|^Africa$|^Kevin/,
      );
    }
  });
});
