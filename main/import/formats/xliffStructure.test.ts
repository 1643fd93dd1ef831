/** The paragraph-structure contract of Verso's own XLIFF, both directions. */
import { describe, expect, it } from 'vitest';
import { blockOfStructure, structureKind } from './xliffStructure.js';

describe('XLIFF structure encoding', () => {
  it('writes heading levels, ordered and unordered list items and quotes; nothing for a paragraph', () => {
    expect(structureKind('heading', '3')).toBe('heading-3');
    expect(structureKind('heading', '9')).toBe('heading-6');
    expect(structureKind('heading', null)).toBe('heading-1');
    expect(structureKind('list-item', '12.')).toBe('list-item-12');
    expect(structureKind('list-item', '4)')).toBe('list-item-4');
    expect(structureKind('list-item', '-')).toBe('list-item');
    expect(structureKind('list-item', null)).toBe('list-item');
    expect(structureKind('quote', null)).toBe('quote');
    expect(structureKind('paragraph', null)).toBeNull();
  });
  it('reads them back from 1.2 restype and 2.0 type; anything else is a paragraph', () => {
    expect(blockOfStructure('x-verso-heading-2')).toEqual({ kind: 'heading', marker: '2' });
    expect(blockOfStructure('verso:list-item-3')).toEqual({ kind: 'list-item', marker: '3.' });
    expect(blockOfStructure('verso:list-item')).toEqual({ kind: 'list-item', marker: null });
    expect(blockOfStructure('x-verso-quote')).toEqual({ kind: 'quote', marker: null });
    expect(blockOfStructure('verso:heading')).toEqual({ kind: 'heading', marker: null });
    for (const other of [null, 'x-heading', 'verso:heading-7', 'acme:quote', 'x-verso-table', 'paragraph'])
      expect(blockOfStructure(other)).toBeNull();
  });
});
