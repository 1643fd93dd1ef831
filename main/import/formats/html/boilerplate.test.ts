import { describe, expect, it } from 'vitest';
import { isBoilerplate, isRelatedLead, isTimestampOnly, languagesFor } from './boilerplate.js';
import { creditStart, isCreditOnly, withoutCredit } from '../../../../shared/import/photoCredits.js';

const ALL = languagesFor(null);
const EN = languagesFor('en-GB');

/** Real sentences and short real paragraphs, many holding the very words the labels use. */
const REAL = [
  'Share prices fell 3% on Monday after the announcement.',
  'Shares in the company rose sharply.',
  'Share.',
  '"Listen."',
  'Listen, she said, this is not over.',
  'The advertisement ran in three newspapers in March.',
  'Advertisement spending rose by 12 per cent last year.',
  'Email remains the main channel for complaints, the regulator said.',
  'He sent an email to the minister on Tuesday.',
  'Tweet by tweet, the campaign fell apart.',
  'Continue reading the main story, the teacher told the class.',
  'Read more books, the minister urged parents.',
  'More than 200 homes were flooded.',
  'Most read business stories are about inflation, the study found.',
  'Next year the council will vote again.',
  'Close to 3,000 people attended.',
  'Print runs were cut by half.',
  'Save the Children said the aid had not arrived.',
  'Subscribe to the idea that growth will return, and you will be disappointed.',
  'Sign up numbers for the scheme have doubled since March.',
  'Related charges were dropped in 2019.',
  'Live music returns to the square on Friday.',
  'On Monday at 9 a.m.',
  'Published in 2019.',
  'The vote is on March 3, 2026.',
  'Updated guidance was published on Tuesday.',
  'Photograph albums were lost in the flood.',
  'Photo: a man walks past the destroyed school in Kharkiv after the strike that killed seven people.',
  'Source: the ministry said prices rose.',
  'Copyright law changed in 2020.',
  'Reuters reported the deal first.',
  'The AP reported that 3 of 24 districts had voted.',
  '1 of 24 districts reported results by midnight.',
  'Werbung ist in Schulen verboten.',
  'Teilen Sie diese Meinung?',
  'Anzeige erstattet: Die Polizei ermittelt.',
  'Publicidad engañosa: la multa asciende a tres millones.',
  'Compartir es vivir, dice el lema.',
  'Comentarios como ese no ayudan, dijo la ministra.',
  'Publicité mensongère : la marque condamnée.',
  'Partager les richesses, disait-il.',
  'Écouter les victimes est essentiel.',
  'X marks the spot, said the treasure hunter.',
  'Kevin Doe, 42, was arrested on Friday.',
  'Three hours later, the river burst its banks.',
];

describe('isBoilerplate', () => {
  it.each(REAL)('never drops a real sentence: %s', (sentence) => {
    expect(isBoilerplate(sentence, ALL)).toBe(false);
  });

  it.each([
    'Advertisement',
    'ADVERTISEMENT',
    'Skip Advertisement',
    'Continue reading the main story',
    'Story continues below advertisement',
    'Share',
    'Share this article',
    'Tweet',
    'Email',
    'E-mail',
    'Facebook',
    'WhatsApp',
    'Copy link',
    'Listen to this article',
    'Listen to this article · 4 min',
    '5 min read',
    '1 of 24',
    '12 / 24',
    'Image 3 of 24',
    'Most Read Business Stories',
    'Most popular',
    'Related stories',
    'Comments (34)',
    '34 comments',
    'Photograph: Jane Doe/Reuters',
    'Getty Images',
    'AFP via Getty Images',
    'Updated 2:09 PM ET, March 3, 2026',
    'Published 3 March 2026',
    '3 hours ago',
    '› Read more',
    'Sign up for our free daily newsletter and get the best stories every morning.',
  ])('drops the furniture block %j on an English page', (label) => {
    expect(isBoilerplate(label, EN)).toBe(true);
  });

  it('knows the labels of the page language and English, not of unrelated languages', () => {
    expect(isBoilerplate('Anzeige', languagesFor('de'))).toBe(true);
    expect(isBoilerplate('Artikel anhören', languagesFor('de-DE'))).toBe(true);
    expect(isBoilerplate('Stand: 12.03.2026, 14:05 Uhr', languagesFor('de'))).toBe(true);
    expect(isBoilerplate('vor 3 Stunden', languagesFor('de'))).toBe(true);
    expect(isBoilerplate('Publicidad', languagesFor('es'))).toBe(true);
    expect(isBoilerplate('Actualizado el 3 de marzo de 2026, 14:05', languagesFor('es'))).toBe(true);
    expect(isBoilerplate('Lo más leído', languagesFor('es'))).toBe(true);
    expect(isBoilerplate('Publicité', languagesFor('fr'))).toBe(true);
    expect(isBoilerplate('Publié le 3 mars 2026 à 14h05', languagesFor('fr'))).toBe(true);
    // English labels are known on every page; German ones not on a Spanish page.
    expect(isBoilerplate('Advertisement', languagesFor('es'))).toBe(true);
    expect(isBoilerplate('Anzeige', languagesFor('es'))).toBe(false);
    // A page that does not say its language is checked against all of them.
    expect(isBoilerplate('Anzeige', ALL)).toBe(true);
  });

  it('embedding any label in a sentence keeps the sentence', () => {
    for (const label of [
      'Advertisement',
      'Share',
      'Email',
      'Continue reading the main story',
      'Anzeige',
      'Publicidad',
      'Listen to this article',
      '1 of 24',
      'Getty Images',
    ]) {
      expect(isBoilerplate(`She said the ${label} line was a mistake.`, ALL), label).toBe(false);
      expect(isBoilerplate(`${label} was the word on everyone's lips that week.`, ALL), label).toBe(false);
    }
  });
});

