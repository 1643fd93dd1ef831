/**
 * The HTML reader's rules one by one, on small pages: which headline, what is hidden, what a
 * caption keeps, how links resolve, pasted documents, and the fallbacks.
 */
import { describe, expect, it } from 'vitest';
import type { ImportedSegment } from '../../../shared/import/importedDocument.js';
import { renderMarkdown, renderPlainText } from '../../../shared/inline/renderInline.js';
import { parseHtml } from './html.js';

const STORY = [
  'Heavy rain caused the river to burst its banks on Tuesday night, flooding more than 200 homes in the lower town.',
  'The mayor declared a state of emergency at 6 a.m. and asked residents to stay indoors until the water falls again.',
  'Volunteers filled 3,000 sandbags overnight, and the army sent two trucks to help carry them to the riverside streets.',
];
const body = STORY.map((p) => `<p>${p}</p>`).join('');
const texts = (segments: ImportedSegment[]) => segments.map((s) => renderPlainText(s.text, s.codes ?? []));
const page = (head: string, bodyHtml: string) => `<!doctype html><html lang="en"><head>${head}</head><body>${bodyHtml}</body></html>`;

describe('the headline', () => {
  it('is the <h1> that matches the declared title, not the site logo, a section label or a gallery counter', () => {
    const html = page(
      '<title>Flood waters rise in the lower town | The Daily</title><meta property="og:site_name" content="The Daily">',
      `<header><h1 class="logo"><a href="/">The Daily</a></h1></header><h2 class="section-title">Africa</h2><div class="counter"><h2>1 of 24</h2></div>
       <main><article><h1>Flood waters rise in the lower town</h1>${body}</article></main>`,
    );
    const parsed = parseHtml(html);
    expect(parsed.title).toBe('Flood waters rise in the lower town');
    expect(texts(parsed.segments)).toEqual(['Flood waters rise in the lower town', ...STORY]);
    expect(parsed.segments[0]).toMatchObject({ kind: 'heading', marker: '1' });
  });

  it("is the declared title when no heading shows it and the page has only an author's name as <h1>", () => {
    const html = page(
      '<title>Kevin | The Daily</title><meta property="og:title" content="Council approves the new budget">',
      `<article><h1>Kevin</h1>${body}</article>`,
    );
    const parsed = parseHtml(html);
    expect(parsed.title).toBe('Council approves the new budget');
    expect(texts(parsed.segments)[0]).toBe('Council approves the new budget');
  });

  it('is the one real <h1> when the declared title is an SEO variant', () => {
    const html = page(
      '<meta property="og:title" content="Budget: what you need to know">',
      `<article><h1>Council approves the new budget after a long fight</h1>${body}</article>`,
    );
    expect(parseHtml(html).title).toBe('Council approves the new budget after a long fight');
  });

  it('keeps its emphasis and links as chips, and the page title loses the site name', () => {
    const html = page(
      '<title>City council approves budget – The Daily</title>',
      `<article><h1>City council <em>approves</em> budget</h1>${body}</article>`,
    );
    const parsed = parseHtml(html);
    expect(renderMarkdown(parsed.segments[0]!.text, parsed.segments[0]!.codes ?? [])).toBe('City council *approves* budget');
    expect(parsed.title).toBe('City council approves budget');
  });

  it('without any title or heading, there is none and the body comes first', () => {
    const parsed = parseHtml(`<p>${STORY[0]}</p><p>${STORY[1]}</p>`);
    expect(parsed.title).toBeNull();
    expect(texts(parsed.segments)).toEqual(STORY.slice(0, 2));
  });
});

describe('hidden content', () => {
  it('drops hidden, aria-hidden and display:none elements, but never the article a page hid behind an open dialog', () => {
    const html = page(
      '<title>Flood</title>',
      `<div role="dialog" aria-modal="true"><p>We use cookies to improve your experience. Accept all or manage your settings.</p></div>
       <div id="app" aria-hidden="true"><article><h1>Flood</h1>${body}
         <p hidden>Hidden by attribute.</p><p style="display: none">Hidden by style.</p><p style="VISIBILITY:hidden">Invisible.</p>
         <p><span aria-hidden="true">★</span>Shown with an icon left out.</p></article></div>`,
    );
    expect(texts(parseHtml(html).segments)).toEqual(['Flood', ...STORY, 'Shown with an icon left out.']);
  });
});

