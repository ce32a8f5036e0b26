// The import command line speaks the analyst's language from its first line to its last: run as a user runs
// it (npm run import) on a file of more than a thousand call records against the test database, in Dutch by
// --language and in French by the environment, every line of the summary, the progress and the note on
// entity resolution is in that language, with that language's thousands separator and decimal comma.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testNeo4jUri } from '../setup/neo4j';
import { tempDir, uniqueCaseId } from './import-helpers';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** Calls in the file, one more row with no phone number after them: enough for a thousands separator. */
const CALLS = 1_203;

/** A provider's call records with one row that has no phone number, and a specification for them. */
function callRecordsFixture(): { file: string; spec: string; rejects: string } {
  const dir = tempDir('import-cli-language');
  const rows = ['A-nummer;B-nummer;Datum/tijd;Duur (s)'];
  for (let i = 0; i < CALLS; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push(`0612${String(i % 37).padStart(6, '0')};0687${String((i * 7) % 53).padStart(6, '0')};2024-03-${day} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')};${30 + (i % 300)}`);
  }
  rows.push('bel me;0687000001;2024-03-01 10:00;10');
  const file = path.join(dir, 'gesprekken.csv');
  fs.writeFileSync(file, `${rows.join('\n')}\n`);
  const spec = path.join(dir, 'spec.json');
  fs.writeFileSync(
    spec,
    JSON.stringify({
      name: 'verkeersgegevens',
      kind: 'call-records',
      case: { id: uniqueCaseId('NL'), reference: 'ON-1', country: 'NL', agency: 'Politie' },
      columns: { aNumber: 'A-nummer', bNumber: 'B-nummer', time: 'Datum/tijd', duration: 'Duur (s)' },
    }),
  );
  return { file, spec, rejects: path.join(dir, 'weigeringen.csv') };
}

/** The documented command, run as a user would, against the test database; no LANG unless given. */
async function npmRunImport(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const { LANG: _lang, LC_ALL: _all, LC_MESSAGES: _messages, ...inherited } = process.env;
  return run('npm', ['run', '--silent', 'import', '--', ...args], {
    cwd: root,
    env: { ...inherited, NEO4J_URI: testNeo4jUri(), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'neo4j', ...env },
    maxBuffer: 10 * 1024 * 1024,
  });
}

/** The value beside a label of the summary, which any run of spaces separates from it. */
function valueOf(summary: string, label: string): string | undefined {
  const line = summary.split('\n').find((candidate) => candidate.startsWith(`${label} `));
  return line?.slice(label.length).trimStart();
}

/** The English summary, progress and resolution lines' own words (the specification's kind, call-records, is no word). */
const ENGLISH_WORDS = /Import completed|Rows (read|imported|rejected)|Created:|Matched existing|Repeated in file|Rejects file|Time:|\d records|\d links|rows read|\d written|\d rejected|Entity resolution|Importing into/;

describe('npm run import in the analyst language', () => {
  it('prints the summary, the progress and the resolution note in Dutch with --language nl', { timeout: 180_000 }, async () => {
    const { file, spec, rejects } = callRecordsFixture();
    const { stdout, stderr } = await npmRunImport(['--spec', spec, file, '--rejects', rejects, '--language', 'nl', '--no-resolve']);

    expect(stdout.split('\n')[0]).toBe('Import voltooid.');
    expect(valueOf(stdout, 'Rijen gelezen:')).toBe('1.204');
    expect(valueOf(stdout, 'Rijen geïmporteerd:')).toBe('1.203');
    expect(valueOf(stdout, 'Rijen geweigerd:')).toBe('1');
    expect(valueOf(stdout, 'Aangemaakt:')).toMatch(/^\d{1,3}(\.\d{3})* gegevens, \d{1,3}(\.\d{3})* verbanden \(nieuw in de databank\)$/);
    expect(valueOf(stdout, 'Herhaald in bestand:')).toMatch(/^\d\.\d{3} gegevens, /);
    expect(valueOf(stdout, 'Weigeringenbestand:')).toBe(rejects);
    expect(valueOf(stdout, 'Tijd:')).toMatch(/^\d+,\d s$/);
    expect(stdout).toMatch(/^Er is niet naar overeenkomsten gezocht \(--no-resolve\)/m);
    // The values start in one column, whatever the length of the Dutch labels.
    const columns = stdout.split('\n').filter((line) => /^[^ ].*: {2,}\S/.test(line)).map((line) => /: +/.exec(line)!.index + /: +/.exec(line)![0].length);
    expect(new Set(columns).size).toBe(1);

    expect(stderr).toMatch(/^Importeren in bolt:\/\/\S+…$/m);
    expect(stderr).toMatch(/^100%  1\.204 rijen gelezen, 1\.203 geschreven, 1 geweigerd$/m);
    expect(`${stdout}\n${stderr}`).not.toMatch(ENGLISH_WORDS);
  });

  it('prints them in French when the environment is French, and runs entity resolution in French words', { timeout: 180_000 }, async () => {
    const { file, spec, rejects } = callRecordsFixture();
    const { stdout, stderr } = await npmRunImport(['--spec', spec, file, '--rejects', rejects], { LANG: 'fr_BE.UTF-8' });

    expect(stdout.split('\n')[0]).toBe('Import terminé.');
    expect(valueOf(stdout, 'Lignes lues :')).toBe('1\u202f204');
    expect(valueOf(stdout, 'Lignes importées :')).toBe('1\u202f203');
    expect(valueOf(stdout, 'Lignes rejetées :')).toBe('1');
    expect(valueOf(stdout, 'Créés :')).toMatch(/^\d{1,3}(\u202f\d{3})* enregistrements, \d{1,3}(\u202f\d{3})* liens \(nouveaux dans la base de données\)$/);
    expect(valueOf(stdout, 'Répétés dans le fichier :')).toMatch(/^\d\u202f\d{3} enregistrements, /);
    expect(valueOf(stdout, 'Durée :')).toMatch(/^\d+,\d s$/);
    expect(stdout).toMatch(/^Correspondances : {2}\d{1,3}(\u202f\d{3})* nouveaux candidats dans la file d'examen \(\d{1,3}(\u202f\d{3})* paires au-dessus du seuil\)$/m);

    expect(stderr).toMatch(/^Import dans bolt:\/\/\S+…$/m);
    expect(stderr).toMatch(/^100 % {2}1\u202f204 lignes lues, 1\u202f203 écrites, 1 rejetées$/m);
    expect(stderr).toMatch(/^Recherche de correspondances avec les données existantes…$/m);
    expect(`${stdout}\n${stderr}`).not.toMatch(ENGLISH_WORDS);
    // The rejects file follows the same language.
    expect(fs.readFileSync(rejects, 'utf8').split('\n')[0]).toMatch(/^\uFEFF?ligne[,;]motif[,;]/);
  });

  it('shows its usage and refuses arguments in the language of the environment', async () => {
    const help = await npmRunImport(['--help'], { LANG: 'nl_NL.UTF-8' });
    expect(help.stdout).toMatch(/^Gebruik: npm run import -- --spec SPEC\.json BESTAND \[opties\]/);
    const refused = await npmRunImport(['--spec', 'spec.json', 'a.csv', 'b.csv'], { LC_ALL: 'fr_BE.UTF-8' }).then(
      () => undefined,
      (error: { stderr: string; code: number }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toBe('Erreur : Importez un fichier à la fois (reçu : 2 : a.csv, b.csv).\nConseil : Lancez « npm run import -- --help » pour voir les options.\n');
  });
});
