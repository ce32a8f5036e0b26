// System packages the test command installs itself where it can: Debian/Ubuntu, run as root (as .ci/run
// is). Elsewhere the caller prints the one command to run instead.
import { spawnSync } from 'node:child_process';

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Whether this process may install with apt-get (Linux, root, apt-get present). */
export function canAptInstall(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return process.platform === 'linux' && isRoot && commandExists('apt-get');
}

/** apt-get update, then install the packages without recommends; true when both succeeded. */
export function aptInstall(packages: string[]): boolean {
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env: aptEnv });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env: aptEnv }).status === 0;
}
