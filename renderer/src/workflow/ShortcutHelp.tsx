/** The keyboard shortcut overlay (opened with `?` or its button; Escape closes it). */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts.js';
import { restoreFocus } from '../components/restoreFocus.js';

export function ShortcutHelp({ isEditor, onClose }: { isEditor: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    closeRef.current?.focus();
    // Back where it was, or as near as possible (never <body>).
    return () => restoreFocus(before);
  }, []);
  return (
    <div className="shortcut-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        className="shortcut-help"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
          // Keep focus inside: the close button is the only control.
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id={headingId}>{t('workflow.shortcuts.heading')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.filter((s) => isEditor || !s.editorOnly).map((s) => (
              <tr key={s.action}>
                <th scope="row">
                  <kbd>{t(`workflow.shortcuts.keys.${s.keys}`)}</kbd>
                </th>
                <td>{t(`workflow.shortcuts.actions.${s.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" ref={closeRef} onClick={onClose}>
          {t('workflow.shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
