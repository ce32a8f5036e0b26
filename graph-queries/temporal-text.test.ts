import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { temporalText } from './temporal-text';

const { Date: Neo4jDate, DateTime, LocalDateTime, LocalTime, Duration } = neo4j.types;

/** A small deterministic generator, so a failure names a value that can be rebuilt. */
function numbers(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

const YEARS = [-12345, -1, 0, 1, 999, 1970, 2024, 9999, 10000, 123456];
const NANOS = [0, 1, 500, 123456789, 999999999, 100000000];
const OFFSETS = [0, 3600, 7200, -3600, -12600, 19800, 5400 + 17, -(5 * 3600 + 45 * 60 + 30), 50400];

describe('temporal values as text', () => {
  const random = numbers(7);
  const cases: { name: string; value: unknown }[] = [];
  for (let i = 0; i < 400; i++) {
    const year = YEARS[i % YEARS.length];
    const [month, day, hour, minute, second] = [1 + random(12), 1 + random(28), random(24), random(60), random(60)];
    const nanosecond = NANOS[random(NANOS.length)];
    const asInteger = i % 2 === 0;
    const field = (value: number) => (asInteger ? neo4j.int(value) : value);
    const offset = OFFSETS[i % OFFSETS.length];
    cases.push({ name: `date ${year}-${month}-${day}`, value: new Neo4jDate(field(year), field(month), field(day)) });
    cases.push({ name: `local ${year}-${month}-${day}`, value: new LocalDateTime(field(year), field(month), field(day), field(hour), field(minute), field(second), field(nanosecond)) });
    cases.push({ name: `offset ${offset}`, value: new DateTime(field(year), field(month), field(day), field(hour), field(minute), field(second), field(nanosecond), field(offset)) });
    cases.push({ name: 'zone id', value: new DateTime(field(year), field(month), field(day), field(hour), field(minute), field(second), field(nanosecond), undefined, 'Europe/Brussels') });
    cases.push({ name: 'offset and zone id', value: new DateTime(field(year), field(month), field(day), field(hour), field(minute), field(second), field(nanosecond), field(offset), 'Europe/Amsterdam') });
  }

  it('writes dates, local date-times and date-times exactly as the driver does', () => {
    const different = cases.filter(({ value }) => temporalText(value) !== String(value)).map(({ name, value }) => `${name}: ${temporalText(value)} ≠ ${String(value)}`);
    expect(different).toEqual([]);
  });

  it('leaves other values to the driver', () => {
    expect(temporalText(new LocalTime(1, 2, 3, 4))).toBeNull();
    expect(temporalText(new Duration(1, 2, 3, 4))).toBeNull();
    expect(temporalText('2024-01-01')).toBeNull();
    expect(temporalText(neo4j.int(5))).toBeNull();
  });
});
