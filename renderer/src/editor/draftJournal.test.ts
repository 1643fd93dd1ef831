import { describe, expect, it } from 'vitest';
import { createDraftJournal, JOURNAL_KEY, MAX_AGE_MS } from './draftJournal.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('draftJournal', () => {
  it('gives back text typed and not stored, until it is stored', () => {
    const storage = memoryStorage();
    const journal = createDraftJournal(() => storage);
    journal.note('p1', 'La casa');
    journal.note('p1', 'La casa es roja');
    journal.note('p2', 'El perro');
    // A new page (same storage): both come back, and stay until stored.
    const later = createDraftJournal(() => storage);
    expect(later.recover('p1', 'The MT')).toBe('La casa es roja');
    expect(later.recover('p1', 'The MT')).toBe('La casa es roja');
    later.stored('p1', 'La casa es roja');
    expect(later.recover('p1', 'La casa es roja')).toBeNull();
    expect(later.recover('p2', '')).toBe('El perro');
  });

  it('keeps newer text when an older one is reported stored', () => {
    const storage = memoryStorage();
    const journal = createDraftJournal(() => storage);
    journal.note('p1', 'uno');
    journal.note('p1', 'uno dos');
    journal.stored('p1', 'uno');
    expect(journal.recover('p1', 'uno')).toBe('uno dos');
  });

  it('drops text the paragraph already holds, and empties its storage key when nothing is left', () => {
    const storage = memoryStorage();
    const journal = createDraftJournal(() => storage);
    journal.note('p1', 'Hecho');
    expect(journal.recover('p1', 'Hecho')).toBeNull();
    expect(journal.recover('p1', 'Otra')).toBeNull();
    expect(storage.items.has(JOURNAL_KEY)).toBe(false);
  });

  it('forgets entries older than its limit', () => {
    const storage = memoryStorage();
    let clock = 1_000_000;
    const journal = createDraftJournal(
      () => storage,
      () => clock,
    );
    journal.note('p1', 'vieja');
    clock += MAX_AGE_MS + 1;
    expect(journal.recover('p1', '')).toBeNull();
  });

  it('survives damaged, foreign or missing storage without throwing', () => {
    const storage = memoryStorage();
    storage.setItem(JOURNAL_KEY, '{not json');
    const journal = createDraftJournal(() => storage);
    expect(journal.recover('p1', '')).toBeNull();
    storage.setItem(JOURNAL_KEY, JSON.stringify({ p1: { text: 5 }, p2: { text: 'bien', at: Date.now() } }));
    expect(journal.recover('p1', '')).toBeNull();
    expect(journal.recover('p2', '')).toBe('bien');
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => createDraftJournal(() => full).note('p1', 'x')).not.toThrow();
    expect(createDraftJournal(() => null).recover('p1', '')).toBeNull();
  });
});
