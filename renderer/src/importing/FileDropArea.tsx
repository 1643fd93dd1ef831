/**
 * Drag-and-drop of files, for the whole window (`FileDropTarget`) and for a form (`DropZone`).
 * React handlers on elements only: the renderer never touches `window` itself.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** Drag handlers that report the dropped file (the first one) and whether a drag is over the element. */
function useFileDrag(onFile: (file: File) => void, onSeveral?: () => void) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const handlers = {
    onDragEnter(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setOver(true);
    },
    onDragOver(e: DragEvent) {
      if (!carriesFiles(e)) return;
      // Without this the browser opens the dropped file instead of handing it to Verso.
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave(e: DragEvent) {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop(e: DragEvent) {
      if (!carriesFiles(e)) return;
      // An inner drop area that took the file already prevented the default: only reset here.
      const taken = e.defaultPrevented;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      if (taken) return;
      const files = Array.from(e.dataTransfer.files ?? []);
      if (files.length > 1) onSeveral?.();
      if (files[0]) onFile(files[0]);
    },
  };
  return { over, handlers };
}

/** Wraps the app: a file dropped anywhere is handed to `onFile` (the import view opens with it). */
export function FileDropTarget({ onFile, children, className }: { onFile: (file: File) => void; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const { over, handlers } = useFileDrag(onFile);
  return (
    <div className={className} {...handlers}>
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('importing.drop.overlay')}</p>
        </div>
      )}
    </div>
  );
}

/** A visible drop area around a form's file field. */
export function DropZone({ onFile, children }: { onFile: (file: File) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const [several, setSeveral] = useState(false);
  const { over, handlers } = useFileDrag(
    (file) => onFile(file),
    () => setSeveral(true),
  );
  return (
    <div className={`drop-zone${over ? ' drop-zone-over' : ''}`} data-testid="drop-zone" {...handlers}>
      <p className="hint">{t('importing.drop.zone')}</p>
      {children}
      {several && <p className="note">{t('importing.drop.onlyOne')}</p>}
    </div>
  );
}
