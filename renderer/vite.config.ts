// Builds the renderer into dist/renderer. `base: './'` because Electron loads the page through a custom
// protocol (app://…) where absolute asset paths would not resolve; the browser-mode server serves the same
// files from its root.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const apiOrigin = process.env.SCHAKEL_API_ORIGIN;
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Everything is bundled and served from 'self' (the CSP allows nothing else); no inlined data: scripts.
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    host: '127.0.0.1',
    // `SCHAKEL_API_ORIGIN=http://127.0.0.1:P npm run dev:renderer` forwards API calls to a running
    // `npm run web -- --port P` (open the dev page with that server's #token=… fragment).
    ...(apiOrigin ? { proxy: { '/api': apiOrigin } } : {}),
  },
});
