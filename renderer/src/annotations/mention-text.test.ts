import { describe, expect, it } from 'vitest';
import { mentionQueryAt, nameMatches, toDisplay, toStored } from './mention-text';

describe('mention text', () => {
  const stored = 'Met @[Jan Peeters](P-BE-000008) en @[Els de Wit](P-NL-000003) gezien.';

  it('shows names and stores ids, and the two forms round-trip', () => {
    const { text, mentions } = toDisplay(stored);
    expect(text).toBe('Met @Jan Peeters en @Els de Wit gezien.');
    expect(mentions).toEqual([
      { id: 'P-BE-000008', label: 'Jan Peeters' },
      { id: 'P-NL-000003', label: 'Els de Wit' },
    ]);
    expect(toStored(text, mentions)).toBe(stored);
    expect(toStored(`${text} Later nog @Jan Peeters.`, mentions)).toBe(`${stored} Later nog @[Jan Peeters](P-BE-000008).`);
  });

  it('turns an edited name into plain text', () => {
    const { mentions } = toDisplay(stored);
    expect(toStored('Met @Jan Peters gezien', mentions)).toBe('Met @Jan Peters gezien');
  });

  it('finds the name being typed, spaces included, but not a finished mention or an e-mail address', () => {
    expect(mentionQueryAt('Gezien met @Jan Pe', 18, [])).toEqual({ start: 11, query: 'Jan Pe' });
    expect(mentionQueryAt('@Ja', 3, [])).toEqual({ start: 0, query: 'Ja' });
    expect(mentionQueryAt('@J', 2, [])).toBeUndefined();
    expect(mentionQueryAt('mail jan@politie.be', 19, [])).toBeUndefined();
    expect(mentionQueryAt('@Jan\nPe', 7, [])).toBeUndefined();
    const made = [{ id: 'P-1', label: 'Jan Peeters' }];
    expect(mentionQueryAt('@Jan Peeters en', 15, made)).toBeUndefined();
    expect(mentionQueryAt('@Jan Peeters en @Els', 20, made)).toEqual({ start: 16, query: 'Els' });
  });

  it('matches every typed word to the start of a word of the name, ignoring accents and case', () => {
    expect(nameMatches('PEETERS, Jan', 'jan pe')).toBe(true);
    expect(nameMatches('Zoë Dubois', 'zoe dub')).toBe(true);
    expect(nameMatches('Jan Peeters', 'an')).toBe(false);
  });
});
