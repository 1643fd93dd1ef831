/**
 * The postings of the TM index, packed: per term, blocks of up to BLOCK_IDS unit ids (ascending,
 * 32-bit, the platform's byte order — little-endian on every platform Verso ships for) in
 * `tm_postings (term, block, ids)`, clustered by term, keyed by the first id of the block. A lookup
 * reads a term's newest postings in a few rows instead of one row per posting (reading 25,000
 * single-row postings took ~15 ms at 1M units; as blocks it is well under a millisecond).
 */
import type Database from 'better-sqlite3';

export const BLOCK_IDS = 256;

function toIds(blob: Buffer): Uint32Array {
  const ids = new Uint32Array(blob.length >>> 2);
  new Uint8Array(ids.buffer).set(blob.subarray(0, ids.length * 4));
  return ids;
}

export function toBlob(ids: Uint32Array | readonly number[]): Buffer {
  const a = ids instanceof Uint32Array ? ids : Uint32Array.from(ids);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export function createPostings(db: Database.Database) {
  const lastStmt = db.prepare<[number], { block: number; ids: Buffer }>(
    'SELECT block, ids FROM tm_postings WHERE term = ? ORDER BY block DESC LIMIT 1',
  );
  const containingStmt = db.prepare<[number, number], { block: number; ids: Buffer }>(
    'SELECT block, ids FROM tm_postings WHERE term = ? AND block <= ? ORDER BY block DESC LIMIT 1',
  );
  const putStmt = db.prepare<[number, number, Buffer]>('INSERT OR REPLACE INTO tm_postings (term, block, ids) VALUES (?, ?, ?)');
  const deleteStmt = db.prepare<[number, number]>('DELETE FROM tm_postings WHERE term = ? AND block = ?');
  const newestStmt = db.prepare<[number, number], Buffer>('SELECT ids FROM tm_postings WHERE term = ? ORDER BY block DESC LIMIT ?').pluck();

  /** Adds unit ids to a term; returns how many were new. */
  function add(term: number, unitIds: number[]): number {
    const sorted = [...new Set(unitIds)].sort((a, b) => a - b);
    let added = 0;
    let last = lastStmt.get(term);
    let lastIds = last ? Array.from(toIds(last.ids)) : [];
    for (const id of sorted) {
      const lastMax = lastIds.length > 0 ? lastIds[lastIds.length - 1]! : -1;
      if (last && id <= lastMax) {
        // Rare: an id older than the term's newest block (ids normally only grow).
        if (id >= last.block) {
          const at = lastIds.findIndex((x) => x >= id);
          if (lastIds[at] === id) continue;
          lastIds.splice(at, 0, id);
        } else {
          const holder = containingStmt.get(term, id);
          const ids = holder ? Array.from(toIds(holder.ids)) : [];
          if (ids.includes(id)) continue;
          ids.push(id);
          ids.sort((a, b) => a - b);
          if (holder) putStmt.run(term, holder.block, toBlob(ids));
          else putStmt.run(term, id, toBlob(ids));
        }
        added++;
        continue;
      }
      if (!last || lastIds.length >= BLOCK_IDS) {
        if (last) putStmt.run(term, last.block, toBlob(lastIds));
        last = { block: id, ids: Buffer.alloc(0) };
        lastIds = [];
      }
      lastIds.push(id);
      added++;
    }
    if (last && lastIds.length > 0) putStmt.run(term, last.block, toBlob(lastIds));
    return added;
  }

  /** Removes a unit id from a term; false when it was not there. */
  function remove(term: number, unitId: number): boolean {
    const holder = containingStmt.get(term, unitId);
    if (!holder) return false;
    const ids = toIds(holder.ids);
    const at = ids.indexOf(unitId);
    if (at < 0) return false;
    const rest = new Uint32Array(ids.length - 1);
    rest.set(ids.subarray(0, at));
    rest.set(ids.subarray(at + 1), at);
    if (rest.length === 0) deleteStmt.run(term, holder.block);
    else putStmt.run(term, holder.block, toBlob(rest));
    return true;
  }

  /** The term's newest unit ids, about `cap` of them (whole blocks), newest block first. */
  function newest(term: number, cap: number): Uint32Array[] {
    return newestStmt.all(term, Math.max(1, Math.ceil(cap / BLOCK_IDS))).map(toIds);
  }

  return { add, remove, newest };
}
