/**
 * Reading the chip editor's state from the page (for tests): its text with placeholders and the
 * caret as offsets into that text, taken from the DOM and the DOM selection, as a person sees them.
 */
import type { Locator } from '@playwright/test';

export interface ChipBoxState {
  text: string;
  anchor: number;
  head: number;
  focused: boolean;
}

export function chipBoxState(box: Locator): Promise<ChipBoxState> {
  return box.evaluate((root: Element) => {
    let text = '';
    let anchor = -1;
    let head = -1;
    const sel = root.ownerDocument.getSelection();
    const mark = (node: Node, offset: number): void => {
      if (sel?.anchorNode === node && sel.anchorOffset === offset) anchor = text.length;
      if (sel?.focusNode === node && sel.focusOffset === offset) head = text.length;
    };
    const walk = (node: Node): void => {
      const kids = Array.from(node.childNodes);
      kids.forEach((child, i) => {
        mark(node, i);
        if (child.nodeType === 3) {
          const value = child.nodeValue ?? '';
          for (let k = 0; k < value.length; k++) {
            mark(child, k);
            text += value[k];
          }
          mark(child, value.length);
        } else if (child instanceof HTMLElement && child.dataset['token'] !== undefined) {
          text += child.dataset['token'];
        } else if (child instanceof HTMLElement && (child.tagName === 'BR' || child.tagName === 'IMG')) {
          // ProseMirror's helper nodes hold no text.
        } else walk(child);
      });
      mark(node, kids.length);
    };
    walk(root);
    return { text, anchor, head, focused: root.ownerDocument.activeElement === root };
  });
}
