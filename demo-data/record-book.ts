// Collects the demo's cases, source rows, entity records, relationships and ground truth while the scenarios
// run, and hands out stable ids. Every entity record gets its provenance here (case, source, agency, country,
// grading, dataset) plus a RECORDED_IN link to its Source, so no scenario can forget it.
import type { Country, EntityType, HandlingCode, InformationReliability, RelationshipType, SourceReliability } from '../contract/model';
import { ENTITY_ID_PREFIX } from '../contract/model';
import { searchTextFor } from '../identifiers';
import type { DemoData, DemoNode, DemoProps, DemoRelationship, DemoValue, GroundTruthEntity, ResolvableType } from './demo-records';
import type { DemoRandom } from './random';

export interface CaseHandle {
  id: string;
  country: Country;
  agency: string;
  reference: string;
}

export type SourceKind = 'person-register' | 'vehicle-register' | 'call-records' | 'anpr' | 'statement' | 'intelligence' | 'gang-membership';

export interface SourceHandle {
  id: string;
  caseId: string;
  country: Country;
  agency: string;
  sourceReliability: SourceReliability;
  informationReliability: InformationReliability;
  handling: HandlingCode;
}


/** The file each kind of record is exported in, as Dutch and Belgian systems name them. */
const FILE_NAMES: Record<SourceKind, Record<Country, string>> = {
  'person-register': { NL: 'brp-personen.csv', BE: 'rijksregister-uittreksel.csv' },
  'vehicle-register': { NL: 'rdw-kentekens.csv', BE: 'div-inschrijvingen.csv' },
  'call-records': { NL: 'historische-verkeersgegevens.csv', BE: 'retroactieve-telefonie.csv' },
  anpr: { NL: 'anpr-passages.csv', BE: 'anpr-hits.csv' },
  statement: { NL: 'processen-verbaal.csv', BE: 'pv-verhoren.csv' },
  intelligence: { NL: 'cie-informatie.csv', BE: 'rir-informatierapporten.csv' },
  'gang-membership': { NL: 'omcg-leden.csv', BE: 'omcg-leden.csv' },
};

type Grading = Pick<SourceHandle, 'sourceReliability' | 'informationReliability' | 'handling'>;

/** Registers and technical data are reliable; intelligence is graded lower and handled more restrictively. */
function gradeSource(random: DemoRandom, kind: SourceKind): Grading {
  switch (kind) {
    case 'person-register':
    case 'vehicle-register':
    case 'call-records':
    case 'anpr':
      return { sourceReliability: 'A', informationReliability: random.weighted([['1', 9], ['2', 1]] as const), handling: 'H0' };
    case 'statement':
      return {
        sourceReliability: random.weighted([['B', 6], ['C', 3], ['X', 1]] as const),
        informationReliability: random.weighted([['2', 5], ['3', 3], ['4', 2]] as const),
        handling: random.weighted([['H0', 8], ['H2', 2]] as const),
      };
    case 'intelligence':
      return {
        sourceReliability: random.weighted([['B', 4], ['C', 4], ['X', 2]] as const),
        informationReliability: random.weighted([['2', 3], ['3', 4], ['4', 3]] as const),
        handling: random.weighted([['H1', 4], ['H2', 4], ['H3', 2]] as const),
      };
    case 'gang-membership':
      return {
        sourceReliability: random.weighted([['A', 2], ['B', 6], ['C', 2]] as const),
        informationReliability: random.weighted([['1', 2], ['2', 5], ['3', 3]] as const),
        handling: random.weighted([['H0', 6], ['H1', 4]] as const),
      };
  }
}

/** Properties as scenarios write them: undefined means "this source did not say". */
export type DraftProps = Record<string, DemoValue | undefined>;

export class RecordBook {
  private readonly cases: DemoNode[] = [];
  private readonly sources: DemoNode[] = [];
  private readonly entities: DemoNode[] = [];
  private readonly relationships: DemoRelationship[] = [];
  private readonly typeOf = new Map<string, EntityType>();
  private readonly counters = new Map<string, number>();
  private readonly truth = new Map<string, GroundTruthEntity>();
  private readonly rowsPerFile = new Map<string, number>();

  /** Set while a scenario writes into its own id series (see `inSeries`); '' for the main series. */
  private series = '';

  private next(key: string): number {
    const counterKey = `${this.series}|${key}`;
    const value = (this.counters.get(counterKey) ?? 0) + 1;
    this.counters.set(counterKey, value);
    return value;
  }

  /** A running number, prefixed with the series letter when one is active ('X000001'). */
  private numbered(key: string, width: number): string {
    return `${this.series}${String(this.next(key)).padStart(width, '0')}`;
  }

  /**
   * Runs `write` with ids in a series of their own ('P-NL-X000001'), so records added by a later scenario
   * never shift the ids of the records every scale already had (tests and saved charts look those up).
   */
  inSeries<T>(series: string, write: () => T): T {
    const previous = this.series;
    this.series = series;
    try {
      return write();
    } finally {
      this.series = previous;
    }
  }

