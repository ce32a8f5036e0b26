#!/usr/bin/env node
// Rasterises build/icon.svg to build/icon.png (512×512, what electron-builder wants for every platform)
// with the system Chromium through playwright-core. Run again after editing the SVG:
//   node build/make-icon.mjs            (CHROMIUM_PATH overrides /usr/bin/chromium)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = await readFile(path.join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(here, 'icon.png'), omitBackground: true });
  console.log(`Wrote ${path.join(here, 'icon.png')}`);
} finally {
  await browser.close();
}