describe('timestamps', () => {
  it('needs an anchor (year, clock time, numeric date, relative time, updated/published)', () => {
    expect(isTimestampOnly('Monday 3 March 2026 14.30 GMT', EN)).toBe(true);
    expect(isTimestampOnly('Last updated 14:05', EN)).toBe(true);
    expect(isTimestampOnly('On Monday at 9 a.m.', EN)).toBe(false);
    expect(isTimestampOnly('Monday', EN)).toBe(false);
    expect(isTimestampOnly('Duration: 3 hours', EN)).toBe(false);
  });
});

describe('photo credits', () => {
  it.each([
    ['Residents wade through the water on Tuesday. Photograph: Jane Doe/Reuters', 'Residents wade through the water on Tuesday.'],
    ['The town hall (AP Photo/John Roe)', 'The town hall'],
    ['The town hall. (Jane Doe/Reuters)', 'The town hall.'],
    ['Rescuers at work. AFP via Getty Images', 'Rescuers at work.'],
    ['Rescuers at work | Getty Images', 'Rescuers at work'],
    ['Das Rathaus am Montag. Foto: dpa', 'Das Rathaus am Montag.'],
    ['El ayuntamiento, el lunes. EFE', 'El ayuntamiento, el lunes.'],
    ['La mairie lundi. © Jean Dupont', 'La mairie lundi.'],
    ['A flooded street. Photo by Jane Doe on Unsplash', 'A flooded street.'],
    ['Ms. Bayer at home. Credit Nicole Craine for The New York Times', 'Ms. Bayer at home.'],
    ['A toy store on North Broadway.Credit...Tony Cenicola/The New York Times', 'A toy store on North Broadway.'],
    ['Credit Suisse shares fell on Monday.', 'Credit Suisse shares fell on Monday.'],
    ['The image: a man standing in the water.', 'The image: a man standing in the water.'],
    ['The 2020/21 season (a record) ended early.', 'The 2020/21 season (a record) ended early.'],
    ['Protesters in Paris (2019).', 'Protesters in Paris (2019).'],
  ])('%j → %j', (caption, expected) => {
    expect(withoutCredit(caption)).toBe(expected);
  });

  it('a block that is only a credit', () => {
    expect(isCreditOnly('Photograph: Jane Doe/Reuters')).toBe(true);
    expect(isCreditOnly('Foto: Max Muster/dpa')).toBe(true);
    expect(isCreditOnly('Reuters')).toBe(true);
    expect(isCreditOnly('Source: the ministry said prices rose.')).toBe(false);
    expect(isCreditOnly('Reuters reported the deal first.')).toBe(false);
    expect(creditStart('No credit here.')).toBe(-1);
  });
});

describe('related-story lead-ins', () => {
  it('knows "Read more" and its kin, and nothing longer', () => {
    expect(isRelatedLead('Read more:', EN)).toBe(true);
    expect(isRelatedLead('Lesen Sie auch', languagesFor('de'))).toBe(true);
    expect(isRelatedLead('Read more about the budget', EN)).toBe(false);
  });
});

describe('credits need whole words', () => {
  it('"ap" in "map" or "past" is no agency', () => {
    expect(withoutCredit('Rescuers study a map (the map of the area)')).toBe('Rescuers study a map (the map of the area)');
    expect(withoutCredit('Workers walk past. The scrap pile')).toBe('Workers walk past. The scrap pile');
  });
});
