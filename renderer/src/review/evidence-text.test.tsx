// Match evidence as an analyst reads it in Dutch, French and English: from the message code and its values,
// with the locale's decimal comma, dates in its order and the comparison in words; the English detail for
// evidence stored before codes existed, or with a code or values this version cannot word. (That every code
// the comparators produce has these sentences is test/unit/match-evidence-catalogue.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { i18n } from '../i18n';
import { EvidenceList } from './EvidenceList';
import { evidenceLine, evidenceSentence } from './evidence-text';
import { parseMatchEvidence } from './collapse';
import type { MatchEvidence } from '../../../shared-values/match-evidence';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** Evidence as the comparators store it since codes exist. */
const coded = (field: string, comparison: string, weight: number, detail: string, code: string, values: Record<string, string | number>): MatchEvidence => ({ field, comparison, weight, detail, code, values });
/** A day/month mix-up between a Belgian (left: the lower id) and a Dutch record. */
const swappedDate = coded('dateOfBirth', 'day-month-swapped', 2.5, '1991-12-03 vs 1991-03-12: day and month swapped', 'dateOfBirth.dayMonthSwapped', { left: '1991-12-03', right: '1991-03-12' });
const givenNameVariant = coded('givenName', 'variant', 2.5, 'Mohammed vs Mohamed (given names same name, another spelling)', 'givenName.variant', { left: 'Mohammed', right: 'Mohamed' });
const belgianPlate = coded('plate', 'exact', 5.5, 'plate 1ABC123 on both records (a Belgian plate can move to another car)', 'plate.sameOther', { plate: '1ABC123' });
const seenTogether = coded('sightings', 'together', 2.5, 'seen by nearby cameras 65 min apart (2024-03-05T14:07:00Z, 2024-03-05T15:12:00Z)', 'sightings.together', {
  minutes: 65,
  leftAt: '2024-03-05T14:07:00Z',
  rightAt: '2024-03-05T15:12:00Z',
});
/** Evidence stored before codes existed: only the English detail. */
const storedBeforeCodes: MatchEvidence = { field: 'dateOfBirth', comparison: 'exact', weight: 4.5, detail: '1991-03-12 on both records' };

describe('evidence in the interface language', () => {
  it('words evidence in Dutch: decimal comma, dates in Belgian order, the comparison and the field translated', async () => {
    await i18n.changeLanguage('nl-BE');
    expect(evidenceLine(swappedDate)).toEqual({
      weight: '+2,5',
      field: 'Geboortedatum',
      comparison: 'dag en maand verwisseld',
      sentence: '03/12/1991 tegenover 12/03/1991: dag en maand verwisseld',
      supports: true,
    });
    expect(evidenceLine({ ...swappedDate, weight: -0.5 }).weight).toBe('-0,5');
    await i18n.changeLanguage('nl-NL');
    expect(evidenceSentence(swappedDate)).toBe('03-12-1991 tegenover 12-03-1991: dag en maand verwisseld');
  });

  it('says nummerplaat in Belgium and kenteken in the Netherlands', async () => {
    await i18n.changeLanguage('nl-BE');
    expect(evidenceSentence(belgianPlate)).toBe('nummerplaat 1ABC123 in beide records (een Belgische nummerplaat kan naar een andere wagen gaan)');
    await i18n.changeLanguage('nl-NL');
    expect(evidenceSentence(belgianPlate)).toMatch(/^kenteken 1ABC123 in beide records/);
  });

  it('formats counts and times in the values for the locale, in Belgian time', async () => {
    await i18n.changeLanguage('fr-BE');
    expect(evidenceSentence(seenTogether)).toBe('vu par des caméras proches à 65 min d’intervalle (05/03/2024 15:07, 05/03/2024 16:12)');
    expect(evidenceLine(seenTogether).comparison).toBe('vus ensemble');
  });

  it('shows the English detail of evidence stored without a code, or with a code or values it cannot word', async () => {
    await i18n.changeLanguage('nl-BE');
    expect(evidenceSentence(storedBeforeCodes)).toBe('1991-03-12 on both records');
    expect(evidenceLine(storedBeforeCodes)).toMatchObject({ weight: '+4,5', comparison: 'gelijk' });
    expect(evidenceSentence({ ...storedBeforeCodes, code: 'dateOfBirth.fromANewerVersion', values: { date: '1991-03-12' } })).toBe('1991-03-12 on both records');
    expect(evidenceSentence({ ...storedBeforeCodes, code: 'dateOfBirth.same', values: { day: '1991-03-12' } })).toBe('1991-03-12 on both records');
    expect(evidenceSentence({ ...seenTogether, values: { ...seenTogether.values, minutes: '65' } })).toBe(seenTogether.detail);
    expect(evidenceSentence({ ...storedBeforeCodes, code: 'dateOfBirth.same', values: { date: '1991-03-12' } })).toBe('12/03/1991 in beide records');
  });

  it('keeps a date that is no date as written rather than rolling it over to another day', async () => {
    await i18n.changeLanguage('nl-BE');
    expect(evidenceSentence({ ...swappedDate, code: 'dateOfBirth.oneDigit', values: { left: '1991-02-30', right: '1991-02-20' } })).toBe('1991-02-30 tegenover 20/02/1991: één cijfer verschilt');
  });

  it('renders the evidence of a review card and of a SAME_AS link (stored as JSON, old and new items) in Dutch', async () => {
    await i18n.changeLanguage('nl-BE');
    const stored = parseMatchEvidence(JSON.stringify([givenNameVariant, swappedDate, storedBeforeCodes]));
    const html = renderToStaticMarkup(<EvidenceList evidence={stored} label="Bewijs" />);
    expect(html).toContain('<span class="evidence-weight">+2,5</span> Geboortedatum <span class="evidence-comparison">(dag en maand verwisseld)</span>: 03/12/1991 tegenover 12/03/1991');
    expect(html).toContain('Voornaam <span class="evidence-comparison">(variant)</span>: Mohammed tegenover Mohamed (dezelfde voornaam, anders gespeld)');
    expect(html).toContain('<span class="evidence-weight">+4,5</span> Geboortedatum <span class="evidence-comparison">(gelijk)</span>: 1991-03-12 on both records');
    expect(html).not.toMatch(/\d\.\d/);
  });
});
