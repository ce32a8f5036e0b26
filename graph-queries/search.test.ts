import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from './search';

describe('toLuceneQuery', () => {
  it('requires every word, allowing prefixes and misspellings', () => {
    expect(toLuceneQuery('Mohamad Berg')).toBe('(mohamad^4 OR mohamad*^2 OR mohamad~2) AND (berg^4 OR berg*^2 OR berg~1)');
  });

  it('folds diacritics and case the way the index does', () => {
    expect(toLuceneQuery('Çelİk')).toContain('celik');
  });

  it('strips Lucene syntax so typed input cannot change the query', () => {
    const query = toLuceneQuery('name:x OR (y) "z"~ \\ /');
    expect(query).not.toMatch(/name:|"|\\|\/|\(y\)/);
  });

  it('returns null when nothing searchable is left', () => {
    expect(toLuceneQuery(' :: ** ')).toBeNull();
  });
});
