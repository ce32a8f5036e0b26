// The workstation's audit key: 32 random bytes in a file outside the database (default
// <data folder>/audit/audit.key, mode 0600, created on first use; SCHAKEL_AUDIT_KEY_FILE points elsewhere,
// e.g. at a key the organisation hands out so several workstations seal with the same key). Whoever can
// rewrite the database but cannot read this file cannot produce entries or anchors that verify.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const AUDIT_KEY_FILE_NAME = 'audit.key';
const KEY_BYTES = 32;

export interface AuditKey {
  /** Names the key in entries and anchors without revealing it. */
  id: string;
  secret: Buffer;
  file: string;
}

export function auditKeyFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.SCHAKEL_AUDIT_KEY_FILE ? path.resolve(env.SCHAKEL_AUDIT_KEY_FILE) : path.join(dataDir, 'audit', AUDIT_KEY_FILE_NAME);
}

export function keyIdOf(secret: Buffer): string {
  return createHmac('sha256', secret).update('schakel-audit-key-id').digest('hex').slice(0, 16);
}

function parseKey(file: string, text: string): AuditKey {
  const secret = Buffer.from(text.trim(), 'base64');
  if (secret.length !== KEY_BYTES) throw new Error(`${file} is not a Schakel audit key (expected ${KEY_BYTES} bytes in base64).`);
  return { id: keyIdOf(secret), secret, file };
}

/** Reads the key file; throws when it is missing or damaged. */
export function readAuditKey(file: string): AuditKey {
  return parseKey(file, fs.readFileSync(file, 'utf8'));
}

/** Reads the key, creating it (0600, exclusively, so two processes never make two keys) when there is none. */
export function loadOrCreateAuditKey(file: string): AuditKey {
  try {
    return readAuditKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readAuditKey(file);
}

/** The keys a verifier holds, by id. */
export class AuditKeyring {
  private readonly keys = new Map<string, AuditKey>();

  constructor(keys: Iterable<AuditKey> = []) {
    for (const key of keys) this.add(key);
  }

  add(key: AuditKey): void {
    this.keys.set(key.id, key);
  }

  get(id: string): AuditKey | undefined {
    return this.keys.get(id);
  }

  get size(): number {
    return this.keys.size;
  }
}
