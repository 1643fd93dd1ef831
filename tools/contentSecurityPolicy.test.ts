/** Issue 15, item 8: one CSP source for the bridge's header, Electron's app://verso header and index.html's <meta>. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../main/bridge/securityHeaders.js';
import { withContentSecurityPolicy } from '../main/electron/sessionPolicy.js';
import { contentSecurityPolicyMeta } from '../vite.config.js';
import { CONTENT_SECURITY_POLICY, CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const indexHtml = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');

function builtMeta(): string {
  const hook = contentSecurityPolicyMeta().transformIndexHtml as (html: string) => string;
  const html = hook(indexHtml);
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  expect(match).not.toBeNull();
  return match![1]!;
}

const directives = (policy: string): string[] => policy.split(';').map((d) => d.trim());

describe('the Content-Security-Policy has one source', () => {
  it('the bridge and Electron send it as the header', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(withContentSecurityPolicy({ 'content-security-policy': ['default-src *'] })).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it("index.html keeps no copy: the build writes the module's policy into its <meta>, less what a <meta> cannot carry", () => {
    expect(indexHtml).toContain(CSP_PLACEHOLDER);
    expect(indexHtml).not.toMatch(/default-src|script-src/);
    expect(builtMeta()).toBe(META_CONTENT_SECURITY_POLICY);
    expect(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'))).toEqual(
      directives(META_CONTENT_SECURITY_POLICY),
    );
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('the build refuses an index.html without the placeholder (no silent page without a policy)', () => {
    const hook = contentSecurityPolicyMeta().transformIndexHtml as (html: string) => string;
    expect(() => hook('<html><head></head></html>')).toThrow(/VERSO_CSP/);
  });
});
