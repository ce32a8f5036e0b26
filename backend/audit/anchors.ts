// Anchors: the chain's head (seq and hash) as this workstation saw it after a write, appended now and then
// to <data folder>/audit/audit-anchors.jsonl (append-only, fsync'd, outside Neo4j) and sealed with the
// audit key. Each anchor also carries the seal of the anchor before it, so lines cannot be dropped from the
// middle of the file unnoticed. The chain alone cannot show that its newest entries were deleted, or that
// it was rewritten from some entry on; an anchor can: the anchored entry must still be there, unchanged.
// The file is what the data protection officer takes away (`npm run audit:verify -- --export-anchors`).
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonical, GENESIS_HASH, type ChainHead } from './chain';
import { auditDir } from './journal';
import type { AuditKey, AuditKeyring } from './keys';

export const ANCHOR_FILE_NAME = 'audit-anchors.jsonl';

export interface Anchor {
  /** When the head was seen. */
  at: string;
  seq: number;
  hash: string;
  keyId: string;
  /** The seal of the anchor before it in the same file (genesis for the first). */
  prev: string;
  seal: string;
}

export function anchorFile(dataDir: string): string {
  return path.join(auditDir(dataDir), ANCHOR_FILE_NAME);
}

function sealOf(key: AuditKey, anchor: Omit<Anchor, 'seal'>): string {
  return createHmac('sha256', key.secret).update(canonical(anchor), 'utf8').digest('hex');
}

export class AnchorWriter {
  private lastSeal: string | null = null;

  constructor(readonly file: string) {}

  append(head: ChainHead, key: AuditKey, now: Date): Anchor {
    if (this.lastSeal === null) {
      const existing = readAnchorFile(this.file).anchors;
      this.lastSeal = existing.length ? existing[existing.length - 1].seal : GENESIS_HASH;
    }
    const unsealed = { at: now.toISOString(), seq: head.seq, hash: head.hash, keyId: key.id, prev: this.lastSeal };
    const anchor: Anchor = { ...unsealed, seal: sealOf(key, unsealed) };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, `${JSON.stringify(anchor)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.lastSeal = anchor.seal;
    return anchor;
  }
}

export interface AnchorFileContent {
  anchors: Anchor[];
  /** What is wrong with the file itself, line by line. */
  problems: string[];
}

export function readAnchorFile(file: string): AnchorFileContent {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { anchors: [], problems: [] };
    throw error;
  }
  const anchors: Anchor[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    try {
      anchors.push(JSON.parse(raw) as Anchor);
    } catch {
      problems.push(`${file} line ${index + 1}: not valid JSON`);
    }
  });
  return { anchors, problems };
}

/** Checks each anchor's seal and its link to the one before; returns the anchors that can be trusted. */
export function verifyAnchorFile(file: string, keyring: AuditKeyring): AnchorFileContent {
  const { anchors, problems } = readAnchorFile(file);
  const trusted: Anchor[] = [];
  let prev = GENESIS_HASH;
  anchors.forEach((anchor, index) => {
    const where = `${file} anchor ${index + 1} (seq ${anchor.seq}, ${anchor.at})`;
    const key = keyring.get(anchor.keyId);
    const { seal, ...unsealed } = anchor;
    if (!key) problems.push(`${where}: sealed with audit key ${anchor.keyId}, which is not available here`);
    else if (sealOf(key, unsealed) !== seal) problems.push(`${where}: its seal does not match (the anchor was changed)`);
    else {
      if (anchor.prev !== prev) problems.push(`${where}: the anchor before it is missing or was changed`);
      trusted.push(anchor);
    }
    prev = seal;
  });
  return { anchors: trusted, problems };
}

/**
 * Compares the chain with the anchors: every anchored entry must still exist with the anchored hash.
 * `hashAt` gives the stored hash for a seq (undefined when there is no such entry); `newestSeq` the end.
 */
export function anchorProblems(anchors: Anchor[], hashAt: (seq: number) => string | undefined, newestSeq: number): string[] {
  const problems: string[] = [];
  for (const anchor of anchors) {
    if (anchor.seq === 0) continue;
    if (anchor.seq > newestSeq) {
      problems.push(`the log ends at entry ${newestSeq} but an anchor of ${anchor.at} saw entry ${anchor.seq}: entries ${newestSeq + 1}–${anchor.seq} or more were deleted from the end`);
      continue;
    }
    const stored = hashAt(anchor.seq);
    if (stored === undefined) problems.push(`entry ${anchor.seq}, anchored on ${anchor.at}, is missing`);
    else if (stored !== anchor.hash) problems.push(`entry ${anchor.seq} is not the entry anchored on ${anchor.at} (its hash differs: the chain was rewritten from there or before)`);
  }
  return problems;
}
