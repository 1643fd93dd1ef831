/**
 * Writes a realistic TMX 1.4b file of N units (issue 17 benchmark): a header, <tu>s with
 * creation dates and ids, <tuv xml:lang> en and es, a <prop> on every 10th unit, a <note> on every
 * 25th, inline codes (<bpt>/<ept> bold, <ph> line break) on every 7th, about 1 % repeated units.
 * Sentences are drawn from a seeded newsroom vocabulary (~300 bytes a unit), streamed to disk.
 *   node scripts/tmxGenerate.mjs <out.tmx> <units>
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

const EN = `the government said on monday that it would raise the budget for public health and schools next year after
talks with regional leaders in the capital where protesters gathered outside parliament to demand higher wages for
nurses teachers and transport workers while the opposition warned that inflation could rise again before the
elections officials added that the new rules would apply from january and that companies must report their
emissions every quarter according to a statement published by the ministry of finance`.split(/\s+/);
const ES = `el gobierno dijo el lunes que aumentaría el presupuesto para la sanidad pública y las escuelas el próximo año
tras conversaciones con los líderes regionales en la capital donde los manifestantes se reunieron frente al
parlamento para exigir salarios más altos para enfermeras profesores y trabajadores del transporte mientras la
oposición advirtió que la inflación podría subir de nuevo antes de las elecciones`.split(/\s+/);

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(words, random, n, id) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(random() * words.length)]);
  out.splice(Math.floor(random() * n), 0, String(id));
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function unit(i, random) {
  const id = random() < 0.01 && i > 10 ? Math.floor(random() * i) : i;
  const r = rng(id * 7919 + 17);
  const n = 7 + Math.floor(r() * 10);
  let en = esc(sentence(EN, r, n, id));
  let es = esc(sentence(ES, r, n, id));
  if (id % 7 === 0) {
    en = en.replace(/ (\S+) /, ' <bpt i="1">&lt;b&gt;</bpt>$1<ept i="1">&lt;/b&gt;</ept> ') + '<ph type="lb">&lt;br/&gt;</ph>';
    es = es.replace(/ (\S+) /, ' <bpt i="1">&lt;b&gt;</bpt>$1<ept i="1">&lt;/b&gt;</ept> ') + '<ph type="lb">&lt;br/&gt;</ph>';
  }
  const day = String(1 + (id % 28)).padStart(2, '0');
  const prop = id % 10 === 0 ? `\n    <prop type="x-domain">politics</prop>` : '';
  const note = id % 25 === 0 ? `\n    <note>Checked by the desk.</note>` : '';
  return `  <tu creationdate="202611${day}T081500Z" creationid="desk${id % 13}">${prop}${note}
    <tuv xml:lang="en-GB"><seg>${en}</seg></tuv>
    <tuv xml:lang="es-ES"><seg>${es}</seg></tuv>
  </tu>
`;
}

/** Writes `count` units to `file`; resolves with its size in bytes. */
export async function generateTmx(file, count, seed = 42) {
  const out = fs.createWriteStream(file);
  const random = rng(seed);
  out.write(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
 <header creationtool="VersoBench" creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en-US" srclang="en-GB" datatype="plaintext"/>
 <body>
`);
  for (let i = 1; i <= count; i++) {
    if (!out.write(unit(i, random))) await once(out, 'drain');
  }
  out.end(' </body>\n</tmx>\n');
  await once(out, 'finish');
  return fs.statSync(file).size;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, count] = process.argv.slice(2);
  if (!file || !count) {
    console.error('Usage: node scripts/tmxGenerate.mjs <out.tmx> <units>');
    process.exit(2);
  }
  const bytes = await generateTmx(file, Number(count));
  console.log(`${file}: ${count} units, ${bytes} bytes`);
}
