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

  it("shows the server's own words when the server wrote them in the interface language, the code's text otherwise", () => {
    setLanguage('fr-BE', undefined);
    const french = { code: 'BAD_REQUEST', message: "ander.csv n'a pas de colonnes \"Naam\".", hint: 'Vérifiez le fichier.', language: 'fr' };
    expect(localiseError(french)).toEqual({ message: french.message, hint: french.hint });
    const dutch = localiseError({ ...french, message: 'ander.csv heeft geen kolommen "Naam".', language: 'nl' });
    expect(dutch.message).toBe("Schakel n'a pas pu accepter cette demande.");
    expect(dutch.detail).toContain('ander.csv heeft geen kolommen');
  });

  it('shows the server message in English', () => {
    expect(localiseError({ code: 'BAD_REQUEST', message: 'note: too long', invalid: { field: 'note', rule: 'too_long' } }).message).toBe('note: too long');
  });
});
