import fs from 'node:fs';
import path from 'node:path';

/** What `<dataDir>/neo4j/schakel-local.json` records about the running instance. */
export interface InstanceState {
  pid: number;
  port: number;
  boltUri: string;
  startedAt: string;
}

function isInstanceState(value: unknown): value is InstanceState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isInteger(v.pid) &&
    Number.isInteger(v.port) &&
    typeof v.boltUri === 'string' &&
    typeof v.startedAt === 'string'
  );
}

/** The recorded state, or undefined when there is none or it is unreadable (treated as stale). */
export function readState(stateFile: string): InstanceState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(stateFile, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isInstanceState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Written via a temp file and rename so a reader never sees half a file. */
export function writeState(stateFile: string, state: InstanceState): void {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  const temp = `${stateFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temp, stateFile);
}

export function removeState(stateFile: string): void {
  fs.rmSync(stateFile, { force: true });
}
