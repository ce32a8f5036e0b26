// Headless Chromium for the chart and startup benchmarks: the same binary and flags as the e2e tests.
import { findChromium, installCommand } from '../scripts/chromium';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = findChromium() ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  // WebGL on SwiftShader, the software rasteriser a machine without a GPU has: the chart's WebGL overview
  // needs it, and newer Chromium no longer falls back to it without this switch.
  '--enable-unsafe-swiftshader',
];

export function launchChromium(): Promise<Browser> {
  if (!findChromium()) {
    return Promise.reject(new Error(`Chromium was not found; the browser benchmarks need it. Run: ${installCommand()} (or set SCHAKEL_CHROMIUM).`));
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
