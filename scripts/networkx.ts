// The centrality tests compare Schakel's measures with networkx's (test/reference/centrality_networkx.py),
// run by python3. A fresh machine may have neither: the test command installs them where it can (Debian's
// packaged networkx, as root) and otherwise stops at once with the command to run, instead of failing
// those tests one by one.
import { spawnSync } from 'node:child_process';
import { aptInstall, canAptInstall, commandExists } from './apt';

/** The integration test files that run the networkx reference. */
export const NETWORKX_TEST_FILES = /caviar-centrality|import-network/;

export function hasNetworkx(): boolean {
  return spawnSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;
}

/** The one command that gives this kind of machine python3 with networkx. */
export function networkxInstallCommand(platform: NodeJS.Platform = process.platform, hasAptGet = commandExists('apt-get')): string {
  if (platform === 'linux' && hasAptGet) return 'sudo apt-get install -y --no-install-recommends python3 python3-networkx';
  return 'python3 -m pip install networkx   (Python 3 from python.org or your package manager)';
}

/** True when python3 can import networkx, after installing it with apt-get where this process may. */
export function ensureNetworkx(log: (line: string) => void): boolean {
  if (hasNetworkx()) return true;
  if (canAptInstall()) {
    log('networkx (the reference for the centrality tests) is missing: installing python3-networkx with apt-get, as .ci/run does…');
    if (aptInstall(['python3', 'python3-networkx']) && hasNetworkx()) return true;
    log('Installing python3-networkx with apt-get failed (see above).');
  }
  log(`The centrality tests compare with networkx, which python3 cannot import here.\nRun:\n  ${networkxInstallCommand()}\nthen "npm test" again.`);
  return false;
}
