/** What the editor says about its actions: which one runs, its error, its outcome, a notice. */
import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';

/** A message kept as a function of `t`, so it follows a change of interface language. */
export type Message = { render: (t: TFunction) => string } | null;
export type EditorAction = 'translate' | 'signOff' | 'export' | 'back';

export interface EditorStatus {
  busy: EditorAction | null;
  setBusy: (busy: EditorAction | null) => void;
  alert: unknown;
  setAlert: (error: unknown) => void;
  status: Message;
  /** The outcome of an action (a status line for screen readers). */
  say: (render: (t: TFunction) => string) => void;
  notice: Message;
  setNotice: (notice: Message) => void;
  /** "Back" found text that could not be saved. */
  unsaved: boolean;
  setUnsaved: (unsaved: boolean) => void;
  /** An action starts: it is the one running, and what the last one said goes away. */
  startAction: (kind: EditorAction) => void;
}

export function useEditorStatus(): EditorStatus {
  const [busy, setBusy] = useState<EditorAction | null>(null);
  const [alert, setAlert] = useState<unknown>(null);
  const [status, setStatus] = useState<Message>(null);
  const [notice, setNotice] = useState<Message>(null);
  const [unsaved, setUnsaved] = useState(false);
  const say = useCallback((render: (t: TFunction) => string) => setStatus({ render }), []);
  const startAction = useCallback((kind: EditorAction) => {
    setBusy(kind);
    setUnsaved(false);
    setAlert(null);
    setStatus(null);
  }, []);
  return { busy, setBusy, alert, setAlert, status, say, notice, setNotice, unsaved, setUnsaved, startAction };
}
