import { describe, expect, it } from 'vitest';
import type { ImportNode } from '../../graph-queries/import-writes';
import { ImportError } from '../errors';
import { describeRejection, rejection } from '../rejections';
import { parseImportSpec } from '../spec';
import type { SourceRow } from '../tabular-file';
import { createRowMapper, type MappedRow, type RowOutcome } from './index';

const nlCase = { id: 'CASE-NL-2024-0101', reference: 'ON-2024-0101', country: 'NL', agency: 'Politie ZWB' } as const;

/** `input` is the spec without name and case (a test may override the case); parseImportSpec checks it. */
function mapperFor(input: Record<string, unknown>, headers: string[], fileName = 'export.csv') {
  const spec = parseImportSpec({ name: 'test', case: nlCase, ...input });
  return createRowMapper(spec, headers, fileName);
}

const row = (number: number, cells: string[], problems: SourceRow['problems'] = []): SourceRow => ({ number, cells, problems });

function mapped(outcome: RowOutcome): MappedRow {
  if (!outcome.ok) throw new Error(`row rejected: ${describeRejection(outcome.reason)}`);
  return outcome.mapped;
}

/** The reason in English words. */
function rejected(outcome: RowOutcome): string {
  if (outcome.ok) throw new Error('row was not rejected');
  return describeRejection(outcome.reason);
}

const nodesOf = (out: MappedRow, type: string): ImportNode[] => out.nodes.filter((n) => n.type === type);

