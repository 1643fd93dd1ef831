/** URLs and e-mail addresses in a text (the QA checks compare them, and look past them). */

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"«»“”„]+/giu;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]}'’]+$/u, '');
}

export function extractUrls(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => trimUrl(m[0]));
}

export function extractEmails(text: string): string[] {
  // The pattern is costly on long text; most paragraphs have no "@" at all.
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL_RE)].map((m) => m[0].replace(/\.+$/u, ''));
}

export function withoutLinks(text: string): string {
  const noUrls = text.replace(URL_RE, ' ');
  return noUrls.includes('@') ? noUrls.replace(EMAIL_RE, ' ') : noUrls;
}
