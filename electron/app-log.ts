// The desktop app's log file for the helpdesk: `<data folder>/logs/schakel.log`, rotated at 5 MB with four
// older files kept (schakel.1.log … schakel.4.log). It must not hold personal data: Schakel's own lines name
// no persons or queries, and every line is scrubbed of the account's home folder and user name before it is
// written (paths then read "~/…", the account "<user>").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEPT_FILES = 4;

export function logFilePath(dataDir: string): string {
  return path.join(dataDir, 'logs', 'schakel.log');
}

/** Replaces the home folder and the account name, wherever they appear. */
export function scrubPersonalData(text: string, home = os.homedir(), user = safeUserName()): string {
  let scrubbed = home ? text.split(home).join('~') : text;
  if (user && user.length >= 3) scrubbed = scrubbed.replace(new RegExp(`\\b${user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), '<user>');
  return scrubbed;
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** Keeps schakel.1.log (newest) … schakel.N.log (oldest). */
export function rotate(file: string, kept = LOG_KEPT_FILES): void {
  const numbered = (n: number) => file.replace(/\.log$/, `.${n}.log`);
  fs.rmSync(numbered(kept), { force: true });
  for (let n = kept - 1; n >= 1; n--) if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1));
  fs.renameSync(file, numbered(1));
}

export interface AppLog {
  file: string;
  info(message: string): void;
  error(message: string): void;
}

/** Starts the log file and copies the main process's console output into it (scrubbed). */
export function startAppLog(dataDir: string): AppLog {
  const file = logFilePath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (oldFile) => rotate(oldFile.path);
  log.transports.console.level = false; // the terminal keeps getting the console's own output
  log.hooks.push((message) => ({ ...message, data: message.data.map((part: unknown) => (part instanceof Error ? part.message : typeof part === 'string' ? part : String(part))).map((part: string) => scrubPersonalData(part)) }));
  const original = { log: console.log.bind(console), error: console.error.bind(console) };
  console.log = (...parts: unknown[]) => {
    original.log(...parts);
    log.info(...parts);
  };
  console.error = (...parts: unknown[]) => {
    original.error(...parts);
    log.error(...parts);
  };
  return { file, info: (message) => console.log(message), error: (message) => console.error(message) };
}
