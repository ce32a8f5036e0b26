// Parses the arguments of `npm run import`. Kept apart from the CLI so the rules are unit-tested. What the
// command line prints, its usage and its refusals included, is in the catalogue's `commandLine`, in the
// language of --language or the environment.
import { parseArgs } from 'node:util';
import { IMPORT_CATALOGUES, IMPORT_LANGUAGES, fillText, isImportLanguage, type ImportCatalogue, type ImportLanguage, type ReasonValue } from './rejections';

export type CommandLineKey = keyof ImportCatalogue['commandLine'];

/** A line of the import command line in the given language. */
export function commandLineText(key: CommandLineKey, values: Record<string, ReasonValue>, language: ImportLanguage): string {
  return fillText(IMPORT_CATALOGUES[language].commandLine[key], values, language);
}

export function importUsage(language: ImportLanguage): string {
  return commandLineText('usage', {}, language);
}

export interface ImportArgs {
  spec: string;
  file: string;
  dryRun: boolean;
  preview?: number;
  fromRow?: number;
  rejects?: string;
  /** The language of everything the command line prints and of the rejects file. */
  language: ImportLanguage;
  batchSize?: number;
  database?: string;
  dataDir?: string;
  /** Run entity resolution after a completed import (default), so the review queue shows new candidates. */
  resolve: boolean;
  help: boolean;
}

/** Arguments the command line cannot run with; words in the catalogue, said in the language asked for. */
export class UsageError extends Error {
  constructor(
    readonly key: CommandLineKey,
    readonly values: Record<string, ReasonValue> = {},
  ) {
    super(commandLineText(key, values, 'en'));
    this.name = 'UsageError';
  }

  describe(language: ImportLanguage): { message: string; hint: string } {
    return { message: commandLineText(this.key, this.values, language), hint: commandLineText('usageHint', {}, language) };
  }
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError('notAWholeNumber', { option, value });
  return Number(value);
}

/** Node's parseArgs refusal as ours: the option it names, in words of the catalogue. */
function argumentsRefusal(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1];
  if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('optionUnknown', { option });
  if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(/does not take an argument/.test(message ?? '') ? 'optionTakesNoValue' : 'optionNeedsValue', { option });
  }
  return new UsageError('argumentsUnreadable', { detail: String(message ?? error) });
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

/**
 * The language to answer in, also when the arguments cannot be read as a whole (a refusal, --help): a
 * --language the importer speaks, else the environment's.
 */
export function requestedLanguage(argv: string[], env: NodeJS.ProcessEnv = process.env): ImportLanguage {
  const at = argv.findIndex((arg) => arg === '--language' || arg.startsWith('--language='));
  const value = at < 0 ? undefined : argv[at].startsWith('--language=') ? argv[at].slice('--language='.length) : argv[at + 1];
  const language = value?.toLowerCase();
  return isImportLanguage(language) ? language : languageFromEnvironment(env);
}

function languageOption(value: string | undefined, env: NodeJS.ProcessEnv): ImportLanguage {
  if (value === undefined) return languageFromEnvironment(env);
  const language = value.toLowerCase();
  if (!isImportLanguage(language)) throw new UsageError('languageUnknown', { languages: IMPORT_LANGUAGES.join(', '), value });
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
    throw argumentsRefusal(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { spec: '', file: '', dryRun: false, language: requestedLanguage(argv, env), resolve: false, help: true };
  if (!values.spec) throw new UsageError('specOptionMissing');
  if (positionals.length === 0) throw new UsageError('fileMissing');
  if (positionals.length > 1) throw new UsageError('tooManyFiles', { count: positionals.length, files: positionals.join(', ') });
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
