import { describe, expect, it } from 'vitest';
import { importUsage, parseImportArgs, requestedLanguage, UsageError } from './cli-args';

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

  it('refuses in the language asked for, even when the arguments cannot be read as a whole', () => {
    const argv = ['--spec', 's.json', 'a.csv', '--from-row', 'abc', '--language', 'fr'];
    expect(requestedLanguage(argv, { LANG: 'nl_BE.UTF-8' })).toBe('fr');
    expect(requestedLanguage(['--language=NL', '--colour'], {})).toBe('nl');
    expect(requestedLanguage(['--language', 'de'], { LANG: 'fr_BE.UTF-8' })).toBe('fr');
    expect(requestedLanguage([], {})).toBe('en');
    let refusal: unknown;
    try {
      parseImportArgs(argv);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UsageError);
    expect((refusal as UsageError).describe('fr')).toEqual({
      message: '--from-row attend un nombre entier de 1 ou plus, pas « abc ».',
      hint: 'Lancez « npm run import -- --help » pour voir les options.',
    });
    expect((refusal as UsageError).describe('nl').message).toBe('--from-row verwacht een geheel getal van 1 of meer, niet "abc".');
  });

  it('shows its usage in the language of --language or the environment', () => {
    expect(parseImportArgs(['--help', '--language', 'fr'], { LANG: 'nl_BE.UTF-8' })).toMatchObject({ help: true, language: 'fr' });
    expect(parseImportArgs(['--help'], { LANG: 'nl_BE.UTF-8' })).toMatchObject({ help: true, language: 'nl' });
    expect(importUsage('nl')).toMatch(/^Gebruik: npm run import -- --spec SPEC\.json BESTAND \[opties\]/);
    // Every option is explained in every language.
    const options = (text: string) => [...text.matchAll(/^ {2}(--[\w-]+)/gm)].map((match) => match[1]);
    expect(options(importUsage('nl'))).toEqual(options(importUsage('en')));
    expect(options(importUsage('fr'))).toEqual(options(importUsage('en')));
  });
});
