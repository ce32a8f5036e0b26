// The seals name what was tampered with, entry by entry; the chain and the anchors catch what a single
// entry cannot show (deletions, truncation, a tail rewritten without the key).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnchorWriter, anchorProblems, verifyAnchorFile } from './anchors';
import { chainEntries, EMPTY_HEAD, legacyHash, UnserialisableEntryError, canonical, verifyEntries, type AuditEntry, type AuditEntryBody } from './chain';
import { AuditKeyring, keyIdOf, loadOrCreateAuditKey, type AuditKey } from './keys';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-chain-'));
const key = (): AuditKey => {
  const secret = randomBytes(32);
  return { id: keyIdOf(secret), secret, file: '' };
};
const body = (i: number): AuditEntryBody => ({ at: `2024-01-0${i + 1}T10:00:00.000Z`, user: 'Analyst Claes', role: 'analyst', operation: 'search', category: 'consultation', entityIds: [`P-${i}`], outcome: 'ok', details: { query: `q${i}` } });
const bodies = (n: number) => Array.from({ length: n }, (_, i) => body(i));

function firstBreak(entries: AuditEntry[], keyring: AuditKeyring) {
  const verdict = verifyEntries(entries, true, keyring);
  return verdict.intact ? null : verdict.firstBroken;
}

function legacyChain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let head = EMPTY_HEAD;
  for (const b of bodies(n)) {
    const unhashed = { ...b, seq: head.seq + 1, prevHash: head.hash };
    const entry = { ...unhashed, hash: legacyHash(unhashed) };
    entries.push(entry);
    head = entry;
  }
  return entries;
}

