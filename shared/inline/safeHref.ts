/** Only links a reader may safely follow survive export. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(h) && !/[\u0000-\u001f\s]/.test(h) ? h : null;
}
