import { describe, expect, it } from 'vitest';
import { entitySubtitle, type SubtitleFormat } from './entity-subtitle';
import { ENTITY_TYPES } from './model';

/** Marks each part with how it was asked to be written, so the test sees the choice, not a language. */
const marking: SubtitleFormat = {
  date: (isoDate) => `date(${isoDate})`,
  dateTime: (isoInstant) => `dateTime(${isoInstant})`,
  code: (property, value) => `${property}(${value})`,
};

describe('entity subtitle', () => {
  it('picks each type’s identifying facts in order, dates and codes through the reader’s format', () => {
    const subtitle = (type: (typeof ENTITY_TYPES)[number], properties: Record<string, unknown>) => entitySubtitle({ type, properties }, marking);
    expect(subtitle('Person', { dateOfBirth: '1985-03-12', nationalNumber: '85031212345', bsn: '123456782', fullName: 'Jan' })).toBe(
      'date(1985-03-12) · 85031212345 · 123456782',
    );
    expect(subtitle('Phone', { e164: '+32475123456', imei: 356938035643809, kind: 'burner' })).toBe('+32475123456 · 356938035643809');
    expect(subtitle('Vehicle', { make: 'Audi', model: 'RS6 Avant', colour: 'zwart', plate: '1-ABC-123' })).toBe('Audi · RS6 Avant · zwart');
    expect(subtitle('Location', { kind: 'port', city: 'Antwerpen' })).toBe('kind(port) · Antwerpen');
    expect(subtitle('Incident', { kind: 'atm-gas-attack', at: '2024-03-05T02:14:00Z' })).toBe('kind(atm-gas-attack) · dateTime(2024-03-05T02:14:00Z)');
    expect(subtitle('Case', { agency: 'FGP Antwerpen', title: 'Plofkraken A16' })).toBe('FGP Antwerpen · Plofkraken A16');
    expect(subtitle('Gang', { kind: 'omcg', chapter: 'Genk' })).toBe('kind(omcg) · Genk');
    expect(subtitle('Source', { kind: 'call-records', file: 'cdr.csv' })).toBe('kind(call-records)');
  });

  it('writes a dated incident without a time of day as a date', () => {
    expect(entitySubtitle({ type: 'Incident', properties: { kind: 'assault', at: '2024-03-05' } }, marking)).toBe('kind(assault) · date(2024-03-05)');
  });

  it('leaves out missing, empty and non-text values', () => {
    expect(entitySubtitle({ type: 'Person', properties: { dateOfBirth: null, nationalNumber: '', bsn: ' ', aliases: ['x'] } }, marking)).toBeUndefined();
    expect(entitySubtitle({ type: 'Vehicle', properties: { make: 'Audi', model: ['RS6'], colour: true } }, marking)).toBe('Audi');
  });

  it('keeps a stored subtitle only where the properties say nothing', () => {
    const stored = '1985-03-12 · 85031212345';
    expect(entitySubtitle({ type: 'Person', subtitle: stored, properties: { dateOfBirth: '1985-03-12' } }, marking)).toBe('date(1985-03-12)');
    expect(entitySubtitle({ type: 'Person', subtitle: 'Mohamed El Hassan', properties: { fullName: 'محمد الحسن' } }, marking)).toBe('Mohamed El Hassan');
    expect(entitySubtitle({ type: 'Person', subtitle: '', properties: {} }, marking)).toBeUndefined();
  });

  it('says something for every entity type', () => {
    for (const type of ENTITY_TYPES) {
      const properties = { dateOfBirth: '2000-01-01', e164: '+31612345678', make: 'Opel', kind: 'other', agency: 'KMar' };
      expect(entitySubtitle({ type, properties }, marking), type).toBeTruthy();
    }
  });
});