describe('sealed audit chain', () => {
  const k = key();
  const keyring = new AuditKeyring([k]);

  it('verifies an intact chain and names a changed field', () => {
    const entries = chainEntries(bodies(5), EMPTY_HEAD, k);
    expect(verifyEntries(entries, true, keyring)).toMatchObject({ intact: true, count: 5 });
    entries[2] = { ...entries[2], user: 'Someone Else' };
    expect(firstBreak(entries, keyring)).toMatchObject({ seq: 3, reason: expect.stringContaining('field "user" was changed') });
  });

  it('names an added and a removed field', () => {
    const entries = chainEntries(bodies(3), EMPTY_HEAD, k);
    const added = [...entries];
    added[1] = { ...added[1], note: 'innocent' } as AuditEntry;
    expect(firstBreak(added, keyring)?.reason).toContain('field "note" was added');
    const removed = [...entries];
    const { details: _details, ...withoutDetails } = removed[1];
    removed[1] = withoutDetails as AuditEntry;
    expect(firstBreak(removed, keyring)?.reason).toContain('field "details" was removed');
  });

  it('finds a deleted middle entry', () => {
    const entries = chainEntries(bodies(5), EMPTY_HEAD, k);
    expect(firstBreak(entries.filter((e) => e.seq !== 3), keyring)).toMatchObject({ seq: 4, reason: 'entry 3 is missing (deleted?)' });
  });

  it('refuses a tail rewritten and re-hashed without the key, whichever scheme the forger uses', () => {
    const entries = chainEntries(bodies(5), EMPTY_HEAD, k);
    const forged = { ...k, secret: randomBytes(32) }; // claims the real key id, cannot know the secret
    const tail = chainEntries([{ ...body(2), user: 'Someone Else' }, body(3), body(4)], entries[1], forged);
    expect(firstBreak([...entries.slice(0, 2), ...tail], keyring)).toMatchObject({ seq: 3, reason: expect.stringContaining('none of its seals match') });

    let head = { seq: entries[1].seq, hash: entries[1].hash };
    const unkeyed = [body(2), body(3)].map((b) => {
      const unhashed = { ...b, seq: head.seq + 1, prevHash: head.hash };
      const entry = { ...unhashed, hash: legacyHash(unhashed) };
      head = entry;
      return entry;
    });
    expect(firstBreak([...entries.slice(0, 2), ...unkeyed], keyring)?.reason).toContain('not sealed with a key although the chain is keyed since entry 1');
  });

  it('keeps verifying entries of the first (unkeyed) scheme as the prefix of a keyed chain', () => {
    const old = legacyChain(3);
    const keyed = chainEntries(bodies(2), old[2], k);
    expect(verifyEntries([...old, ...keyed], true, keyring)).toMatchObject({ intact: true, count: 5 });
    const tampered = [...old];
    tampered[1] = { ...tampered[1], user: 'x' };
    expect(firstBreak([...tampered, ...keyed], keyring)).toMatchObject({ seq: 2, reason: expect.stringContaining('hash does not match its content') });
    expect(firstBreak([{ ...old[0], extra: 1 } as AuditEntry, ...old.slice(1)], keyring)?.reason).toContain('field "extra" is not part of the entry');
  });

  it('says which key is missing', () => {
    const entries = chainEntries(bodies(1), EMPTY_HEAD, k);
    expect(firstBreak(entries, new AuditKeyring())?.reason).toContain(`audit key ${k.id}, which is not available here`);
  });

  it('detects deleted newest entries and a rewritten tail through the anchors', () => {
    const dir = tempDir();
    const writer = new AnchorWriter(path.join(dir, 'anchors.jsonl'));
    const entries = chainEntries(bodies(6), EMPTY_HEAD, k);
    writer.append(entries[2], k, new Date('2024-01-03T12:00:00Z'));
    writer.append(entries[5], k, new Date('2024-01-06T12:00:00Z'));
    const { anchors, problems } = verifyAnchorFile(writer.file, keyring);
    expect(problems).toEqual([]);
    const hashAt = (list: AuditEntry[]) => (seq: number) => list.find((e) => e.seq === seq)?.hash;
    expect(anchorProblems(anchors, hashAt(entries), 6)).toEqual([]);
    // Truncation: the chain that is left is intact on its own.
    const truncated = entries.slice(0, 4);
    expect(verifyEntries(truncated, true, keyring).intact).toBe(true);
    expect(anchorProblems(anchors, hashAt(truncated), 4)).toEqual([expect.stringContaining('entries 5–6 or more were deleted from the end')]);
    // A tail rewritten from entry 3 (even by someone holding the key) no longer matches the anchors.
    const rewritten = [...entries.slice(0, 2), ...chainEntries([{ ...body(2), user: 'x' }, body(3), body(4), body(5)], entries[1], k)];
    expect(verifyEntries(rewritten, true, keyring).intact).toBe(true);
    expect(anchorProblems(anchors, hashAt(rewritten), 6)).toHaveLength(2);
  });

  it('detects a changed or dropped anchor', () => {
    const dir = tempDir();
    const writer = new AnchorWriter(path.join(dir, 'anchors.jsonl'));
    const entries = chainEntries(bodies(3), EMPTY_HEAD, k);
    for (const entry of entries) writer.append(entry, k, new Date());
    const lines = fs.readFileSync(writer.file, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(writer.file, [lines[0], lines[2]].join('\n') + '\n');
    expect(verifyAnchorFile(writer.file, keyring).problems).toEqual([expect.stringContaining('the anchor before it is missing')]);
    fs.writeFileSync(writer.file, [lines[0], lines[1].replace(/"seq":2/, '"seq":1'), lines[2]].join('\n') + '\n');
    expect(verifyAnchorFile(writer.file, keyring).problems[0]).toContain('its seal does not match');
  });

  it('refuses to serialise ill-formed Unicode, naming the field', () => {
    expect(() => canonical({ details: { query: 'Jansen\ud800' } })).toThrow(UnserialisableEntryError);
    expect(() => canonical({ details: { query: 'Jansen\ud800' } })).toThrow(/entry\.details\.query/);
    expect(canonical({ q: 'emoji 😀' })).toBe('{"q":"emoji 😀"}');
  });

  it('keeps exactly what it sealed: what has no JSON form is dropped or refused, never stored differently', () => {
    const withGaps = { ...body(0), justification: undefined, details: { query: 'Peeters', note: undefined, at: new Date('2024-05-01T08:00:00Z') } } as unknown as AuditEntryBody;
    const [entry] = chainEntries([withGaps], EMPTY_HEAD, k);
    expect('justification' in entry).toBe(false);
    expect(entry.details).toEqual({ query: 'Peeters', at: '2024-05-01T08:00:00.000Z' });
    // As the journal and the database keep it: written as JSON, read back.
    expect(verifyEntries([JSON.parse(JSON.stringify(entry)) as AuditEntry], true, keyring)).toMatchObject({ intact: true, count: 1 });
    expect(() => canonical({ details: { format: () => 'pdf' } })).toThrow(UnserialisableEntryError);
    expect(() => chainEntries([{ ...body(1), details: { format: () => 'pdf' } } as unknown as AuditEntryBody], EMPTY_HEAD, k)).toThrow(UnserialisableEntryError);
    expect(canonical({ query: 'undefined' })).toBe('{"query":"undefined"}');
  });

  it('creates the key once, readable by the owner only', () => {
    const file = path.join(tempDir(), 'nested', 'audit.key');
    const first = loadOrCreateAuditKey(file);
    expect(loadOrCreateAuditKey(file).id).toBe(first.id);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