describe('captions', () => {
  it('are translated, without the photo credit or the screen-reader labels', () => {
    const html = page(
      '<title>Flood</title>',
      `<article><h1>Flood</h1>${body}
       <figure><img src="a.jpg"><figcaption><span class="visually-hidden">Image caption, </span>Sandbags in front of the town hall. <span class="credit">Photograph: Jane Doe/Reuters</span></figcaption></figure>
       <figure><img src="b.jpg"><figcaption>The bridge on Wednesday. Photograph: John Roe/AP</figcaption></figure>
       <figure><img src="c.jpg"><figcaption>Getty Images</figcaption></figure><p>${STORY[0]!.replace('Heavy', 'More')}</p></article>`,
    );
    const got = texts(parseHtml(html, { extract: 'page' }).segments);
    expect(got).toContain('Sandbags in front of the town hall.');
    expect(got).toContain('The bridge on Wednesday.');
    expect(got.join('\n')).not.toMatch(/Photograph|Reuters|Getty|Image caption/);
  });
});

describe('links', () => {
  it('resolve against the page address (canonical link); anchors and javascript: give no chip but keep their text', () => {
    const html = page(
      '<title>Flood</title><link rel="canonical" href="https://news.example/2026/flood">',
      `<article><h1>Flood</h1><p>${STORY[0]} See <a href="/reports/river">the report</a>, <a href="#more">below</a> and <a href="javascript:alert(1)">this</a>.</p>${body}</article>`,
    );
    const first = parseHtml(html).segments[1]!;
    expect(first.codes).toEqual([{ type: 'link', href: 'https://news.example/reports/river' }]);
    expect(renderPlainText(first.text, first.codes ?? [])).toMatch(/See the report, below and this\.$/);
  });
});

describe('wire copy', () => {
  it('keeps a dateline marked up inside the first paragraph (Readability would take it for a byline)', () => {
    const html = page(
      '<title>Senate passes bill | Reuters</title>',
      `<div class="body"><h1>Senate passes bill</h1><p><span class="dateline">WASHINGTON, March 3 (Reuters) -</span> ${STORY[0]}</p><p>${STORY[1]}</p><p>${STORY[2]}</p></div>`,
    );
    expect(texts(parseHtml(html).segments)[1]).toBe(`WASHINGTON, March 3 (Reuters) - ${STORY[0]}`);
  });
});

describe('pasted documents', () => {
  it('Google Docs: the outer normal-weight <b> is no bold, a bold-styled span is', () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:400">The river </span><span style="font-weight:700">burst</span><span style="font-weight:400"> its banks.</span></p><p dir="ltr"><span style="font-style:italic">Second</span> paragraph.</p></b>';
    const parsed = parseHtml(html);
    expect(parsed.segments.map((s) => renderMarkdown(s.text, s.codes ?? []))).toEqual([
      'The river **burst** its banks.',
      '*Second* paragraph.',
    ]);
  });
});

