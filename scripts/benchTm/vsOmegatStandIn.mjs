// Stand-in for `verso tm import` while this build does not have it (issue 17 item 2): imports a TMX
// through the app's importTmx service (the import worker parses it) in chunks of whole <tu> elements
// under the service's 50 MB limit, merging, then indexes them. Run by vsOmegatVerso.mjs as its own process:
//   node vsOmegatStandIn.mjs <bench.cjs> <data dir> <file.tmx>
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [bundle, dataDir, file] = process.argv.slice(2);
const { createBackend, openDatabase, createTmStore } = createRequire(import.meta.url)(bundle);
const CHUNK = 40 * 1024 * 1024;
const bytes = fs.readFileSync(file);
const body = bytes.indexOf('<body>') + '<body>'.length;
const head = bytes.subarray(0, body).toString('utf8');
const end = bytes.lastIndexOf('</body>');
const backend = createBackend({ dataDir, mode: 'browser', version: 'bench', engines: [] });
let imported = 0;
for (let from = body; from < end;) {
  const cut = from + CHUNK >= end ? end : bytes.lastIndexOf('</tu>', from + CHUNK) + '</tu>'.length;
  const content = head + bytes.subarray(from, cut).toString('utf8') + '</body></tmx>';
  const r = await backend.api.importTmx({
    fileName: 'memory.tmx',
    dataBase64: Buffer.from(content).toString('base64'),
    sourceLang: 'en',
    targetLang: 'es',
    mode: 'merge',
  });
  imported += r.imported;
  from = cut;
}
backend.close();
// Indexed before the command ends, as `verso tm import` does (lookups find every unit at once).
const db = openDatabase(path.join(dataDir, 'verso.sqlite'));
const indexed = createTmStore(db).syncIndex();
db.close();
console.log(`imported ${imported} units, indexed ${indexed} (stand-in)`);
