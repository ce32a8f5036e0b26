import type { DemoMode } from '../backend/demo-database';

/**
 * `--demo` opens the demo investigation (its own database), `--no-demo` never opens it by itself. Without
 * either, a checkout (`npm start`) shows the demo until the data folder has a database of its own, and the
 * installed app only offers it on an empty database.
 */
export function demoModeFromArgs(argv: readonly string[], packaged: boolean): DemoMode {
  if (argv.includes('--demo')) return 'open';
  if (argv.includes('--no-demo')) return 'offer';
  return packaged ? 'offer' : 'open-when-new';
}
