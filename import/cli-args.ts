// Parses the arguments of `npm run import`. Kept apart from the CLI so the rules are unit-tested.
import { parseArgs } from 'node:util';
import { IMPORT_LANGUAGES, isImportLanguage, type ImportLanguage } from './rejections';

export const IMPORT_USAGE = `Usage: npm run import -- --spec SPEC.json FILE [options]

  --spec FILE        the import specification (JSON; examples in docs/import-specs/)
  FILE               the CSV or XLSX file to import
  --dry-run          read and check the file, write the rejects file, write nothing to Neo4j
  --preview [N]      show what was detected and the first N rows (default 10), then stop
  --from-row N       resume an interrupted import: rows before N are checked but not written again
  --rejects FILE     where rejected rows go (default: FILE.rejects.csv beside the input)
  --language LANG    nl, fr or en: the language of the rejects file's header and reasons, and of
                     the importer's errors and warnings (default: the language of LC_ALL,
                     LC_MESSAGES or LANG when it is one of these, else en)
  --batch-size N     rows per transaction (default: the specification's, else 2000)
  --no-resolve       skip entity resolution after the import (it puts new match candidates in the
                     review queue; run it later with "Find matches" in Review matches)
  --database NAME    Neo4j database (default: the server's default)
  --data-dir DIR     the managed local Neo4j's data directory (default: SCHAKEL_DATA_DIR)

Connects to NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD when set, otherwise to the managed local Neo4j
(started if it is not running). Importing the same file again creates nothing new.`;

export interface ImportArgs {
  spec: string;
  file: string;
  dryRun: boolean;
  preview?: number;
  fromRow?: number;
  rejects?: string;
  /** The language of the rejects file's header and reasons, and of the importer's errors and warnings. */
  language: ImportLanguage;
  batchSize?: number;
  database?: string;
  dataDir?: string;
  /** Run entity resolution after a completed import (default), so the review queue shows new candidates. */
  resolve: boolean;
  help: boolean;
}

export class UsageError extends Error {
  readonly hint = 'Run "npm run import -- --help" for the options.';
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${option} needs a whole number of 1 or more, not "${value}".`);
  return Number(value);
}

/**
 * The language the environment asks for, as POSIX ranks the variables (LC_ALL over LC_MESSAGES over LANG):
 * "nl_BE.UTF-8" is Dutch, "fr_FR" French; anything else (C, POSIX, de_DE) is English.
 */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): ImportLanguage {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const base = setting?.split(/[_.@-]/)[0].toLowerCase();
  return isImportLanguage(base) ? base : 'en';
}

function languageOption(value: string | undefined, env: NodeJS.ProcessEnv): ImportLanguage {
  if (value === undefined) return languageFromEnvironment(env);
  const language = value.toLowerCase();
  if (!isImportLanguage(language)) throw new UsageError(`--language takes ${IMPORT_LANGUAGES.join(', ')}, not "${value}".`);
  return language;
}

export function parseImportArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ImportArgs {
  // "--preview" may stand alone or take a number; make the bare form explicit for parseArgs.
  const normalized = argv.flatMap((arg, i) => (arg === '--preview' && !/^\d+$/.test(argv[i + 1] ?? '') ? ['--preview', '10'] : [arg]));
  let parsed;
  try {
    parsed = parseArgs({
      args: normalized,
      allowPositionals: true,
      options: {
        spec: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        preview: { type: 'string' },
        'from-row': { type: 'string' },
        rejects: { type: 'string' },
        language: { type: 'string' },
        'batch-size': { type: 'string' },
        database: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-resolve': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { spec: '', file: '', dryRun: false, language: 'en', resolve: false, help: true };
  if (!values.spec) throw new UsageError('Give the import specification with --spec SPEC.json.');
  if (positionals.length === 0) throw new UsageError('Give the file to import, e.g. npm run import -- --spec calls.json calls.csv');
  if (positionals.length > 1) throw new UsageError(`Import one file at a time (got ${positionals.length}: ${positionals.join(', ')}).`);
  return {
    spec: values.spec,
    file: positionals[0],
    dryRun: values['dry-run'] === true,
    preview: positiveInteger(values.preview, '--preview'),
    fromRow: positiveInteger(values['from-row'], '--from-row'),
    rejects: values.rejects,
    language: languageOption(values.language, env),
    batchSize: positiveInteger(values['batch-size'], '--batch-size'),
    database: values.database,
    dataDir: values['data-dir'],
    resolve: values['no-resolve'] !== true,
    help: false,
  };
}
