// The one source of randomness for the demo generator. Everything random goes through a seeded faker
// instance, so the same seed gives the same data byte for byte. Each scale unit gets its own stream
// (seeded with [seed, unit]), so unit 0 is identical at scale 1 and at scale 100.
import { Faker, base, en, nl, nl_BE } from '@faker-js/faker';

export class DemoRandom {
  /** Dutch names and streets. */
  readonly nl: Faker;
  /** Flemish names and streets. */
  readonly be: Faker;

  constructor(seed: number, stream: number) {
    this.nl = new Faker({ locale: [nl, en, base] });
    this.be = new Faker({ locale: [nl_BE, nl, en, base] });
    this.nl.seed([seed, stream, 1]);
    this.be.seed([seed, stream, 2]);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return this.nl.number.int({ min, max });
  }

  chance(probability: number): boolean {
    return this.nl.number.float({ min: 0, max: 1 }) < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight: `[['A', 3], ['B', 1]]` gives A three times as often as B. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.nl.number.float({ min: 0, max: total });
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll <= 0) return value;
    }
    return options[options.length - 1][0];
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.nl.helpers.shuffle([...items]).slice(0, Math.min(count, items.length));
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }

  letters(count: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** A UTC instant between two ISO dates, rounded to the minute. */
  instantBetween(fromIso: string, untilIso: string): Date {
    const from = Date.parse(fromIso);
    const until = Date.parse(untilIso);
    const minutes = Math.floor((until - from) / 60_000);
    return new Date(from + this.int(0, minutes) * 60_000);
  }
}
