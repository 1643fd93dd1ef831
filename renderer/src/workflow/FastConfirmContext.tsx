/**
 * Asks the editor to confirm a sign-off faster than a plausible reading speed (issue: editorial
 * workflow, review quality signal). `useFastConfirm()` gives `confirm(paragraphs)`, which resolves
 * true at once when none is fast, else shows a dialog: "Sign off anyway" (Enter) or "Keep reviewing"
 * (Escape). A confirmed sign-off is still recorded as fast by the service.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignOffCandidate } from './fastCandidates.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';

type Confirm = (fast: readonly SignOffCandidate[]) => Promise<boolean>;

const Context = createContext<Confirm>(() => Promise.resolve(true));

export function useFastConfirm(): Confirm {
  return useContext(Context);
}

interface Pending {
  fast: readonly SignOffCandidate[];
  resolve: (ok: boolean) => void;
}

export function FastConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);
  const confirm = useCallback<Confirm>((fast) => {
    if (fast.length === 0) return Promise.resolve(true);
    // A second request while one is open answers the first with "no".
    pendingRef.current?.resolve(false);
    return new Promise<boolean>((resolve) => {
      const next = { fast, resolve };
      pendingRef.current = next;
      setPending(next);
    });
  }, []);
  const answer = useCallback((ok: boolean) => {
    const current = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    current?.resolve(ok);
  }, []);
  return (
    <Context.Provider value={confirm}>
      {children}
      {pending && <FastConfirmDialog fast={pending.fast} onAnswer={answer} />}
    </Context.Provider>
  );
}

function FastConfirmDialog({ fast, onAnswer }: { fast: readonly SignOffCandidate[]; onAnswer: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const question = {
    heading: t('workflow.fast.confirm.heading'),
    text: t('workflow.fast.confirm.text', { count: fast.length, paragraphs: fast.map((f) => f.number).join(', ') }),
    yes: t('workflow.fast.confirm.yes'),
    no: t('workflow.fast.confirm.no'),
  };
  return <ConfirmDialog question={question} onAnswer={onAnswer} primaryYes={false} />;
}
