// The documentation stays short and its links stay true (issue 15, item 11):
//  - ARCHITECTURE.md is at most 10 KB (10,240 bytes): details live in docs/*.md;
//  - every relative Markdown link in ARCHITECTURE.md, README.md and docs/*.md names a file or
//    folder that exists in the repository, and a `#fragment` into a Markdown file one of its headings;
//  - ARCHITECTURE.md names every dependency of package.json (the guide: say why each is there);
//  - no file of the repository points at the design notes outside it (they moved into docs/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const ARCHITECTURE_MAX_BYTES = 10_240;
/** Built from parts so that this file does not mention it itself. */
const OUTSIDE_NOTES = ['..', 'shared', 'DESIGN.md'].join('/');
/** Not the repository's own text: dependencies, build output, test output, local data. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'dist', 'release', '.native', 'test-results', 'playwright-report', '.verso-data']);
const BINARY_FILE = /\.(png|jpe?g|gif|ico|icns|webp|docx|zip|sqlite|woff2?|ttf|pdf|bin)$/i;

/** The Markdown files whose links are checked: ARCHITECTURE.md, README.md and docs/*.md. */
function markdownFiles(dir: string): string[] {
  const docs = path.join(dir, 'docs');
  const inDocs = fs.existsSync(docs)
    ? fs
        .readdirSync(docs)
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join('docs', f))
    : [];
  return ['ARCHITECTURE.md', 'README.md', ...inDocs].filter((f) => fs.existsSync(path.join(dir, f)));
}

/** Text without fenced code blocks and code spans, where `[a](b)` is an example, not a link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** The targets of inline links and images (`[t](x)`, `![a](x "title")`) and of reference definitions (`[r]: x`). */
export function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]!);
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)) targets.push(m[1]!);
  return targets.map((t) => (t.startsWith('<') ? t.slice(1, -1) : t));
}

/** The anchors GitHub gives a Markdown file's headings (lower case, punctuation dropped, spaces as hyphens, repeats numbered). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const text = markdown.replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm)) {
    const base = m[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The relative link targets of `file` (relative to `dir`) that name nothing on disk, or no heading of a Markdown file. */
export function brokenLinks(dir: string, file: string): string[] {
  const markdown = fs.readFileSync(path.join(dir, file), 'utf8');
  return linkTargets(markdown).filter((target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return false;
    const filePart = decodeURIComponent(target.replace(/[?#].*$/, ''));
    const fragment = target.includes('#') ? decodeURIComponent(target.slice(target.indexOf('#') + 1)) : null;
    const resolved =
      filePart === ''
        ? path.join(dir, file)
        : filePart.startsWith('/')
          ? path.join(dir, filePart)
          : path.resolve(dir, path.dirname(file), filePart);
    if (!resolved.startsWith(dir + path.sep) || !fs.existsSync(resolved)) return true;
    if (fragment === null || !resolved.endsWith('.md') || !fs.statSync(resolved).isFile()) return false;
    return !headingAnchors(fs.readFileSync(resolved, 'utf8')).has(fragment);
  });
}

/** The dependencies and devDependencies of `packageJson` that `markdown` does not name as `code`. */
export function unexplainedDependencies(packageJson: string, markdown: string): string[] {
  const pkg = JSON.parse(packageJson) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  return names.filter((name) => !markdown.includes(`\`${name}\``));
}

/** Files under `dir` (the repository's own, text only) that mention `needle`. */
export function filesMentioning(dir: string, needle: string, sub = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = path.join(sub, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...filesMentioning(dir, needle, rel));
    } else if (entry.isFile() && !BINARY_FILE.test(entry.name)) {
      if (fs.readFileSync(path.join(dir, rel), 'utf8').includes(needle)) found.push(rel);
    }
  }
  return found;
}

describe('the documentation', () => {
  it(`keeps ARCHITECTURE.md within ${ARCHITECTURE_MAX_BYTES} bytes`, () => {
    expect(fs.statSync(path.join(root, 'ARCHITECTURE.md')).size).toBeLessThanOrEqual(ARCHITECTURE_MAX_BYTES);
  });

  it('has docs/ pages, and every relative link in ARCHITECTURE.md, README.md and docs/*.md resolves', () => {
    const files = markdownFiles(root);
    expect(files.filter((f) => f.startsWith('docs'))).not.toEqual([]);
    const broken = files.flatMap((f) => brokenLinks(root, f).map((t) => `${f}: ${t}`));
    expect(broken).toEqual([]);
  });

  it('says in ARCHITECTURE.md why each dependency of package.json is there', () => {
    const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
    expect(unexplainedDependencies(read('package.json'), read('ARCHITECTURE.md'))).toEqual([]);
  });

  it('points nowhere outside the repository for its design notes', () => {
    expect(filesMentioning(root, OUTSIDE_NOTES)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  function project(files: Record<string, string>): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-docs-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('finds inline links, images and references, but not examples in code', () => {
    const md = [
      'See [the notes](docs/a.md#part), ![shot](docs/x.png "A title") and [ref][r].',
      '[r]: <docs/b c.md>',
      'Markdown export writes `[text](href)`.',
      '```',
      '[in a block](nowhere.md)',
      '```',
    ].join('\n');
    expect(linkTargets(md)).toEqual(['docs/a.md#part', 'docs/x.png', 'docs/b c.md']);
  });

  it('reports a relative link to a missing file, and one leaving the repository', () => {
    const d = project({
      'README.md': '# Top\n[ok](docs/a.md) [gone](docs/gone.md) [web](https://example.org/x.md) [here](#top) [mail](mailto:a@b.c)',
      'docs/a.md': '[back](../README.md) [up](../../outside.md) [space](b%20c.md) [folder](../docs/)',
      'docs/b c.md': '',
    });
    expect(brokenLinks(d, 'README.md')).toEqual(['docs/gone.md']);
    expect(brokenLinks(d, 'docs/a.md')).toEqual(['../../outside.md']);
  });

  it('reports a fragment that names no heading of the Markdown file it points into', () => {
    const d = project({
      'README.md':
        '# Verso\n\n## The chip editor (decision)\n\n## TMX 1.4b\n\n## Notes\n\n## Notes\n\n[a](#the-chip-editor-decision) [b](#tmx-14b) [c](#notes-1) [d](#missing) [e](docs/a.md#part) [f](docs/a.md#gone)',
      'docs/a.md': '## `Part`\n```\n## not a heading\n```\n[g](#not-a-heading)',
    });
    expect(brokenLinks(d, 'README.md')).toEqual(['#missing', 'docs/a.md#gone']);
    expect(brokenLinks(d, 'docs/a.md')).toEqual(['#not-a-heading']);
  });

  it('reports a dependency ARCHITECTURE.md does not name', () => {
    const pkg = JSON.stringify({ dependencies: { zod: '4', react: '19' }, devDependencies: { vitest: '4' } });
    expect(unexplainedDependencies(pkg, '| `zod` | validation |\n| `vitest` | tests |\nreact without code marks')).toEqual(['react']);
  });

  it('finds a mention of the outside notes in any text file, outside dependencies and build output', () => {
    const d = project({
      'README.md': 'Nothing here.',
      'main/x.ts': `// see ${OUTSIDE_NOTES}\n`,
      'node_modules/p/readme.md': OUTSIDE_NOTES,
      'dist/main.cjs': OUTSIDE_NOTES,
    });
    expect(filesMentioning(d, OUTSIDE_NOTES)).toEqual([path.join('main', 'x.ts')]);
  });
});
