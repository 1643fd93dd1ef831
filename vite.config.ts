import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY } from './shared/contentSecurityPolicy.js';

/** Writes the one CSP (shared/contentSecurityPolicy.ts) into index.html's <meta>. */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'verso-csp-meta',
    transformIndexHtml(html) {
      if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html lacks ${CSP_PLACEHOLDER} for the Content-Security-Policy.`);
      return html.replaceAll(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
    },
  };
}

// The renderer is built once and served both by Electron (app://verso, main/electron/appProtocol.ts) and by the browser-mode bridge.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
