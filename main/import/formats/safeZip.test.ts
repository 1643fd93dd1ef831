import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { failure } from '../../testing/failure.js';
import { makeZip } from '../testing/zipWriter.js';
import { checkEntryName, openSafeZip, readCapped } from './safeZip.js';

const LIMITS = { entries: 10, partBytes: 1000, totalBytes: 1500 };

describe('openSafeZip', () => {
  it('reads the parts asked for, and null for parts that are not there', async () => {
    const zip = await openSafeZip(
      makeZip([
        { name: 'a.xml', data: '<a/>' },
        { name: 'dir/b.xml', data: 'bee', method: 'store' },
      ]),
      LIMITS,
    );
    expect(zip.names).toEqual(['a.xml', 'dir/b.xml']);
    expect((await zip.read('a.xml'))?.toString()).toBe('<a/>');
    expect((await zip.read('dir/b.xml'))?.toString()).toBe('bee');
    expect(await zip.read('c.xml')).toBeNull();
    zip.close();
  });

  it('refuses a part whose declared size is over the limit before inflating it (its data could not even be inflated)', async () => {
    // Compression method 12 (bzip2) cannot be decoded: reaching the inflater would give IMPORT_DOCX_DAMAGED.
    const zip = await openSafeZip(makeZip([{ name: 'big.xml', data: 'x', declaredSize: 5000, methodNumber: 12 }]), LIMITS);
    expect(await failure(zip.read('big.xml'))).toMatchObject({
      code: 'IMPORT_ZIP_TOO_LARGE',
      details: { entry: 'big.xml', limitBytes: 1000, declaredBytes: 5000 },
    });
    zip.close();
  });

  it('refuses parts that together pass the total limit', async () => {
    const zip = await openSafeZip(
      makeZip([
        { name: 'a', data: 'a'.repeat(900) },
        { name: 'b', data: 'b'.repeat(900) },
      ]),
      LIMITS,
    );
    expect((await zip.read('a'))?.length).toBe(900);
    expect(await failure(zip.read('b'))).toMatchObject({ code: 'IMPORT_ZIP_TOO_LARGE', details: { entry: 'b', limitBytes: 1500 } });
    zip.close();
  });

  it('stops inflating a part that produces more bytes than it declares', async () => {
    const zip = await openSafeZip(makeZip([{ name: 'a', data: ' '.repeat(900_000), declaredSize: 100 }]), {
      ...LIMITS,
      partBytes: 1_000_000,
      totalBytes: 1_000_000,
    });
    expect(await failure(zip.read('a'))).toMatchObject({ code: 'IMPORT_ZIP_SIZE_MISMATCH', details: { entry: 'a', declaredBytes: 100 } });
    zip.close();
  });

  it('refuses archives with too many entries, unsafe names or a name listed twice, before reading any part', async () => {
    const many = makeZip(Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, data: '' })));
    expect(await failure(openSafeZip(many, LIMITS))).toMatchObject({ code: 'IMPORT_TOO_COMPLEX', details: { limit: 10 } });
    expect(
      await failure(
        openSafeZip(
          makeZip([
            { name: 'ok', data: '' },
            { name: 'a/../../x', data: '' },
          ]),
          LIMITS,
        ),
      ),
    ).toMatchObject({
      code: 'IMPORT_ZIP_UNSAFE_PATH',
      details: { entry: 'a/../../x' },
    });
    expect(
      await failure(
        openSafeZip(
          makeZip([
            { name: 'a', data: '1' },
            { name: 'a', data: '2' },
          ]),
          LIMITS,
        ),
      ),
    ).toMatchObject({ code: 'IMPORT_DOCX_DAMAGED' });
    expect(await failure(openSafeZip(Buffer.from('PK\u0003\u0004 broken'), LIMITS))).toMatchObject({ code: 'IMPORT_DOCX_DAMAGED' });
  });
});

describe('checkEntryName', () => {
  it.each(['../evil', 'a/../../evil', '/etc/passwd', 'C:/Windows/evil.dll', 'c:evil', 'a\\..\\b', 'nul\u0000byte'])(
    'refuses %j',
    (name) => {
      expect(() => checkEntryName(name)).toThrow(expect.objectContaining({ code: 'IMPORT_ZIP_UNSAFE_PATH' }));
    },
  );
  it.each(['word/document.xml', '[Content_Types].xml', 'word/media/image 1.png', 'a..b/c'])('accepts %j', (name) => {
    expect(() => checkEntryName(name)).not.toThrow();
  });
});

describe('readCapped', () => {
  function counting(chunks: number, size: number): { stream: Readable; produced: () => number } {
    let produced = 0;
    const stream = new Readable({
      read() {
        if (produced >= chunks * size) return this.push(null);
        produced += size;
        this.push(Buffer.alloc(size, 0x20));
      },
    });
    return { stream, produced: () => produced };
  }

  it('stops at the limit and destroys the stream instead of reading on', async () => {
    const { stream, produced } = counting(10_000, 1024); // would be 10 MB
    const error = await failure(readCapped(stream, 'part', 100_000_000, 64 * 1024));
    expect(error).toMatchObject({ code: 'IMPORT_ZIP_TOO_LARGE', details: { entry: 'part', limitBytes: 64 * 1024 } });
    expect(stream.destroyed).toBe(true);
    expect(produced()).toBeLessThan(200 * 1024);
  });

  it('stops as soon as the bytes pass the declared size', async () => {
    const { stream, produced } = counting(10_000, 1024);
    expect(await failure(readCapped(stream, 'part', 4096, 1_000_000_000))).toMatchObject({
      code: 'IMPORT_ZIP_SIZE_MISMATCH',
      details: { declaredBytes: 4096 },
    });
    expect(produced()).toBeLessThan(100 * 1024);
  });

  it('returns everything when within both', async () => {
    const { stream } = counting(4, 1000);
    expect((await readCapped(stream, 'part', 4000, 4000)).length).toBe(4000);
  });
});
