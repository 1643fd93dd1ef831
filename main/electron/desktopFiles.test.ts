import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesktopFiles, safeFileName } from './desktopFiles.js';

function harness(choose: (defaultPath: string) => string | null) {
  const written = new Map<string, Uint8Array>();
  const revealed: string[] = [];
  const asked: string[] = [];
  const files = createDesktopFiles({
    downloadsDir: path.join('/home', 'ana', 'Downloads'),
    chooseSavePath: async (p) => {
      asked.push(p);
      return choose(p);
    },
    writeFile: async (p, bytes) => {
      written.set(p, bytes);
    },
    reveal: (p) => revealed.push(p),
  });
  return { files, written, revealed, asked };
}

describe('desktop export files', () => {
  it('saves where the user chose, says the name and folder, and starts the next dialog there', async () => {
    const h = harness((p) => p.replace('Downloads', 'Desk'));
    const outcome = await h.files.save({ fileName: 'storm.es.txt', mimeType: 'text/plain', content: 'Texto ü' });
    const target = path.join('/home', 'ana', 'Desk', 'storm.es.txt');
    expect(outcome).toEqual({ kind: 'saved', fileName: 'storm.es.txt', folder: path.dirname(target), path: target });
    expect(new TextDecoder().decode(h.written.get(target))).toBe('Texto ü');
    expect(h.asked).toEqual([path.join('/home', 'ana', 'Downloads', 'storm.es.txt')]);
    const bytes = new Uint8Array([80, 75, 3, 4]);
    await h.files.save({ fileName: 'storm.es.docx', mimeType: 'application/x', content: '', bytes });
    expect(h.asked[1]).toBe(path.join('/home', 'ana', 'Desk', 'storm.es.docx'));
    expect(h.written.get(path.join('/home', 'ana', 'Desk', 'storm.es.docx'))).toEqual(bytes);
  });

  it('a cancelled dialog writes nothing; only files it saved can be shown in their folder', async () => {
    const h = harness(() => null);
    expect(await h.files.save({ fileName: 'a.txt', mimeType: 'text/plain', content: 'x' })).toEqual({ kind: 'cancelled' });
    expect(h.written.size).toBe(0);
    expect(h.files.showInFolder('/etc/passwd')).toBe(false);
    expect(h.files.showInFolder(42)).toBe(false);
    const ok = harness((p) => p);
    const saved = await ok.files.save({ fileName: 'a.txt', mimeType: 'text/plain', content: 'x' });
    expect(saved.kind === 'saved' && ok.files.showInFolder(saved.path)).toBe(true);
    expect(ok.revealed).toHaveLength(1);
  });

  it('refuses malformed files and never lets a name choose the folder', async () => {
    const h = harness((p) => p);
    await expect(h.files.save({ fileName: '', mimeType: 'x', content: '' })).rejects.toThrow();
    await expect(h.files.save({ fileName: 'a', mimeType: 'x', content: '', extra: 1 })).rejects.toThrow();
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\x\\evil.txt')).toBe('evil.txt');
    expect(safeFileName('a\u0000b?.txt')).toBe('a_b_.txt');
    expect(safeFileName('...')).toBe('export');
  });
});
