/**
 * Importing in browser mode: XLIFF, HTML and Word (DOCX) uploads through the file picker, a file
 * dropped onto the window, hostile files refused with a translated message (pathological Markdown
 * among them), and a living-story re-import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/fixtures.js';
import { ImportPage } from './support/importPage.js';
import { VersoPage } from './support/versoPage.js';

const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="es" datatype="plaintext" original="flood.txt" tool-id="t1">
    <header><tool tool-id="t1" tool-name="OtherMT"/></header>
    <body>
      <trans-unit id="1"><source>Flood waters rise in river town</source><target state="translated">Crecen las aguas en un pueblo ribereño</target></trans-unit>
      <trans-unit id="2"><source>Heavy rain caused the river to burst its banks.</source><target state="needs-review-translation">Las fuertes lluvias desbordaron el río.</target></trans-unit>
      <trans-unit id="3"><source>Schools will remain closed until Friday.</source></trans-unit>
    </body>
  </file>
</xliff>`;

const HTML = `<!doctype html><html><head><title>Flood</title><script>window.__pwned = 1; alert('x')</script></head>
<body onload="window.__pwned = 2"><nav><a href="/">Home</a></nav>
<article><h1>Flood waters rise</h1>
<p>The river <a href="javascript:window.__pwned=3" onclick="window.__pwned=4">burst</a> its banks.</p>
<p><img src="x" onerror="window.__pwned=5">More than 200 homes were flooded.</p></article></body></html>`;

async function upload(page: import('@playwright/test').Page, name: string, mimeType: string, content: string | Buffer) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test('uploads an XLIFF file with translations made elsewhere', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Editor');
  await upload(page, 'flood.xlf', 'application/xliff+xml', XLIFF);
  await expect(app.rows()).toHaveCount(3);
  await expect(app.translation(0)).toHaveValue('Crecen las aguas en un pueblo ribereño');
  await expect(app.row(0)).toContainText('Confirmed');
  await expect(app.translation(1)).toHaveValue('Las fuertes lluvias desbordaron el río.');
  await expect(app.row(1)).toContainText('Machine translation');
  await expect(app.row(1)).toContainText('MT: OtherMT');
  await expect(app.translation(2)).toHaveValue('');
  await expect(app.row(2)).toContainText('New');
});

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'main', 'import', 'fixtures');

test('uploads a Word file (DOCX): headings, paragraphs, list items and its bold, italic and links as chips', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await upload(page, 'flood.docx', DOCX_MIME, fs.readFileSync(path.join(FIXTURES, 'docx', 'article.docx')));
  await expect(app.rows()).toHaveCount(10);
  await expect(app.row(0)).toContainText('Flood waters rise in Müllheim');
  // Bold and italic runs come as chips around their words.
  await expect(app.row(1)).toContainText('Heavy rain caused the river to');
  await expect(app.row(1).getByRole('img', { name: 'start of bold' })).toHaveCount(1);
  await expect(app.row(1).getByRole('img', { name: 'end of italic' })).toHaveCount(1);
  await expect(app.row(3).getByRole('img', { name: 'start of link to https://example.org/council' })).toHaveCount(1);
  await expect(app.row(2)).toContainText('What the council said');
  await expect(app.row(0)).toContainText('Heading 1');
  await expect(app.row(2)).toContainText('Heading 2');
  await expect(app.row(6)).toContainText('List item');
  await expect(app.row(6)).toContainText('First step');
});

test('a Word zip bomb is refused with a translated message naming the limit', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await upload(page, 'bomb.docx', DOCX_MIME, fs.readFileSync(path.join(FIXTURES, 'hostile', 'zip-bomb-declared.docx')));
  await expect(page.getByRole('alert')).toHaveText(
    'The Word file would unpack to more than 64 MB (part “word/document.xml”), so it was not opened: it may be a zip bomb. Nothing was imported.',
  );
});

test('Markdown: 200 KB of [ is refused at once with a translated message; the same markup in short blocks imports', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await upload(page, 'brackets.md', 'text/markdown', '['.repeat(200_000));
  await expect(page.getByRole('alert')).toHaveText(
    'The Markdown is too complex to read quickly from line 1 on (too much markup in one block of lines, or quotes and lists nested too deeply). Nothing was imported.',
    { timeout: 5_000 },
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No articles yet. Import one to begin.')).toBeVisible();
  await upload(
    page,
    'story.md',
    'text/markdown',
    '# Brackets [ and **bold** [link](https://example.org/)\n\n' + 'Text [ with [ brackets.\n\n'.repeat(2),
  );
  await expect(app.rows()).toHaveCount(3);
  await expect(app.row(1)).toContainText('Text [ with [ brackets.');
  await expect(app.row(0).getByRole('img', { name: 'start of link to https://example.org/' })).toHaveCount(1);
});

test('uploads a CMS page: only the article text, and nothing in it runs', async ({ page, server }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await upload(page, 'flood.html', 'text/html', HTML);
  await expect(app.rows()).toHaveCount(3);
  await expect(app.row(0)).toContainText('Flood waters rise');
  await expect(app.row(1)).toContainText('The river burst its banks.');
  await expect(app.row(2)).toContainText('More than 200 homes were flooded.');
  await expect(page.getByRole('table', { name: 'Paragraphs' })).not.toContainText('Home');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('a file dropped onto the window is imported; a hostile one is refused with a translated message', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();

  const dropFile = async (name: string, content: string) => {
    const dataTransfer = await page.evaluateHandle(
      ([fileName, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], fileName));
        return dt;
      },
      [name, content] as const,
    );
    const app = page.locator('.app');
    await app.dispatchEvent('dragenter', { dataTransfer });
    await app.dispatchEvent('dragover', { dataTransfer });
    await app.dispatchEvent('drop', { dataTransfer });
  };

  const xxe =
    '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file><body><trans-unit id="1"><source>&xxe;</source></trans-unit></body></file></xliff>';
  await dropFile('evil.xlf', xxe);
  await expect(page.getByRole('heading', { name: 'Import an article' })).toBeVisible();
  await expect(page.getByText('The file evil.xlf will be imported')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The file declares XML entities or an external DTD, which Verso does not read because they can hide attacks.',
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No articles yet. Import one to begin.')).toBeVisible();

  await dropFile('story.md', '# Dropped story\n\nIt arrived by drag and drop.');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.rows()).toHaveCount(2);
  await expect(app.row(0)).toContainText('Dropped story');
});

test('re-imports a revised source: unchanged work stays, changed paragraphs are reopened with a diff, removed ones are kept and listed', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Eda', 'Editor');
  await upload(page, 'flood.xlf', 'application/xliff+xml', XLIFF);
  await expect(app.rows()).toHaveCount(3);
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await expect(app.row(0)).toContainText('Signed off');

  const revised =
    'Flood waters rise in river town\n\nHeavy rain caused the river to burst its banks on Tuesday night.\n\nVolunteers filled sandbags.\n\nSchools will remain closed until Friday.';
  await page.getByRole('button', { name: 'Re-import source' }).click();
  await page
    .getByLabel('Revised source file')
    .setInputFiles({ name: 'flood-v2.txt', mimeType: 'text/plain', buffer: Buffer.from(revised) });
  await page.getByRole('button', { name: 'Re-import', exact: true }).click();
  const summary = page.locator('.reimport-summary');
  await expect(summary).toContainText('2 paragraphs unchanged.');
  await expect(summary).toContainText('Changed and reopened: paragraphs 2.');
  await expect(summary).toContainText('New: paragraphs 3.');
  await expect(app.rows()).toHaveCount(4);
  await expect(app.row(0)).toContainText('Signed off');
  await expect(app.row(1)).toContainText('Edited');
  await expect(app.row(1).getByTestId('reopened-source')).toContainText('Source changed in a re-import');
  await expect(app.row(1).locator('ins')).toContainText('on Tuesday night');
  await expect(app.row(1).getByTestId('reopened-source')).toContainText('Las fuertes lluvias desbordaron el río.');
  await expect(app.translation(2)).toHaveValue('');
  await expect(app.row(3)).toContainText('Schools will remain closed until Friday.');

  // A later revision drops paragraph 2: it is archived with its translation, shown in the side panels, not exported.
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  const later = 'Flood waters rise in river town\n\nVolunteers filled sandbags.\n\nSchools will remain closed until Friday.';
  await page.getByRole('button', { name: 'Re-import source' }).click();
  await page.getByLabel('Revised source file').setInputFiles({ name: 'flood-v3.txt', mimeType: 'text/plain', buffer: Buffer.from(later) });
  await page.getByRole('button', { name: 'Re-import', exact: true }).click();
  await expect(summary).toContainText('Removed (archived, not exported): former paragraphs 2.');
  await expect(app.rows()).toHaveCount(3);
  const removed = page.getByRole('group').filter({ hasText: 'Removed by re-imports: 1 paragraph' });
  await removed.getByText('Removed by re-imports: 1 paragraph').click();
  const list = page.getByRole('list', { name: 'Removed by re-imports: 1 paragraph' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Former paragraph 2, removed');
  await expect(list).toContainText('Heavy rain caused the river to burst its banks on Tuesday night.');
  await expect(list).toContainText('Las fuertes lluvias desbordaron el río.');
});

test('imports a bilingual pair after checking the alignment', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('checkbox', { name: /Bilingual pair/ }).check();
  const source =
    '# Flood waters rise\n\nHeavy rain caused the river to burst its banks on Tuesday night, flooding more than 200 homes.\n\nVolunteers filled 3,000 sandbags.';
  const translation =
    'Crecen las aguas\n\nLas fuertes lluvias desbordaron el río el martes por la noche.\n\nMás de 200 viviendas quedaron inundadas.\n\nLos voluntarios llenaron 3.000 sacos de arena.';
  await page.getByLabel('Choose file').setInputFiles({ name: 'flood.md', mimeType: 'text/markdown', buffer: Buffer.from(source) });
  await page
    .getByLabel('Translation file')
    .setInputFiles({ name: 'flood.es.txt', mimeType: 'text/plain', buffer: Buffer.from(translation) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Check the alignment' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Translation of paragraph 2' })).toHaveValue(
    'Las fuertes lluvias desbordaron el río el martes por la noche. Más de 200 viviendas quedaron inundadas.',
  );
  await page.getByRole('button', { name: 'Create document' }).click();
  await expect(app.rows()).toHaveCount(3);
  await expect(app.translation(0)).toHaveValue('Crecen las aguas');
  await expect(app.row(1)).toContainText('Edited');
  await expect(app.translation(2)).toHaveValue('Los voluntarios llenaron 3.000 sacos de arena.');
});

const CMS = path.join(FIXTURES, 'cms');
/** Each CMS page's headline, and furniture it shows that must not become a row. */
const CMS_PAGES: [string, string, string[]][] = [
  [
    'nyt-like.html',
    'City Council Approves Budget After Monthslong Fight',
    ['Advertisement', 'Continue reading the main story', 'Share full article', 'Most Popular', 'Credit'],
  ],
  [
    'guardian-like.html',
    'Flood defences fail as river bursts its banks in Yorkshire',
    ['Advertisement', 'Photograph:', 'Most viewed', 'Share on Facebook', 'Down to Earth', 'Comments'],
  ],
  [
    'bbc-like.html',
    'Kenya floods: Dozens dead as Nairobi river bursts its banks',
    ['Africa', 'Image source', 'Getty Images', 'More on this story', 'Top stories'],
  ],
  [
    'wire-like.html',
    'US Senate passes stopgap funding bill, averting shutdown',
    ['Advertisement · Scroll to continue', '3 min read', 'Purchase Licensing Rights', 'Read Next'],
  ],
  [
    'wordpress-like.html',
    'Riverside school wins national science prize',
    ['Share this:', 'Twitter', 'Like this:', 'Related', 'Leave a Reply', 'Recent Posts'],
  ],
  [
    'elpais-like.html',
    'El Gobierno aprueba la ley de vivienda tras dos años de negociación',
    ['Publicidad', 'Compartir en Whatsapp', 'Lo más visto', 'Archivado En', 'Europa Press'],
  ],
  [
    'zeit-like.html',
    'Hochwasser in Bayern: Die Pegel steigen weiter',
    ['Anzeige', 'Artikel anhören', 'Meistgelesen', 'Kommentare', 'Akzeptieren'],
  ],
  [
    'liveblog-like.html',
    'Storm Henk live: flights cancelled and trains halted as 90mph winds hit',
    ['Key events', 'Pinned post', 'Share', 'Advertisement', '1 of 3'],
  ],
  [
    'gallery-like.html',
    'In pictures: Floods sweep through the Ebro valley',
    ['1 of 3', 'Next', 'Previous', 'Lucía Gil/Reuters', 'More galleries'],
  ],
];