describe('person register rows', () => {
  const headers = ['Naam', 'Voornamen', 'Geboortedatum', 'BSN', 'Straat', 'Huisnummer', 'Postcode', 'Woonplaats', 'Telefoon'];
  const mapper = mapperFor(
    {
      kind: 'person-register',
      grading: { sourceReliability: 'A', informationReliability: '1', handling: 'H0' },
      columns: {
        person: { familyName: 'naam', givenName: 'VOORNAMEN', dateOfBirth: 'Geboortedatum', bsn: 'BSN' },
        address: { street: 'Straat', houseNumber: 'Huisnummer', postcode: 'Postcode', city: 'Woonplaats' },
        phone: 'Telefoon',
      },
    },
    headers,
  );

  it('makes a person with address and phone, all stamped with provenance', () => {
    const out = mapped(mapper.map(row(2, ['van der Berg', 'Jan', '12-03-1991', '123456782', 'Kerkstraat', '12', '1234ab', 'Breda', '06 / 1234 5678'])));
    const [person] = nodesOf(out, 'Person');
    const [source] = nodesOf(out, 'Source');
    expect(person.id).toMatch(/^P-NL-[0-9a-f]{16}$/);
    expect(person.props).toMatchObject({
      label: 'Jan van der Berg',
      familyName: 'van der Berg',
      givenName: 'Jan',
      dateOfBirth: { temporal: 'date', iso: '1991-03-12' },
      bsn: '123456782',
      identifierValid: true,
      caseId: nlCase.id,
      country: 'NL',
      agency: 'Politie ZWB',
      sourceId: source.id,
      sourceReliability: 'A',
      informationReliability: '1',
      handling: 'H0',
      dataset: 'import',
    });
    expect(source.props).toMatchObject({ kind: 'person-register', file: 'export.csv', row: 2, caseId: nlCase.id });
    expect(nodesOf(out, 'Location')[0].props).toMatchObject({ street: 'Kerkstraat 12', postcode: '1234 AB', city: 'Breda', kind: 'address' });
    expect(nodesOf(out, 'Phone')[0].props).toMatchObject({ number: '06 / 1234 5678', e164: '+31612345678' });
    expect(out.links.map((l) => l.type).sort()).toEqual(['LIVES_AT', 'PART_OF', 'RECORDED_IN', 'RECORDED_IN', 'RECORDED_IN', 'USES']);
    expect(out.links.find((l) => l.type === 'PART_OF')).toMatchObject({ from: source.id, to: nlCase.id });
  });

  it('flags a BSN that fails the 11-test instead of treating it as valid', () => {
    const out = mapped(mapper.map(row(3, ['Jansen', 'Piet', '', '123456789', '', '', '', '', ''])));
    expect(nodesOf(out, 'Person')[0].props).toMatchObject({ bsn: '123456789', identifierValid: false, identifierIssue: expect.stringMatching(/11-test/) });
  });

  it('gives the same ids to duplicate rows, except for their row sources', () => {
    const cells = ['Jansen', 'Piet', '01-01-1980', '', '', '', '', '', ''];
    const first = mapped(mapper.map(row(4, cells)));
    const again = mapped(mapper.map(row(9, cells)));
    expect(nodesOf(again, 'Person')[0].id).toBe(nodesOf(first, 'Person')[0].id);
    expect(nodesOf(again, 'Source')[0].id).not.toBe(nodesOf(first, 'Source')[0].id);
  });

  it('reads dates of birth in different formats in one column as the same date', () => {
    const dates = ['12-03-1991', '1991-03-12', '12.03.1991', '12 maart 1991', '12/03/1991 00:00', '1991-03-12 00:00:00', '1991-03-11T23:00:00Z'].map(
      (date, i) => nodesOf(mapped(mapper.map(row(i + 2, ['A', 'B', date, '', '', '', '', '', '']))), 'Person')[0].props.dateOfBirth,
    );
    expect(dates.every((d) => JSON.stringify(d) === JSON.stringify({ temporal: 'date', iso: '1991-03-12' }))).toBe(true);
  });

  it("reads a date of birth with a UTC offset in the specification's time zone", () => {
    const inZone = mapperFor(
      { kind: 'person-register', options: { timeZone: 'America/New_York' }, columns: { person: { familyName: 'Naam', dateOfBirth: 'Geboortedatum' } } },
      ['Naam', 'Geboortedatum'],
    );
    const [person] = nodesOf(mapped(inZone.map(row(2, ['Jansen', '1991-03-12T03:00:00Z']))), 'Person');
    expect(person.props.dateOfBirth).toEqual({ temporal: 'date', iso: '1991-03-11' });
  });

  it('links every number of a phone cell that holds a mobile and a landline, labels and all', () => {
    const out = mapped(mapper.map(row(3, ['Jansen', 'Jan', '', '', '', '', '', '', 'mobiel 06-12345678 / vast 010-1234567 (thuis)'])));
    const [person] = nodesOf(out, 'Person');
    const phones = nodesOf(out, 'Phone');
    expect(phones.map((phone) => [phone.props.e164, phone.props.number])).toEqual([
      ['+31612345678', '06-12345678'],
      ['+31101234567', '010-1234567'],
    ]);
    const uses = out.links.filter((link) => link.type === 'USES');
    expect(uses.map((link) => [link.from, link.to])).toEqual(phones.map((phone) => [person.id, phone.id]));
  });

  it.each([
    [['', 'Jan', '', '', '', '', '', '', ''], /no name/],
    [['Jansen', 'Jan', '31-02-1990', '', '', '', '', '', ''], /date of birth "31-02-1990" is not a date/],
    [['Jansen', 'Jan', '', '12345', '', '', '', '', ''], /BSN "12345" does not have 8 or 9 digits/],
    [['Jansen', 'Jan', '', '', '', '', '', '', 'bel me'], /"bel me" is not a phone number/],
    [['Jansen', 'Jan', '', '', '', '', '', '', '06-12345678 / bel me'], /"06-12345678 \/ bel me" is not a phone number/],
  ])('rejects %j with a reason', (cells, reason) => {
    expect(rejected(mapper.map(row(5, cells)))).toMatch(reason);
  });

  it('rejects a row whose mapped cell holds a formula without a result, naming the column', () => {
    const outcome = mapper.map(row(6, ['Jansen', 'Jan', '', '', '', '', '', '', ''], [{ column: 2, reason: rejection('FORMULA_WITHOUT_RESULT', { formula: 'A1' }) }]));
    expect(outcome).toEqual({ ok: false, reason: { code: 'FORMULA_WITHOUT_RESULT', values: { formula: 'A1', column: 'Geboortedatum' } } });
    expect(rejected(outcome)).toMatch(/^column "Geboortedatum": the formula =A1 has no saved result/);
  });

  it('stops before any row when the file lacks a mapped column', () => {
    expect(() => createRowMapper(parseImportSpec({ name: 't', case: nlCase, kind: 'person-register', columns: { person: { familyName: 'Achternaam' } } }), headers, 'brp.csv')).toThrow(
      ImportError,
    );
    expect(() => createRowMapper(parseImportSpec({ name: 't', case: nlCase, kind: 'person-register', columns: { person: { familyName: 'Achternaam' } } }), headers, 'brp.csv')).toThrow(
      /brp.csv has no column "Achternaam".*Columns in the file: "Naam"/,
    );
  });
});

