#!/usr/bin/env node
// npm run build:electron — bundles the Electron main process and preload into dist/electron/.
// The bundling rules live in electron/tooling/bundle.ts (TypeScript, shared with the unit tests); tsx's
// loader API lets this plain-Node script import it.
import { tsImport } from 'tsx/esm/api';

try {
  const { buildElectronBundles } = await tsImport('../electron/tooling/bundle.ts', import.meta.url);
  const { main, preload } = await buildElectronBundles();
  console.log(`Electron bundles written:\n  ${main}\n  ${preload}`);
} catch (error) {
  // esbuild has already printed the exact file and line of a compile error above.
  console.error(`Building the Electron bundles failed: ${error?.message ?? error}`);
  console.error('Fix the error reported above, then run "npm run build:electron" again.');
  process.exit(1);
}
