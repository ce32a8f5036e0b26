// What every scenario gets: the unit's random stream, the shared record book and real world, the fixed
// reference locations, and helpers for the steps all scenarios repeat (open a case, register a person
// with address, phone and vehicles).
import type { Country } from '../contract/model';
import type { CaseHandle, RecordBook, SourceHandle } from './record-book';
import { AddressBook, recordPerson, recordPhone, recordVehicle } from './record-writers';
import type { DemoRandom } from './random';
import type { RealPerson, RealPhone, RealVehicle, RealWorld } from './real-world';
import { BE_DISTRICT_CODES, CODE_WORDS } from './reference-organisations';
import type { CrossingKey, Port } from './reference-places';

export interface ReferenceLocations {
  /** ANPR camera Location ids per crossing, one per side. */
  cameras: Record<CrossingKey, Record<Country, string>>;
  crossings: Record<CrossingKey, string>;
  ports: { id: string; port: Port }[];
}

/** Ids of the records one person registration produced. */
export interface RegisteredPerson {
  real: RealPerson;
  personId: string;
  source: SourceHandle;
  phones: RealPhone[];
  phoneIds: string[];
  vehicleIds: string[];
}

export class ScenarioContext {
  readonly addresses: AddressBook;
  /** Real persons of the criminal scenarios, so the background can give some of them namesakes and family. */
  readonly criminals: RegisteredPerson[] = [];
  readonly cases: CaseHandle[] = [];

  constructor(
    readonly unit: number,
    readonly random: DemoRandom,
    readonly book: RecordBook,
    readonly world: RealWorld,
    readonly refs: ReferenceLocations,
  ) {
    this.addresses = new AddressBook(book);
  }

  /** A Dutch investigation ("26Reiger") or a Belgian prosecutor's notice number ("AN.21.L1.004567/24"). */
  openCase(country: Country, agency: string, title: string, prosecutor?: string): CaseHandle {
    const opened = `${this.random.int(2023, 2024)}-${String(this.random.int(1, 12)).padStart(2, '0')}-${String(this.random.int(1, 28)).padStart(2, '0')}`;
    const reference =
      country === 'NL'
        ? `${this.random.int(10, 99)}${this.random.pick(CODE_WORDS)}`
        : `${BE_DISTRICT_CODES[prosecutor ?? ''] ?? 'AN'}.${this.random.int(10, 99)}.L${this.random.int(1, 9)}.${this.random.digits(6)}/${opened.slice(2, 4)}`;
    const kase = this.book.openCase({ country, agency: prosecutor ? `${agency} / ${prosecutor}` : agency, title, reference, opened });
    this.cases.push(kase);
    return kase;
  }

  /** An ISO instant inside the demo period (2023–2024). */
  instant(from = '2023-01-01T00:00:00Z', until = '2024-12-31T23:59:00Z'): string {
    return this.random.instantBetween(from, until).toISOString().replace('.000Z', 'Z');
  }

  /**
   * One person-register row: the person, their address (LIVES_AT) and the phones they use (USES),
   * plus one vehicle-register row per vehicle they hold (OWNS).
   */
  registerPerson(
    kase: CaseHandle,
    real: RealPerson,
    opts: { phones?: RealPhone[]; vehicles?: { vehicle: RealVehicle; stolen?: boolean }[]; withAlias?: boolean; withHandset?: boolean } = {},
  ): RegisteredPerson {
    const source = this.book.source(this.random, kase, 'person-register', this.instant());
    const personId = recordPerson(this.book, this.random, source, real, { withAlias: opts.withAlias });
    const home = this.addresses.locationFor(source, real.residence);
    this.book.relate('LIVES_AT', personId, home, source, { from: this.instant('2015-01-01T00:00:00Z', '2022-12-31T00:00:00Z') });
    const phoneIds = (opts.phones ?? []).map((phone) => {
      const phoneId = recordPhone(this.book, this.random, source, phone, { withHandset: opts.withHandset });
      this.book.relate('USES', personId, phoneId, source, { from: this.instant('2021-01-01T00:00:00Z', '2023-06-30T00:00:00Z') });
      return phoneId;
    });
    const vehicleIds = (opts.vehicles ?? []).map(({ vehicle, stolen }) => {
      const vehicleSource = this.book.source(this.random, kase, 'vehicle-register', this.instant());
      const vehicleId = recordVehicle(this.book, this.random, vehicleSource, vehicle, { registerDetails: true, stolen });
      this.book.relate('OWNS', personId, vehicleId, vehicleSource, { from: this.instant('2018-01-01T00:00:00Z', '2023-06-30T00:00:00Z') });
      return vehicleId;
    });
    return { real, personId, source, phones: opts.phones ?? [], phoneIds, vehicleIds };
  }

  /**
   * A record of `real` in a case of the other country (a statement or intelligence row): the cross-border
   * duplicate. With `phone`, the row also notes the phone they use.
   */
  recordAbroad(kase: CaseHandle, real: RealPerson, opts: { phone?: RealPhone; kind?: 'statement' | 'intelligence' } = {}): { personId: string; phoneId?: string; source: SourceHandle } {
    const source = this.book.source(this.random, kase, opts.kind ?? 'statement', this.instant());
    const personId = recordPerson(this.book, this.random, source, real, { withAlias: true });
    let phoneId: string | undefined;
    if (opts.phone) {
      phoneId = recordPhone(this.book, this.random, source, opts.phone);
      this.book.relate('USES', personId, phoneId, source, {});
    }
    return { personId, phoneId, source };
  }

  /** Aggregated call records between two phone records: count, first and last call. */
  calls(kase: CaseHandle, fromPhone: string, toPhone: string, window: { from: string; until: string }, count: number): string {
    const source = this.book.source(this.random, kase, 'call-records', window.until);
    const first = this.random.instantBetween(window.from, window.until);
    const last = this.random.instantBetween(first.toISOString(), window.until);
    return this.book.relate('CALLED', fromPhone, toPhone, source, {
      count,
      from: first.toISOString().replace('.000Z', 'Z'),
      until: last.toISOString().replace('.000Z', 'Z'),
    });
  }
}
