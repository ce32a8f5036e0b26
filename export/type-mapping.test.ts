import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../contract/model';
import { I2_ICON_TYPES, matchEntityType, matchRelationshipType } from './type-mapping';

describe('type mapping', () => {
  it('maps every i2 icon type Schakel writes back to the same Schakel type', () => {
    for (const type of ENTITY_TYPES) expect(matchEntityType(I2_ICON_TYPES[type])).toBe(type);
  });

  it('understands common names from other tools, in Dutch, French and English', () => {
    expect(matchEntityType('Car')).toBe('Vehicle');
    expect(matchEntityType('telefoon')).toBe('Phone');
    expect(matchEntityType('Organization')).toBe('Gang');
    expect(matchRelationshipType('Telephone Call')).toBe('CALLED');
    expect(matchRelationshipType('member_of')).toBe('MEMBER_OF');
  });

  it('does not guess for unknown types', () => {
    expect(matchEntityType('Bank Account')).toBeUndefined();
    expect(matchRelationshipType('transferred money to')).toBeUndefined();
  });
});
