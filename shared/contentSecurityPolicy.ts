/**
 * The one Content-Security-Policy of the interface: sent as a header by the browser-mode bridge
 * and Electron's app://verso handler (main/bridge/securityHeaders.ts), and written into
 * renderer/index.html's <meta> at build time (vite.config.ts), which drops what a <meta> policy
 * cannot carry (frame-ancestors).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

/** Directives browsers ignore (with a console warning) in a <meta http-equiv> policy. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.includes(d.split(' ')[0]!)).join('; ');

/** The placeholder in renderer/index.html the build replaces with the meta policy. */
export const CSP_PLACEHOLDER = '%VERSO_CSP%';