describe('Belgian national numbers', () => {
  const mapper = mapperFor(
    { kind: 'person-register', case: { ...nlCase, id: 'CASE-BE-1', country: 'BE' }, columns: { person: { fullName: 'Naam', nationalNumber: 'RRN' } } },
    ['Naam', 'RRN'],
  );
  it('keys persons on a valid number and flags a broken check digit', () => {
    const valid = nodesOf(mapped(mapper.map(row(2, ['MOHAMMED EL AMRANI', '93.05.18-223.61']))), 'Person')[0];
    expect(valid.id).toMatch(/^P-BE-/);
    expect(valid.props).toMatchObject({ nationalNumber: '93051822361', identifierValid: true });
    const broken = nodesOf(mapped(mapper.map(row(3, ['MOHAMMED EL AMRANI', '93.05.18-223.62']))), 'Person')[0];
    expect(broken.props).toMatchObject({ identifierValid: false, identifierIssue: expect.stringMatching(/check digits/) });
  });
});

describe('call records', () => {
  const mapper = mapperFor({ kind: 'call-records', columns: { aNumber: 'A', bNumber: 'B', time: 'Tijd', duration: 'Duur' } }, ['A', 'B', 'Tijd', 'Duur']);

  it('reads phone numbers written with spaces, slashes and dashes as the same phone', () => {
    const written = ['06-12345678', '06 1234 5678', '06/12.34.56.78', '+31 (0)6 1234 5678', '0031612345678'];
    const ids = written.map((a, i) => mapped(mapper.map(row(i + 2, [a, '0612340000', '2024-03-01 14:05', '60']))).call!.from);
    expect(new Set(ids).size).toBe(1);
  });

  it('reads a number with a label as that number, and refuses two numbers where one call party belongs', () => {
    const labelled = mapped(mapper.map(row(2, ['GSM: 06-12345678 (privé)', '0612340000', '2024-03-01 14:05', '60'])));
    expect(nodesOf(labelled, 'Phone')[0].props).toMatchObject({ e164: '+31612345678', number: '06-12345678' });
    expect(rejected(mapper.map(row(3, ['06-12345678 / 0612340001', '0612340000', '2024-03-01 14:05', '60'])))).toMatch(/"06-12345678 \/ 0612340001" is not a phone number/);
  });

  it('shares one file-level source and reports the call for counting', () => {
    const out = mapped(mapper.map(row(7, ['06-12345678', '+32 475 12 34 56', '01/03/2024 14:05', '1:15'])));
    expect(nodesOf(out, 'Source')).toHaveLength(0);
    expect(out.call).toMatchObject({ row: 7, durationSeconds: 75, epochMs: Date.UTC(2024, 2, 1, 13, 5) });
    expect(nodesOf(out, 'Phone').map((p) => p.props.e164)).toEqual(['+31612345678', '+32475123456']);
    expect(mapper.factory.fileSource()!.nodes[0].id).toBe(out.call!.sourceId);
  });

  it.each([
    [['', '0612345678', '2024-03-01 14:05', ''], /no A-number/],
    [['0612345678', '0612345679', 'gisteren', ''], /call time "gisteren" is not a date/],
    [['0612345678', '0612345679', '2024-03-01', 'lang'], /duration "lang"/],
    [['0612345678', '0612345679', '0000-00-00 00:00:00', ''], /no call time \(column "Tijd" holds "0000-00-00 00:00:00", which stands for no date\)/],
  ])('rejects %j', (cells, reason) => {
    expect(rejected(mapper.map(row(2, cells)))).toMatch(reason);
  });
});

describe('dates that stand for no date', () => {
  const mapper = mapperFor(
    {
      kind: 'phone-subscribers',
      columns: { number: 'MSISDN', from: 'Ingangsdatum', until: 'Einddatum', subscriber: { fullName: 'Abonnee', dateOfBirth: 'Geb.datum' } },
    },
    ['MSISDN', 'Ingangsdatum', 'Einddatum', 'Abonnee', 'Geb.datum'],
  );
  const uses = (out: MappedRow) => out.links.find((l) => l.type === 'USES')!;

  it.each(['31-12-9999', '9999-12-31', '31/12/9999 23:59:59', '9999-12-31T00:00:00', '99991231', '00-00-0000', '0000-00-00 00:00:00'])(
    'leave an open-ended subscription open: until %s',
    (until) => {
      const out = mapped(mapper.map(row(2, ['0612345678', '01-01-2020', until, 'Jan de Vries', '12-03-1991'])));
      expect(uses(out).props.from).toBeDefined();
      expect(uses(out).props.until).toBeUndefined();
    },
  );

  it('leave a zeroed date of birth empty', () => {
    const out = mapped(mapper.map(row(2, ['0612345678', '0000-00-00', '', 'Jan de Vries', '00-00-0000'])));
    const [person] = nodesOf(out, 'Person');
    expect(person.props.dateOfBirth).toBeUndefined();
    expect(uses(out).props.from).toBeUndefined();
  });

  it('still reject a real date that does not exist', () => {
    expect(rejected(mapper.map(row(2, ['0612345678', '01-01-2020', '31-12-9998 25:00', 'Jan de Vries', ''])))).toMatch(/end date/);
    expect(rejected(mapper.map(row(2, ['0612345678', '01-01-2020', '', 'Jan de Vries', '31-02-1991'])))).toMatch(/date of birth/);
  });
});