describe('pasted from Word', () => {
  it('its list bullets drawn as text and its <o:p> elements leave no trace', () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=EN-GB><!--StartFragment-->
      <p class=MsoNormal><b>Flood</b> waters rise<o:p></o:p></p>
      <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>More buses<o:p></o:p></p>
      <p class=MsoNormal><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>`;
    expect(parseHtml(html).segments.map((s) => renderMarkdown(s.text, s.codes ?? []))).toEqual(['**Flood** waters rise', 'More buses']);
  });
});

describe('fallbacks', () => {
  it('a page Readability finds no article in is read from its body', () => {
    const parsed = parseHtml('<html><body><h1>Short note</h1><div>Just one line.</div></body></html>');
    expect(texts(parsed.segments)).toEqual(['Short note', 'Just one line.']);
  });

  it('reads the same with both readings when the page is only its article', () => {
    const html = page('<title>Flood</title>', `<article><h1>Flood</h1>${body}</article>`);
    expect(parseHtml(html, { extract: 'page' }).segments).toEqual(parseHtml(html).segments);
  });
});

describe('line breaks', () => {
  it('two in a row end a paragraph; one stays a break chip inside it', () => {
    const html = page(
      '<title>Note</title>',
      `<div class="post"><h1>Note</h1><div>${STORY[0]}<br><br>${STORY[1]}<br>${STORY[2]}<br><br><br></div></div>`,
    );
    for (const extract of ['article', 'page'] as const) {
      const parsed = parseHtml(html, { extract });
      expect(texts(parsed.segments), extract).toEqual(['Note', STORY[0], `${STORY[1]}\n${STORY[2]}`]);
      expect(parsed.segments[2]!.codes, extract).toEqual([{ type: 'break' }]);
    }
  });
});

describe('older mobile CMS templates', () => {
  const html = page(
    '<title>Angry media will not buckle over the new laws | The Star</title><meta name="description" content="A government team tried to allay concerns about the new laws. It failed.">',
    `<div id="header"><strong><a href="/">m.star.example</a></strong><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
     <div id="content"><div id="section-header"><h2>Opinion</h2></div><div id="story">
       <div class="story-header"><h2 class="heading"><a href="/opinion/jane-roe"><p>Jane Roe</p></a></h2>
         <div class="story-headline"><h1 class="heading">Angry media will not buckle over the new laws</h1></div>
         <ul class="story-info"><li class="byline first"><span>by:</span> <cite class="author">Jane Roe</cite></li><li class="date-and-time"><span>March 13, 2015</span> <span>9:00PM</span></li></ul></div>
       <div class="story-body"><div class="article-media"><img src="x.jpg"><p class="caption"><span class="caption-text">The bill would make providers keep metadata for two years.</span> <span class="image-source"><em>Source:</em> Supplied</span></p></div>
         <div class="story-intro"><p><strong>A government team tried to allay concerns about the new laws. It failed.</strong></p></div>
         ${body}
         <div id="read-more"><div id="read-more-link"><a href="">Read more</a></div><div id="read-more-content">${STORY.map((p) => `<p>${p.replace('the', 'a')}</p>`).join('')}</div></div>
       </div></div>
       <div class="group text-g-other-opinion-columns"><h2>Other Opinion Columns</h2>
         ${['One', 'Two', 'Three'].map((n) => `<div class="story-block"><h4><a href="/opinion/${n}">Column ${n}</a></h4><p>The standfirst of column ${n}, another story.</p></div>`).join('')}</div>
     </div>`,
  );

  it.each(['article', 'page'] as const)(
    'headline, byline, caption without its source, intro and the text inside a "read more" box (%s)',
    (extract) => {
      const got = texts(parseHtml(html, { extract }).segments);
      expect(got.slice(0, 4)).toEqual([
        'Angry media will not buckle over the new laws',
        'by: Jane Roe',
        'A government team tried to allay concerns about the new laws. It failed.',
        'The bill would make providers keep metadata for two years.',
      ]);
      expect(got.slice(4)).toEqual([...STORY, ...STORY.map((p) => p.replace('the', 'a'))]);
    },
  );
});

describe('a French newspaper template', () => {
  const html = `<!doctype html><html lang="fr"><head><title>Le projet de loi sur l'eau adopté à l'Assemblée</title><link rel="canonical" href="https://journal.example/planete/article/2026/03/03/loi-eau.html"></head><body>
    <nav><ul><li><a href="/international/">International</a></li><li><a href="/planete/">Planète</a></li></ul></nav>
    <article class="article article_normal" itemscope itemtype="http://schema.org/NewsArticle">
      <h1 class="tt2" itemprop="Headline">Le projet de loi sur l'eau adopté à l'Assemblée</h1>
      <p class="bloc_signature"><span itemprop="Publisher">Le Journal</span> | <time datetime="2026-03-03T13:36">03.03.2026 à 13h36</time> • Mis à jour le <time datetime="2026-03-03T20:13">03.03.2026 à 20h13</time> | <span class="signature_article">Par <span itemprop="author" class="auteur"><a class="auteur" href="/journaliste/claire-martin/">Claire Martin</a> (avec Paul Durand)</span></span></p>
      <div id="articleBody" class="contenu_article" itemprop="articleBody">
        <p>Les députés ont adopté mardi, à une large majorité, le projet de loi sur la gestion de l'eau, qui doit désormais être examiné par le Sénat avant la fin du mois.</p>
        <p class="lire">Lire aussi&nbsp;: <a href="/planete/article/2026/02/01/secheresse.html">La sécheresse menace les nappes phréatiques</a></p>
        <h2 class="intertitre">Ce que prévoit le texte</h2>
        <p>Le texte impose aux communes de plus de 10&nbsp;000 habitants de réduire leurs fuites de moitié d'ici à 2030, sous peine de sanctions financières.</p>
      </div>
      <div class="bg_gris_moyen signature"><ul class="liste_bordure"><li itemprop="author"><span class="identite"><a href="/journaliste/claire-martin/">Claire Martin</a> (avec Paul Durand)<br><span>Journaliste au Journal</span></span>
        <span class="suivre"><strong>Suivre</strong> <a href="/journaliste/claire-martin/">Aller sur la page de ce journaliste</a> <a href="https://twitter.com/cmartin">Suivre ce journaliste sur twitter</a></span></li></ul></div>
    </article></body></html>`;

  it.each(['article', 'page'] as const)('the byline is taken from its date row, teasers and follow links go (%s)', (extract) => {
    const parsed = parseHtml(html, { extract });
    const got = texts(parsed.segments);
    expect(got.slice(0, 5)).toEqual([
      "Le projet de loi sur l'eau adopté à l'Assemblée",
      'Par Claire Martin (avec Paul Durand)',
      expect.stringMatching(/^Les députés ont adopté mardi/),
      'Ce que prévoit le texte',
      expect.stringMatching(/^Le texte impose aux communes/),
    ]);
    expect(parsed.segments[1]!.codes).toEqual([{ type: 'link', href: 'https://journal.example/journaliste/claire-martin/' }]);
    expect(got.join('\n')).not.toMatch(/Lire aussi|Suivre|Aller sur la page|Mis à jour|13h36/);
  });
});

describe('tag soup', () => {
  it('formatting re-opened in every block is not nested again: the text and its bold and italics are the same', () => {
    const soup = parseHtml(page('<title>Soup</title>', STORY.map((p) => `<p><b><i>${p}`).join('')));
    const tidy = parseHtml(page('<title>Soup</title>', STORY.map((p) => `<p><b><i>${p}</i></b></p>`).join('')));
    expect(texts(soup.segments)).toEqual(['Soup', ...STORY]);
    expect(soup.segments.map((s) => renderMarkdown(s.text, s.codes ?? []))).toEqual(
      tidy.segments.map((s) => renderMarkdown(s.text, s.codes ?? [])),
    );
  });

  it('keeps formatting that compounds (small in small) and formatting that differs in its attributes', () => {
    const parsed = parseHtml(
      page('<title>T</title>', `<p><b class="a">One <b class="b">two</b> three</b> and <small>a <small>b</small></small>.</p>`),
    );
    expect(texts(parsed.segments)).toEqual(['T', 'One two three and a b.']);
    expect(renderMarkdown(parsed.segments[1]!.text, parsed.segments[1]!.codes ?? [])).toBe('**One **two** three** and a b.');
  });

  it('refuses a page whose unclosed formatting would rebuild into many times its tags, by name', () => {
    const fonts = Array.from({ length: 40 }, (_, i) => `<font color="#${String(i).padStart(6, '0')}">`).join('');
    const html = page('<title>T</title>', `<p>${fonts}x` + '<p>y'.repeat(20_000));
    expect(() => parseHtml(html)).toThrowError(/formatting tags unclosed/);
  });

  it('reads a page of many escaped characters or a deep chain without Readability, still finding its text', () => {
    const escaped = parseHtml(
      page('<title>T</title>', `<article><h1>Signs</h1><p>${'a &lt; b &amp; c '.repeat(3_000)}</p>${body}</article>`),
    );
    expect(texts(escaped.segments)).toContain(STORY[0]);
    const chain = parseHtml(page('<title>Deep</title>', `${'<span>'.repeat(150)}<h1>Deep</h1>${body}${'</span>'.repeat(150)}`));
    expect(texts(chain.segments)).toEqual(['Deep', ...STORY]);
  });
});
