import { describe, expect, it } from 'vitest';
import { undoState, type UndoLink, type UndoRevision } from './workflowUndo.js';

const edit = (id: number, before: string, after: string): UndoRevision => ({ id, action: 'edit', beforeText: before, afterText: after });

describe('undoState', () => {
  it('builds done/undone stacks from revisions and undo/redo links', () => {
    const revs: UndoRevision[] = [
      { id: 1, action: 'import', beforeText: null, afterText: 'Source' },
      { id: 2, action: 'mt', beforeText: '', afterText: 'MT' },
      edit(3, 'MT', 'A'),
      { id: 4, action: 'confirm', beforeText: 'A', afterText: 'A' },
      edit(5, 'A', 'B'),
    ];
    let s = undoState(revs, []);
    expect(s.done.map((r) => r.id)).toEqual([2, 3, 5]);
    expect(s.undone).toEqual([]);

    // Undo 5 (revision 6: B -> A), undo 3 (revision 7: A -> MT).
    const links: UndoLink[] = [
      { revisionId: 6, kind: 'undo', targetRevisionId: 5 },
      { revisionId: 7, kind: 'undo', targetRevisionId: 3 },
    ];
    const more = [...revs, edit(6, 'B', 'A'), edit(7, 'A', 'MT')];
    s = undoState(more, links);
    expect(s.done.map((r) => r.id)).toEqual([2]);
    expect(s.undone.map((r) => r.id)).toEqual([5, 3]);

    // Redo 3 (revision 8: MT -> A): 5 can still be redone.
    s = undoState([...more, edit(8, 'MT', 'A')], [...links, { revisionId: 8, kind: 'redo', targetRevisionId: 3 }]);
    expect(s.done.map((r) => r.id)).toEqual([2, 3]);
    expect(s.undone.map((r) => r.id)).toEqual([5]);

    // A new edit clears the redo stack.
    s = undoState([...more, edit(8, 'MT', 'C')], links);
    expect(s.done.map((r) => r.id)).toEqual([2, 8]);
    expect(s.undone).toEqual([]);
  });
});
