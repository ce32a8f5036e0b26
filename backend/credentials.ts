// Where remembered database passwords live. The desktop app implements this over the OS keychain
// (Electron safeStorage); browser mode has no store, so passwords are never written in plain text.
export interface CredentialStore {
  load(uri: string): Promise<{ user: string; password: string } | null>;
  save(uri: string, user: string, password: string): Promise<void>;
  forget(uri: string): Promise<void>;
}
