import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { formatDate, formatDateTime, formatDuration, formatNumber, formatPropertyValue, formatValue, gradingCode, propertyName, subtitleOf } from './format';

afterEach(() => i18n.changeLanguage('en'));

describe('format', () => {
  it('turns property keys into words, from the catalogue where it names them', async () => {
    expect(propertyName('dateOfBirth')).toBe('Date of birth');
    expect(propertyName('plateNormalized')).toBe('Plate normalized');
    expect(propertyName('someNewField')).toBe('Some new field');
    await i18n.changeLanguage('nl-BE');
    expect(propertyName('plate')).toBe('Nummerplaat');
    await i18n.changeLanguage('nl-NL');
    expect(propertyName('plate')).toBe('Kenteken');
    await i18n.changeLanguage('fr-BE');
    expect(propertyName('nationalNumber')).toBe('Numéro de registre national');
  });
  it('formats values for reading', () => {
    expect(formatValue(['Jan', 'Johnny'])).toBe('Jan, Johnny');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('1990-01-02')).toBe('02/01/1990');
  });
  it('writes dates and times in the locale order, 24-hour, in Belgian time whatever the machine zone', () => {
    // 14:07 UTC in March is 15:07 in Brussels (CET); in July 16:07 (CEST).
    expect(formatDateTime('2024-03-05T14:07:00Z', 'en-GB')).toBe('05/03/2024 15:07');
    expect(formatDateTime('2024-07-05T14:07:00Z', 'nl-BE')).toBe('05/07/2024 16:07');
    expect(formatDateTime('2024-03-05T22:30:00Z', 'nl-NL')).toBe('05-03-2024 23:30');
    expect(formatDateTime('2024-03-05T14:07:00Z', 'fr-BE')).toBe('05/03/2024 15:07');
    expect(formatDate('1990-01-02', 'nl-NL')).toBe('02-01-1990');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
  it('writes numbers and durations in the locale', () => {
    expect(formatNumber(12345, 'en-GB')).toBe('12,345');
    expect(formatNumber(12345, 'nl-BE')).toBe('12.345');
    expect(formatNumber(12345, 'fr-BE').replace(/\s/g, ' ')).toBe('12 345');
    expect(formatDuration(90_000, 'en-GB')).toBe('1 min 30 secs');
    expect(formatDuration(3_600_000 * 2, 'nl-NL')).toBe('2 uur');
  });
  it('writes 4x4 grading as one code', () => {
    expect(gradingCode('B', '2')).toBe('B2');
    expect(gradingCode(undefined, undefined)).toBeUndefined();
  });
});

describe('entity subtitles in the interface language', () => {
  const entities = {
    Person: { type: 'Person', properties: { dateOfBirth: '1985-03-12', nationalNumber: '85031212345' } },
    Phone: { type: 'Phone', properties: { e164: '+32475123456', kind: 'burner' } },
    Vehicle: { type: 'Vehicle', properties: { make: 'Audi', model: 'RS6 Avant', colour: 'zwart' } },
    Location: { type: 'Location', properties: { kind: 'atm', city: 'Maasmechelen' } },
    // 22:30 UTC on 1 July is half past midnight the next day in Brussels (CEST).
    Incident: { type: 'Incident', properties: { kind: 'assault', at: '2024-07-01T22:30:00Z' } },
    Case: { type: 'Case', properties: { agency: 'FGP Antwerpen', title: 'Plofkraken A16' } },
    Gang: { type: 'Gang', properties: { kind: 'omcg', chapter: 'Genk' } },
    Source: { type: 'Source', properties: { kind: 'vehicle-register' } },
  } as const;
  const expected: Record<string, Record<keyof typeof entities, string>> = {
    en: {
      Person: '12/03/1985 · 85031212345',
      Phone: '+32475123456',
      Vehicle: 'Audi · RS6 Avant · zwart',
      Location: 'Cash machine · Maasmechelen',
      Incident: 'Assault · 02/07/2024 00:30',
      Case: 'FGP Antwerpen · Plofkraken A16',
      Gang: 'Outlaw motorcycle gang · Genk',
      Source: 'Vehicle register',
    },
    'nl-BE': {
      Person: '12/03/1985 · 85031212345',
      Phone: '+32475123456',
      Vehicle: 'Audi · RS6 Avant · zwart',
      Location: 'Bankautomaat · Maasmechelen',
      Incident: 'Slagen en verwondingen · 02/07/2024 00:30',
      Case: 'FGP Antwerpen · Plofkraken A16',
      Gang: 'Motorbende · Genk',
      Source: 'Voertuigregister',
    },
    'nl-NL': {
      Person: '12-03-1985 · 85031212345',
      Phone: '+32475123456',
      Vehicle: 'Audi · RS6 Avant · zwart',
      Location: 'Geldautomaat · Maasmechelen',
      Incident: 'Mishandeling · 02-07-2024 00:30',
      Case: 'FGP Antwerpen · Plofkraken A16',
      Gang: 'Motorbende · Genk',
      Source: 'Kentekenregister',
    },
    'fr-BE': {
      Person: '12/03/1985 · 85031212345',
      Phone: '+32475123456',
      Vehicle: 'Audi · RS6 Avant · zwart',
      Location: 'Distributeur de billets · Maasmechelen',
      Incident: 'Coups et blessures · 02/07/2024 00:30',
      Case: 'FGP Antwerpen · Plofkraken A16',
      Gang: 'Bande de motards criminels · Genk',
      Source: 'Registre des véhicules',
    },
  };

  for (const [language, subtitles] of Object.entries(expected)) {
    it(`writes every entity type's subtitle in ${language}`, async () => {
      await i18n.changeLanguage(language);
      const written = Object.fromEntries(Object.entries(entities).map(([type, entity]) => [type, subtitleOf(entity)]));
      expect(written).toEqual(subtitles);
    });
  }

  it('keeps codes the catalogue does not know as written, and a stored subtitle where properties say nothing', async () => {
    await i18n.changeLanguage('nl-BE');
    expect(subtitleOf({ type: 'Incident', properties: { kind: 'ontmoeting' } })).toBe('ontmoeting');
    expect(subtitleOf({ type: 'Source', properties: { kind: 'constructor' } })).toBe('constructor');
    expect(subtitleOf({ type: 'Gang', properties: { kind: 'value.kind' } })).toBe('value.kind');
    expect(subtitleOf({ type: 'Person', subtitle: 'Mohamed El Hassan', properties: { fullName: 'محمد الحسن' } })).toBe('Mohamed El Hassan');
    // A chart saved by an earlier version carries an English subtitle with an ISO date; the properties win.
    expect(subtitleOf({ type: 'Person', subtitle: '1985-03-12 · 85031212345', properties: { dateOfBirth: '1985-03-12', nationalNumber: '85031212345' } })).toBe(
      '12/03/1985 · 85031212345',
    );
  });

  it('writes coded property values in words in the details table, other values as before', async () => {
    await i18n.changeLanguage('fr-BE');
    expect(formatPropertyValue('kind', 'border-crossing')).toBe('Passage frontalier');
    expect(formatPropertyValue('city', 'border-crossing')).toBe('border-crossing');
    expect(formatPropertyValue('dateOfBirth', '1985-03-12')).toBe('12/03/1985');
  });
});
