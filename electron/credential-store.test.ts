import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageCredentialStore, keychainProblem, type StringEncryption } from './credential-store';

/** Stands in for Electron's safeStorage: a reversible transformation that leaves no plain text behind. */
function fakeKeychain(options: { available?: boolean; backend?: string } = {}): StringEncryption {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.concat([Buffer.from('ENC1'), flip(Buffer.from(text, 'utf8'))]),
    decryptString: (blob) => {
      if (blob.subarray(0, 4).toString() !== 'ENC1') throw new Error('not encrypted by this keychain');
      return flip(blob.subarray(4)).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

describe('safeStorage credential store', () => {
  let dir: string;
  let filePath: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'schakel-credentials-'));
    filePath = path.join(dir, 'desktop', 'credentials.bin');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('remembers, returns and forgets a password per database URI', async () => {
    const store = createSafeStorageCredentialStore({ filePath, encryption: fakeKeychain(), platform: 'linux' });
    expect(await store.load('neo4j://cluster.politie.local')).toBeNull();

    await store.save('neo4j://cluster.politie.local', 'analist', 'geheim-wachtwoord');
    await store.save('bolt://10.0.0.5:7687', 'neo4j', 'other-secret');
    expect(await store.load('neo4j://cluster.politie.local')).toEqual({ user: 'analist', password: 'geheim-wachtwoord' });

    // A second store over the same file (the next app start) sees the same passwords.
    const reopened = createSafeStorageCredentialStore({ filePath, encryption: fakeKeychain(), platform: 'linux' });
    expect(await reopened.load('bolt://10.0.0.5:7687')).toEqual({ user: 'neo4j', password: 'other-secret' });

    await reopened.forget('neo4j://cluster.politie.local');
    expect(await reopened.load('neo4j://cluster.politie.local')).toBeNull();
    expect(await reopened.load('bolt://10.0.0.5:7687')).not.toBeNull();
  });

  it('writes neither the password nor the server address in plain text, readable only by the user', async () => {
    const store = createSafeStorageCredentialStore({ filePath, encryption: fakeKeychain(), platform: 'linux' });
    await store.save('neo4j://cluster.politie.local', 'analist', 'geheim-wachtwoord');
    const raw = await readFile(filePath);
    expect(raw.includes('geheim-wachtwoord')).toBe(false);
    expect(raw.includes('cluster.politie.local')).toBe(false);
    if (process.platform !== 'win32') expect((await stat(filePath)).mode & 0o077).toBe(0);
  });

  it('removes the file when the last password is forgotten', async () => {
    const store = createSafeStorageCredentialStore({ filePath, encryption: fakeKeychain(), platform: 'linux' });
    await store.save('bolt://a', 'u', 'p');
    await store.forget('bolt://a');
    await expect(stat(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to save without a keychain, with a message saying what to do', async () => {
    const store = createSafeStorageCredentialStore({ filePath, encryption: fakeKeychain({ available: false }), platform: 'win32' });
    await expect(store.save('bolt://a', 'u', 'p')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('never stores passwords as plain text'),
      hint: expect.stringContaining('Remember password'),
    });
    await expect(stat(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("treats Linux's basic_text fallback (a fixed key) as no keychain", async () => {
    const encryption = fakeKeychain({ backend: 'basic_text' });
    expect(keychainProblem(encryption, 'linux')).toBe('basic-text');
    expect(keychainProblem(encryption, 'darwin')).toBeNull();
    const store = createSafeStorageCredentialStore({ filePath, encryption, platform: 'linux' });
    await expect(store.save('bolt://a', 'u', 'p')).rejects.toMatchObject({ hint: expect.stringContaining('GNOME Keyring') });
  });

  it('ignores a file it cannot decrypt (other account or damaged) instead of failing', async () => {
    const store = createSafeStorageCredentialStore({ filePath, encryption: fakeKeychain(), platform: 'linux' });
    await store.save('bolt://a', 'u', 'p');
    const otherKeychain: StringEncryption = { ...fakeKeychain(), decryptString: () => { throw new Error('wrong key'); } };
    const elsewhere = createSafeStorageCredentialStore({ filePath, encryption: otherKeychain, platform: 'linux' });
    expect(await elsewhere.load('bolt://a')).toBeNull();
  });
});