describe('ANPR hits and gang lists', () => {
  it('makes vehicle, camera and a SIGHTED_AT per distinct hit', () => {
    const mapper = mapperFor(
      { kind: 'anpr', columns: { plate: 'Kenteken', camera: 'Camera', time: 'Tijd', lat: 'Lat' } },
      ['Kenteken', 'Camera', 'Tijd', 'Lat'],
    );
    const hit = mapped(mapper.map(row(2, ['12-abc-3', 'A16 Hazeldonk', '2024-03-01 02:10', '51,49'])));
    const same = mapped(mapper.map(row(3, ['12ABC3', 'a16  hazeldonk', '01-03-2024 02:10', '51,49'])));
    const later = mapped(mapper.map(row(4, ['12-ABC-3', 'A16 Hazeldonk', '2024-03-01 02:11', '51,49'])));
    const sighting = (out: MappedRow) => out.links.find((l) => l.type === 'SIGHTED_AT')!;
    expect(sighting(same).id).toBe(sighting(hit).id);
    expect(sighting(later).id).not.toBe(sighting(hit).id);
    expect(nodesOf(hit, 'Vehicle')[0].props).toMatchObject({ plateNormalized: '12ABC3', label: '12-ABC-3' });
    expect(nodesOf(hit, 'Location')[0].props).toMatchObject({ kind: 'anpr-camera', lat: 51.49 });
    expect(rejected(mapper.map(row(5, ['!!!', 'A16', '2024-03-01', ''])))).toMatch(/not a licence plate/);
  });

  it('links members to their gang with the spec default kind', () => {
    const mapper = mapperFor(
      { kind: 'gang-membership', gangKind: 'omcg', columns: { person: { fullName: 'Naam' }, gang: 'Club', chapter: 'Chapter', from: 'Sinds' } },
      ['Naam', 'Club', 'Chapter', 'Sinds'],
    );
    const out = mapped(mapper.map(row(2, ['Berg, J. van der', 'Satudarah', 'Maluku', '01-06-2019'])));
    const [person] = nodesOf(out, 'Person');
    const [gang] = nodesOf(out, 'Gang');
    expect(person.props).toMatchObject({ givenName: 'J.', familyName: 'van der Berg', fullName: 'Berg, J. van der' });
    expect(gang.props).toMatchObject({ name: 'Satudarah', chapter: 'Maluku', kind: 'omcg', label: 'Satudarah Maluku' });
    expect(out.links.find((l) => l.type === 'MEMBER_OF')).toMatchObject({
      from: person.id,
      to: gang.id,
      props: { from: { temporal: 'datetime', epochMs: Date.UTC(2019, 4, 31, 22) } },
    });
    // A year alone is no date: the row is rejected rather than guessed.
    expect(rejected(mapper.map(row(3, ['Jansen', 'Satudarah', '', '2019'])))).toMatch(/membership start "2019"/);
  });
});

describe("a register's own record id", () => {
  it('is stored on the row’s record and its source, and searchable', async () => {
    const { BatchBuilder, CommittedIds } = await import('../write-batch');
    const mapper = mapperFor(
      { kind: 'person-register', columns: { recordId: 'Dossiernr', person: { familyName: 'Naam', givenName: 'Voornaam' } } },
      ['Dossiernr', 'Naam', 'Voornaam'],
    );
    const out = mapped(mapper.map(row(2, ['BRP-2024-000917', 'Jansen', 'Piet'])));
    expect(nodesOf(out, 'Person')[0].props.registerId).toBe('BRP-2024-000917');
    expect(nodesOf(out, 'Source')[0].props.registerId).toBe('BRP-2024-000917');
    const batch = new BatchBuilder(new CommittedIds());
    batch.addRow(2, out);
    const person = batch.build().nodes.find((node) => node.type === 'Person')!;
    expect(String(person.props.searchText).split(' ')).toContain('BRP-2024-000917');
  });
});
