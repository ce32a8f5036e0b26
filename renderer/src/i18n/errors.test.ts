import { afterEach, describe, expect, it } from 'vitest';
import { localiseError } from './errors';
import { setLanguage } from './index';

describe('localiseError', () => {
  afterEach(() => setLanguage('en', undefined));

  it('names the refused field and its rule in the interface language, keeping the server wording as detail', () => {
    setLanguage('nl-BE', undefined);
    const text = localiseError({ code: 'BAD_REQUEST', message: 'note: too long', invalid: { field: 'note', rule: 'too_long' } });
    expect(text.message).toBe('Het veld "note" is te lang.');
    expect(text.detail).toContain('note: too long');
  });

  it('words the codes other branches added (DB_NOT_FOUND, AUDIT_UNAVAILABLE) in French', () => {
    setLanguage('fr-BE', undefined);
    expect(localiseError({ code: 'DB_NOT_FOUND', message: 'x' }).message).toBe('Le serveur Neo4j n’a pas de base de données de ce nom.');
    expect(localiseError({ code: 'AUDIT_UNAVAILABLE', message: 'x' }).message).toMatch(/journal d’audit/);
  });

  it('shows the server message in English', () => {
    expect(localiseError({ code: 'BAD_REQUEST', message: 'note: too long', invalid: { field: 'note', rule: 'too_long' } }).message).toBe('note: too long');
  });
});
