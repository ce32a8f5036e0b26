import { describe, expect, it } from 'vitest';
import { parseImportArgs, UsageError } from './cli-args';

describe('parseImportArgs', () => {
  it('reads the spec, the file and the options', () => {
    expect(parseImportArgs(['--spec', 's.json', 'calls.csv', '--dry-run', '--from-row', '2001', '--batch-size', '500'])).toMatchObject({
      spec: 's.json',
      file: 'calls.csv',
      dryRun: true,
      fromRow: 2001,
      batchSize: 500,
    });
  });

  it('runs entity resolution afterwards unless --no-resolve is given', () => {
    expect(parseImportArgs(['--spec', 's.json', 'f.csv']).resolve).toBe(true);
    expect(parseImportArgs(['--spec', 's.json', 'f.csv', '--no-resolve']).resolve).toBe(false);
  });

  it('takes --preview with or without a number', () => {
    expect(parseImportArgs(['--spec', 's.json', '--preview', 'f.csv']).preview).toBe(10);
    expect(parseImportArgs(['--spec', 's.json', '--preview', '3', 'f.csv'])).toMatchObject({ preview: 3, file: 'f.csv' });
  });

  it('writes the rejects file in the language asked for, else the environment\'s, else English', () => {
    const args = ['--spec', 's.json', 'f.csv'];
    expect(parseImportArgs([...args, '--language', 'fr'], { LANG: 'nl_BE.UTF-8' }).language).toBe('fr');
    expect(parseImportArgs([...args, '--language', 'NL'], {}).language).toBe('nl');
    expect(parseImportArgs(args, { LANG: 'nl_BE.UTF-8' }).language).toBe('nl');
    expect(parseImportArgs(args, { LANG: 'nl_BE.UTF-8', LC_ALL: 'fr_BE.UTF-8' }).language).toBe('fr');
    expect(parseImportArgs(args, { LANG: 'fr_FR', LC_MESSAGES: 'nl_NL' }).language).toBe('nl');
    expect(parseImportArgs(args, { LANG: 'de_DE.UTF-8' }).language).toBe('en');
    expect(parseImportArgs(args, { LANG: 'C.UTF-8' }).language).toBe('en');
    expect(parseImportArgs(args, {}).language).toBe('en');
  });

  it.each([
    [['--spec', 's.json', 'a.csv', '--language', 'de'], /--language takes nl, fr, en, not "de"/],
    [['calls.csv'], /--spec/],
    [['--spec', 's.json'], /file to import/],
    [['--spec', 's.json', 'a.csv', 'b.csv'], /one file at a time/],
    [['--spec', 's.json', 'a.csv', '--from-row', 'abc'], /whole number/],
    [['--spec', 's.json', 'a.csv', '--colour'], /colour/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(UsageError);
    expect(() => parseImportArgs(argv)).toThrow(message);
  });
});
