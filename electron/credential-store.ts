// Remembers database passwords for the desktop app, encrypted with the operating system's keychain through
// Electron's safeStorage (macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux). The whole map of
// URI → {user, password} is one encrypted blob, so the file reveals neither passwords nor which servers were
// used. When no real keychain is available we refuse to remember anything: never plain text on disk.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../contract/api';

/** The shape backend/workbench.ts expects (structurally identical; kept here so this file has no backend import). */
export interface CredentialStore {
  load(uri: string): Promise<{ user: string; password: string } | null>;
  save(uri: string, user: string, password: string): Promise<void>;
  forget(uri: string): Promise<void>;
}

/** The part of Electron's safeStorage we use; a parameter so tests can pass a fake. */
export interface StringEncryption {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageCredentialStoreOptions {
  /** Where the encrypted blob lives, e.g. <userData>/credentials.bin. */
  filePath: string;
  encryption: StringEncryption;
  platform?: NodeJS.Platform;
}

type CredentialMap = Record<string, { user: string; password: string }>;

const FILE_FORMAT = 'schakel-credentials-v1';

/**
 * Why the keychain cannot be used, or null when it can. On Linux without a keyring daemon safeStorage falls
 * back to 'basic_text', a fixed key that is obfuscation, not encryption: we treat that as unavailable.
 */
export function keychainProblem(encryption: StringEncryption, platform: NodeJS.Platform = process.platform): string | null {
  if (!encryption.isEncryptionAvailable()) return 'no-encryption';
  if (platform === 'linux' && encryption.getSelectedStorageBackend?.() === 'basic_text') return 'basic-text';
  return null;
}

export function createSafeStorageCredentialStore(options: SafeStorageCredentialStoreOptions): CredentialStore {
  const { filePath, encryption } = options;
  const platform = options.platform ?? process.platform;

  async function readAll(): Promise<CredentialMap> {
    let blob: Buffer;
    try {
      blob = await readFile(filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    if (keychainProblem(encryption, platform) !== null) return {};
    try {
      const parsed = JSON.parse(encryption.decryptString(blob)) as { format?: string; entries?: CredentialMap };
      return parsed.format === FILE_FORMAT && parsed.entries ? parsed.entries : {};
    } catch {
      // Encrypted under another OS account or keychain, or damaged: the user simply types the password again.
      console.warn('[schakel] remembered passwords could not be decrypted and are ignored:', filePath);
      return {};
    }
  }

  async function writeAll(entries: CredentialMap): Promise<void> {
    if (Object.keys(entries).length === 0) {
      await rm(filePath, { force: true });
      return;
    }
    const blob = encryption.encryptString(JSON.stringify({ format: FILE_FORMAT, entries }));
    await mkdir(path.dirname(filePath), { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half file that would lose every password.
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, blob, { mode: 0o600 });
    await rename(temporary, filePath);
  }

  return {
    async load(uri) {
      const entry = (await readAll())[uri];
      return entry ? { user: entry.user, password: entry.password } : null;
    },

    async save(uri, user, password) {
      const problem = keychainProblem(encryption, platform);
      if (problem !== null) {
        throw new ApiError({
          code: 'BAD_REQUEST',
          message: 'Schakel cannot remember this password: no secure keychain is available on this computer, and it never stores passwords as plain text.',
          hint:
            platform === 'linux'
              ? 'Untick "Remember password" and enter it each time, or start a keyring service (GNOME Keyring or KWallet) and restart Schakel.'
              : 'Untick "Remember password" and enter it each time.',
        });
      }
      const entries = await readAll();
      entries[uri] = { user, password };
      await writeAll(entries);
    },

    async forget(uri) {
      const entries = await readAll();
      if (!(uri in entries)) return;
      delete entries[uri];
      await writeAll(entries);
    },
  };
}
