/**
 * Where a streamed TMX import reads a chosen file from (issue 17), never its bytes through the API:
 * the desktop app gives the file's path (the preload's `pathForFile`, Electron's
 * `webUtils.getPathForFile`); browser mode streams the file to the bridge (`POST /api/upload/tmx`,
 * raw bytes with the token) and gets an upload id. main.tsx picks one; component tests have none.
 */
export type TmxFileSource = { kind: 'path'; path: string } | { kind: 'upload'; uploadId: string; fileName: string };

export type TmxSourceOf = (file: File, onSent: (sent: number, total: number) => void, signal: AbortSignal) => Promise<TmxFileSource>;

/** Desktop: the dropped or picked file's path on disk. */
export function desktopTmxSource(pathForFile: (file: File) => string): TmxSourceOf {
  return (file) => {
    const path = pathForFile(file);
    if (!path) return Promise.reject(new Error(`The path of ${file.name} is unknown: choose the file again.`));
    return Promise.resolve({ kind: 'path', path });
  };
}

/** Browser mode: the file streamed to the bridge (XMLHttpRequest: it reports upload progress). */
export function uploadTmxSource(baseUrl: string, token: string): TmxSourceOf {
  return (file, onSent, signal) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${baseUrl}/api/upload/tmx`);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.onprogress = (e) => onSent(e.loaded, e.total || file.size);
      xhr.onerror = () => reject(new Error(`${file.name} could not be sent to Verso.`));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      xhr.onload = () => {
        try {
          const reply = JSON.parse(String(xhr.responseText)) as
            { ok: true; value: { uploadId: string } } | { ok: false; error: { message: string } };
          if (reply.ok) resolve({ kind: 'upload', uploadId: reply.value.uploadId, fileName: file.name.slice(0, 255) });
          else reject(new Error(reply.error.message));
        } catch {
          reject(new Error(`${file.name} could not be sent to Verso (HTTP ${xhr.status}).`));
        }
      };
      signal.addEventListener('abort', () => xhr.abort());
      xhr.send(file);
    });
}
