// Driver values become plain JSON-safe values at this boundary, whatever their kind.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toLink, toPlain, toProperties } from './mapper';

describe('toPlain and toProperties', () => {
  it('keeps strings, numbers and booleans as they are', () => {
    expect(toPlain('Janssens')).toBe('Janssens');
    expect(toPlain(42.5)).toBe(42.5);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(undefined)).toBeNull();
  });

  it('turns Integers into numbers, or into text past the safe range', () => {
    expect(toPlain(neo4j.int(17))).toBe(17);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('writes temporal values as ISO text and points as coordinates, also inside lists and maps', () => {
    const at = new neo4j.types.DateTime(2024, 9, 15, 0, 48, 0, 0, 0);
    const day = new neo4j.types.Date(1987, 3, 2);
    const spot = new neo4j.types.Point(4326, 4.4, 51.2);
    expect(toPlain({ seen: [at], born: day, where: spot })).toEqual({ seen: ['2024-09-15T00:48:00Z'], born: '1987-03-02', where: [4.4, 51.2] });
  });

  it('leaves out the keys asked for and converts the rest', () => {
    const props = toProperties({ id: 'P-1', searchText: 'janssens jan', count: neo4j.int(3), at: new neo4j.types.Date(2024, 1, 5) }, ['searchText']);
    expect(props).toEqual({ id: 'P-1', count: 3, at: '2024-01-05' });
  });

  it('maps a relationship to a link with its provenance and plain properties', () => {
    const link = toLink({ type: 'SIGHTED_AT', properties: { id: 'R-1', at: new neo4j.types.DateTime(2024, 9, 15, 0, 48, 0, 0, 0), country: 'NL', count: neo4j.int(2) } }, 'V-1', 'L-1');
    expect(link).toMatchObject({ id: 'R-1', type: 'SIGHTED_AT', source: 'V-1', target: 'L-1', at: '2024-09-15T00:48:00Z', count: 2, country: 'NL' });
    expect(link.properties).toEqual({ id: 'R-1', at: '2024-09-15T00:48:00Z', country: 'NL', count: 2 });
  });
});
