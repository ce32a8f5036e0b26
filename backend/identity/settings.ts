// The analyst's settings file (`settings.json` in the data directory): who works on this machine and which
// grading scheme the team uses. Written atomically (temp file + rename) so a crash never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GRADING_SCHEME_NAMES } from '../../contract/annotations';

export const SETTINGS_FILE_NAME = 'settings.json';

const settingsSchema = z
  .object({
    analystName: z.string().trim().min(1).max(120).optional(),
    gradingScheme: z.enum(GRADING_SCHEME_NAMES as [string, ...string[]]).optional(),
  })
  .passthrough();

export type Settings = z.infer<typeof settingsSchema>;

export function settingsPath(dataDir: string): string {
  return path.join(dataDir, SETTINGS_FILE_NAME);
}

/** The settings, or {} when there is no file yet. A damaged file is reported and treated as empty. */
export function readSettings(dataDir: string, log: (message: string) => void = () => undefined): Settings {
  const file = settingsPath(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    log(`Could not read ${file} (${(error as Error).message}); using default settings.`);
    return {};
  }
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    log(`${file} has values Schakel does not understand; using default settings. Fix or delete the file.`);
  } catch {
    log(`${file} is not valid JSON; using default settings. Fix or delete the file.`);
  }
  return {};
}

export function writeSettings(dataDir: string, changes: Partial<Settings>): Settings {
  const next = { ...readSettings(dataDir), ...changes };
  fs.mkdirSync(dataDir, { recursive: true });
  const file = settingsPath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  return next;
}
