// Picks test subjects from the seeded demo data by reading the database, so the tests follow the data
// instead of hard-coding names the generator may change.
import type { Driver } from 'neo4j-driver';

export interface PersonFixture {
  id: string;
  label: string;
  givenName: string;
  familyName: string;
  sourceFile: string;
  neighbours: number;
  /** Neighbours that are entities, not the Source and Case records (what analysis measures by default). */
  investigativeNeighbours: number;
  links: number;
}

/** A person whose label is unique, with a long family name (room for a typo), a source file and neighbours. */
export async function findPersonToInvestigate(driver: Driver): Promise<PersonFixture> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Person)
     WHERE p.dataset = 'demo' AND size(p.familyName) >= 7 AND p.familyName =~ '[A-Za-z]+' AND p.givenName =~ '[A-Za-z]+'
     WITH p.label AS label, collect(p) AS people WHERE size(people) = 1
     WITH people[0] AS p
     MATCH (p)-[:RECORDED_IN]->(s:Source) WHERE s.file IS NOT NULL
     WITH p, s LIMIT 200
     CALL (p) {
       MATCH (p)-[r]-(m) WHERE m <> p AND m.id IS NOT NULL
       RETURN count(DISTINCT m) AS neighbours, count(DISTINCT CASE WHEN NOT m:Source AND NOT m:Case THEN m END) AS investigativeNeighbours,
              count(DISTINCT r) AS links
     }
     WITH p, s, neighbours, investigativeNeighbours, links WHERE neighbours >= 3 AND neighbours <= 40
     RETURN p.id AS id, p.label AS label, p.givenName AS givenName, p.familyName AS familyName,
            s.file AS sourceFile, neighbours, investigativeNeighbours, links
     ORDER BY p.id LIMIT 1`,
  );
  const record = records[0];
  if (!record) throw new Error('The seeded demo data has no person suitable for the e2e flow.');
  return {
    id: record.get('id'),
    label: record.get('label'),
    givenName: record.get('givenName'),
    familyName: record.get('familyName'),
    sourceFile: record.get('sourceFile'),
    neighbours: Number(record.get('neighbours')),
    investigativeNeighbours: Number(record.get('investigativeNeighbours')),
    links: Number(record.get('links')),
  };
}

/** One typo an analyst might make: a vowel in the middle of the word replaced by another vowel. */
export function misspell(word: string): string {
  const vowels = 'aeiou';
  for (let i = Math.floor(word.length / 2); i < word.length - 1; i++) {
    const at = vowels.indexOf(word[i].toLowerCase());
    if (at >= 0) return word.slice(0, i) + vowels[(at + 1) % vowels.length] + word.slice(i + 1);
  }
  // No vowel in the second half: double a consonant instead.
  const i = Math.floor(word.length / 2);
  return word.slice(0, i) + word[i] + word.slice(i);
}

export interface PhoneFixture {
  id: string;
  label: string;
  stored: string;
  e164: string;
  /** The same number written the way a colleague from the other side of the border might type it. */
  typed: string;
}

/** A mobile phone whose stored form differs from the national format we will type. */
export async function findPhoneToLookUp(driver: Driver): Promise<PhoneFixture> {
  const { records } = await driver.executeQuery(
    `MATCH (ph:Phone)
     WHERE ph.dataset = 'demo' AND (ph.e164 STARTS WITH '+316' OR ph.e164 STARTS WITH '+324') AND size(ph.e164) = 12
     RETURN ph.id AS id, ph.label AS label, ph.number AS stored, ph.e164 AS e164
     ORDER BY ph.id LIMIT 50`,
  );
  for (const record of records) {
    const e164: string = record.get('e164');
    const typed = nationalFormat(e164);
    const stored: string = record.get('stored') ?? '';
    if (digitsOf(stored) !== digitsOf(typed)) {
      return { id: record.get('id'), label: record.get('label'), stored, e164, typed };
    }
  }
  throw new Error('The seeded demo data has no mobile phone stored in a format other than the national one.');
}

/** +31612345678 → "06-12345678"; +32475123456 → "0475/12.34.56". */
export function nationalFormat(e164: string): string {
  if (e164.startsWith('+31')) return `0${e164.slice(3, 4)}-${e164.slice(4)}`;
  const rest = e164.slice(3); // 475123456
  return `0${rest.slice(0, 3)}/${rest.slice(3, 5)}.${rest.slice(5, 7)}.${rest.slice(7)}`;
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
