import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served both by Electron (app://verso, main/electron/appProtocol.ts) and by the browser-mode bridge.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