test('imports real-shaped CMS pages: the headline is the first row and the title, and no page furniture becomes a row', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  const importing = new ImportPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  for (const [file, headline, furniture] of CMS_PAGES) {
    await importing.open();
    await importing.chooseFile(file, fs.readFileSync(path.join(CMS, file)));
    await expect(importing.wholePage()).not.toBeChecked();
    await importing.submit();
    await expect(importing.documentHeading()).toHaveText(headline);
    await expect(app.row(0)).toContainText(headline);
    await expect(app.row(0)).toContainText('Heading 1');
    const sources = await importing.sourceTexts();
    expect(sources.length, file).toBeGreaterThan(4);
    for (const text of furniture)
      expect(
        sources.filter((s) => s.includes(text)),
        `${file}: ${text}`,
      ).toEqual([]);
    await page.getByRole('button', { name: 'Back to library' }).click();
  }
});

test('the whole-page choice brings in what the article reading leaves out (a fact box), still without furniture', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  const importing = new ImportPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  const zeit = fs.readFileSync(path.join(CMS, 'zeit-like.html'));

  await importing.open();
  await importing.chooseFile('zeit-like.html', zeit);
  await importing.submit('en', 'de');
  await expect(app.rows()).toHaveCount(9);
  expect((await importing.sourceTexts()).filter((s) => s.includes('Pegelstände'))).toEqual([]);
  await page.getByRole('button', { name: 'Back to library' }).click();

  await importing.open();
  await importing.chooseFile('zeit-like.html', zeit);
  await importing.wholePage().check();
  await importing.submit('en', 'de');
  await expect(importing.documentHeading()).toHaveText('Hochwasser in Bayern: Die Pegel steigen weiter');
  await expect(app.rows()).toHaveCount(11);
  await expect(app.row(9)).toContainText('Pegelstände');
  expect((await importing.sourceTexts()).filter((s) => /Anzeige|Artikel anhören|Kommentare/.test(s))).toEqual([]);
});

test('pasting an HTML article keeps its links and emphasis as chips', async ({ page, server }) => {
  const app = new VersoPage(page);
  const importing = new ImportPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await importing.open();
  await importing.pasteHtml(
    '<h1>Flood waters rise</h1><p>The river <b>burst its banks</b>, <a href="https://news.example/report">the report</a> says.</p><p>Share</p>',
    'Flood waters rise\n\nThe river burst its banks, the report says.\n\nShare',
  );
  await expect(page.getByLabel('Format')).toHaveValue('html');
  await expect(page.getByRole('status')).toContainText('links and emphasis will be kept');
  await importing.submit();
  await expect(importing.documentHeading()).toHaveText('Flood waters rise');
  await expect(app.rows()).toHaveCount(2);
  await expect(app.row(1)).toContainText('burst its banks');
  await expect(app.row(1)).toContainText('the report');
  await expect(app.row(1).getByRole('img', { name: 'start of link to https://news.example/report' })).toHaveCount(1);
  await expect(app.row(1).getByRole('img', { name: 'start of bold' })).toHaveCount(1);
});
