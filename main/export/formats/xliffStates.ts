/**
 * Our paragraph statuses as XLIFF states. 1.2 has a richer list (needs-review-translation, an MT
 * state qualifier, approved="yes"); 2.0 has only initial/translated/reviewed/final, so the finer
 * Verso status goes to a `subState` in the `verso:` namespace prefix the spec allows.
 */
import type { ParagraphStatus } from '../../../shared/types.js';

export interface Xliff12State {
  /** null: no <target> at all. */
  state: 'needs-review-translation' | 'translated' | 'final' | null;
  qualifier: 'leveraged-mt' | null;
  approved: boolean;
}

export function xliff12State(status: ParagraphStatus): Xliff12State {
  switch (status) {
    case 'new':
      return { state: null, qualifier: null, approved: false };
    case 'machine':
      return { state: 'needs-review-translation', qualifier: 'leveraged-mt', approved: false };
    case 'edited':
      return { state: 'needs-review-translation', qualifier: null, approved: false };
    case 'translated':
      return { state: 'translated', qualifier: null, approved: false };
    case 'signed-off':
      return { state: 'final', qualifier: null, approved: true };
  }
}

export interface Xliff20State {
  state: 'initial' | 'translated' | 'reviewed' | 'final';
  subState: string;
}

export function xliff20State(status: ParagraphStatus): Xliff20State {
  switch (status) {
    case 'new':
      return { state: 'initial', subState: 'verso:new' };
    case 'machine':
      // Raw MT is not a translation yet (issue 12): a reader that knows no `verso:` subState must not take it for one.
      return { state: 'initial', subState: 'verso:machine' };
    case 'edited':
      return { state: 'translated', subState: 'verso:edited' };
    case 'translated':
      return { state: 'translated', subState: 'verso:confirmed' };
    case 'signed-off':
      return { state: 'final', subState: 'verso:signed-off' };
  }
}