  private remember(node: DemoNode, list: DemoNode[]): void {
    if (this.typeOf.has(node.id)) throw new Error(`Duplicate demo id ${node.id}`);
    this.typeOf.set(node.id, node.type);
    list.push(node);
  }

  openCase(spec: { country: Country; agency: string; title: string; reference: string; opened: string }): CaseHandle {
    const year = spec.opened.slice(0, 4);
    const id = `CASE-${spec.country}-${year}-${this.numbered(`CASE-${spec.country}-${year}`, 4)}`;
    const props: DemoProps = {
      label: `${spec.reference} – ${spec.title}`,
      reference: spec.reference,
      title: spec.title,
      country: spec.country,
      agency: spec.agency,
      opened: spec.opened,
      caseId: id,
      dataset: 'demo',
    };
    props.searchText = searchTextFor('Case', { id, ...props });
    this.remember({ id, type: 'Case', props }, this.cases);
    return { id, country: spec.country, agency: spec.agency, reference: spec.reference };
  }

  /** One row of one export file of a case; the next call for the same case and kind is the next row. */
  source(random: DemoRandom, kase: CaseHandle, kind: SourceKind, recordedAt: string): SourceHandle {
    const file = `${kase.id}/${FILE_NAMES[kind][kase.country]}`;
    const row = (this.rowsPerFile.get(file) ?? 0) + 1;
    this.rowsPerFile.set(file, row);
    const id = `S-${kase.country}-${this.numbered(`S-${kase.country}`, 6)}`;
    const grading = gradeSource(random, kind);
    const handle: SourceHandle = { id, caseId: kase.id, country: kase.country, agency: kase.agency, ...grading };
    const props: DemoProps = {
      label: `${FILE_NAMES[kind][kase.country]} row ${row}`,
      kind,
      file,
      row,
      caseId: kase.id,
      sourceId: id,
      country: kase.country,
      agency: kase.agency,
      recordedAt,
      ...grading,
      dataset: 'demo',
    };
    props.searchText = searchTextFor('Source', { id, ...props });
    this.remember({ id, type: 'Source', props }, this.sources);
    this.relate('PART_OF', id, kase.id, handle, {});
    return handle;
  }

  /**
   * Adds an entity record taken from `source`. `country` overrides the case's country for Locations, whose
   * country is where they are.
   */
  entity(type: Exclude<EntityType, 'Case' | 'Source'>, source: SourceHandle, props: DraftProps, country?: Country): string {
    const recordCountry = country ?? source.country;
    const id = `${ENTITY_ID_PREFIX[type]}-${recordCountry}-${this.numbered(`${type}-${recordCountry}`, 6)}`;
    const full: DemoProps = {
      ...withoutEmpty(props),
      country: recordCountry,
      caseId: source.caseId,
      sourceId: source.id,
      agency: source.agency,
      sourceReliability: source.sourceReliability,
      informationReliability: source.informationReliability,
      handling: source.handling,
      dataset: 'demo',
    };
    full.searchText = searchTextFor(type, { id, ...full });
    this.remember({ id, type, props: full }, this.entities);
    this.relate('RECORDED_IN', id, source.id, source, {});
    return id;
  }

  /** A relationship with the provenance of the source row that states it. */
  relate(type: RelationshipType, from: string, to: string, source: SourceHandle, props: DraftProps): string {
    const fromType = this.typeOf.get(from);
    const toType = this.typeOf.get(to);
    if (!fromType || !toType) throw new Error(`Relationship ${type} between unknown records ${from} -> ${to}`);
    const id = `R-${this.numbered('R', 7)}`;
    this.relationships.push({
      id,
      type,
      from,
      fromType,
      to,
      toType,
      props: {
        ...withoutEmpty(props),
        sourceId: source.id,
        caseId: source.caseId,
        country: source.country,
        agency: source.agency,
        sourceReliability: source.sourceReliability,
        informationReliability: source.informationReliability,
        handling: source.handling,
      },
    });
    return id;
  }

  /** Notes that `recordId` describes the real-world entity `realId` (ground truth for entity resolution). */
  describes(realId: string, type: ResolvableType, recordId: string): void {
    const entry = this.truth.get(realId) ?? { realId, type, recordIds: [] };
    entry.recordIds.push(recordId);
    this.truth.set(realId, entry);
  }

  build(seed: number, scale: number): DemoData {
    return {
      seed,
      scale,
      entities: this.entities,
      cases: this.cases,
      sources: this.sources,
      relationships: this.relationships,
      groundTruth: { dataset: 'demo', seed, scale, entities: [...this.truth.values()] },
    };
  }
}

/** Drops undefined and empty-string properties so records only carry what their source actually said. */
function withoutEmpty(props: DraftProps): DemoProps {
  const out: DemoProps = {};
  for (const [key, value] of Object.entries(props)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}
