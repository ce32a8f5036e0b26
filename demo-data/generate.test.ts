import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizePlate, parseBelgianNationalNumber, parseBsn } from '../identifiers';
import type { DemoData, DemoNode } from './demo-records';
import { generateDemo } from './generate';

const scale1 = generateDemo({ scale: 1, seed: 7 });
const allNodes = (data: DemoData): DemoNode[] => [...data.cases, ...data.sources, ...data.entities];
const byId = new Map(allNodes(scale1).map((n) => [n.id, n]));
const countries = (ids: string[]) => new Set(ids.map((id) => byId.get(id)!.props.country));

describe('generateDemo', () => {
  it('is byte-identical for the same seed and scale, and different for another seed', () => {
    expect(JSON.stringify(generateDemo({ scale: 1, seed: 7 }))).toBe(JSON.stringify(scale1));
    expect(JSON.stringify(generateDemo({ scale: 1, seed: 8 }))).not.toBe(JSON.stringify(scale1));
  });

  it('makes about 2,000 nodes per scale unit, growing linearly', () => {
    const one = allNodes(scale1).length;
    expect(one).toBeGreaterThan(1_700);
    expect(one).toBeLessThan(2_300);
    const three = allNodes(generateDemo({ scale: 3, seed: 7 })).length;
    expect(three / one).toBeGreaterThan(2.7);
    expect(three / one).toBeLessThan(3.3);
  });

  it('keeps the records of scale 1 unchanged inside scale 2, so a bigger seed extends a smaller one', () => {
    const scale2 = generateDemo({ scale: 2, seed: 7 });
    const bigger = new Map(allNodes(scale2).map((n) => [n.id, JSON.stringify(n)]));
    for (const node of allNodes(scale1)) expect(bigger.get(node.id)).toBe(JSON.stringify(node));
  });

  it('has unique ids, every type of the scenario, and cases from both countries', () => {
    expect(byId.size).toBe(allNodes(scale1).length);
    const types = new Set(scale1.entities.map((e) => e.type));
    for (const type of ['Person', 'Vehicle', 'Phone', 'Gang', 'Location', 'Incident']) expect(types).toContain(type);
    expect(new Set(scale1.cases.map((c) => c.props.country))).toEqual(new Set(['NL', 'BE']));
    const agencies = scale1.cases.map((c) => String(c.props.agency));
    expect(agencies.some((a) => a.startsWith('Politie Eenheid'))).toBe(true);
    expect(agencies.some((a) => a.includes('Federale Gerechtelijke Politie'))).toBe(true);
    const gangKinds = new Set(scale1.entities.filter((e) => e.type === 'Gang').map((g) => g.props.kind));
    expect(gangKinds).toEqual(new Set(['omcg', 'drugs-cell', 'atm-crew', 'trafficking-network']));
    const relTypes = new Set(scale1.relationships.map((r) => r.type));
    for (const type of ['MEMBER_OF', 'USES', 'OWNS', 'CALLED', 'SIGHTED_AT', 'LIVES_AT', 'INVOLVED_IN', 'OCCURRED_AT', 'PART_OF', 'RECORDED_IN', 'ASSOCIATE_OF']) {
      expect(relTypes).toContain(type);
    }
  });

  it('only links records that exist, with the endpoint types it declares, and unique relationship ids', () => {
    const ids = new Set<string>();
    for (const rel of scale1.relationships) {
      expect(byId.get(rel.from)?.type).toBe(rel.fromType);
      expect(byId.get(rel.to)?.type).toBe(rel.toType);
      expect(ids.has(rel.id)).toBe(false);
      ids.add(rel.id);
    }
  });

  it('gives every record and link its provenance: case, source row, agency, grading', () => {
    const recordedIn = new Map(scale1.relationships.filter((r) => r.type === 'RECORDED_IN').map((r) => [r.from, r.to]));
    const partOf = new Map(scale1.relationships.filter((r) => r.type === 'PART_OF' && r.fromType === 'Source').map((r) => [r.from, r.to]));
    for (const entity of scale1.entities) {
      const p = entity.props;
      expect(byId.get(String(p.caseId))?.type).toBe('Case');
      expect(byId.get(String(p.sourceId))?.type).toBe('Source');
      expect(recordedIn.get(entity.id)).toBe(p.sourceId);
      expect(['NL', 'BE']).toContain(p.country);
      expect(p.agency).toBeTruthy();
      expect(['A', 'B', 'C', 'X']).toContain(p.sourceReliability);
      expect(['1', '2', '3', '4']).toContain(p.informationReliability);
      expect(['H0', 'H1', 'H2', 'H3']).toContain(p.handling);
      expect(p.dataset).toBe('demo');
      expect(String(p.searchText).length).toBeGreaterThan(0);
    }
    for (const source of scale1.sources) {
      expect(partOf.get(source.id)).toBe(source.props.caseId);
      expect(source.props.file).toMatch(/\.csv$/);
      expect(Number(source.props.row)).toBeGreaterThan(0);
    }
    for (const rel of scale1.relationships) {
      expect(byId.get(String(rel.props.sourceId))?.type).toBe('Source');
      expect(byId.get(String(rel.props.caseId))?.type).toBe('Case');
    }
  });

  it('times ANPR hits and calls: SIGHTED_AT at a camera, CALLED with count and window', () => {
    const sightings = scale1.relationships.filter((r) => r.type === 'SIGHTED_AT');
    expect(sightings.length).toBeGreaterThan(0);
    for (const s of sightings) {
      expect(byId.get(s.to)?.props.kind).toBe('anpr-camera');
      expect(String(s.props.at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    for (const call of scale1.relationships.filter((r) => r.type === 'CALLED')) {
      expect(call.fromType).toBe('Phone');
      expect(Number(call.props.count)).toBeGreaterThan(0);
      expect(Date.parse(String(call.props.from))).toBeLessThanOrEqual(Date.parse(String(call.props.until)));
    }
  });

  it('stores identifiers as written plus normalised, consistent with the identifiers module', () => {
    for (const e of scale1.entities) {
      if (e.type === 'Phone') expect(normalizePhone(String(e.props.number))?.e164).toBe(e.props.e164);
      if (e.type === 'Vehicle') expect(normalizePlate(String(e.props.plate))?.normalized).toBe(e.props.plateNormalized);
    }
  });

  it('gives Dutch records a BSN and Belgian records a national number, a few with a broken checksum on purpose', () => {
    const persons = scale1.entities.filter((e) => e.type === 'Person');
    let broken = 0;
    for (const p of persons) {
      if (p.props.bsn) {
        expect(p.props.country).toBe('NL');
        expect(parseBsn(String(p.props.bsn))?.valid).toBe(p.props.identifierValid);
      }
      if (p.props.nationalNumber) {
        expect(p.props.country).toBe('BE');
        expect(parseBelgianNationalNumber(String(p.props.nationalNumber))?.valid).toBe(p.props.identifierValid);
      }
      if (p.props.identifierValid === false) broken++;
    }
    expect(persons.filter((p) => p.props.bsn).length).toBeGreaterThan(50);
    expect(persons.filter((p) => p.props.nationalNumber).length).toBeGreaterThan(50);
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(persons.length * 0.1);
  });

  it('lists every person, vehicle and phone record in exactly one ground-truth entity', () => {
    const seen = new Map<string, number>();
    for (const entity of scale1.groundTruth.entities) {
      for (const id of entity.recordIds) {
        expect(byId.get(id)?.type).toBe(entity.type);
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    }
    for (const e of scale1.entities.filter((x) => ['Person', 'Vehicle', 'Phone'].includes(x.type))) expect(seen.get(e.id)).toBe(1);
  });

  it('has cross-border duplicates of persons, vehicles and phones, with realistic variation', () => {
    const cross = scale1.groundTruth.entities.filter((e) => e.recordIds.length > 1 && countries(e.recordIds).size === 2);
    for (const type of ['Person', 'Vehicle', 'Phone']) expect(cross.filter((e) => e.type === type).length).toBeGreaterThan(0);

    for (const phone of cross.filter((e) => e.type === 'Phone')) {
      expect(new Set(phone.recordIds.map((id) => byId.get(id)!.props.e164)).size).toBe(1);
    }
    const persons = cross.filter((e) => e.type === 'Person');
    for (const person of persons) {
      const dates = person.recordIds.map((id) => String(byId.get(id)!.props.dateOfBirth));
      // Same date, or day and month swapped by a clerk.
      const canonical = (d: string) => d.slice(0, 4) + [d.slice(5, 7), d.slice(8, 10)].sort().join('');
      expect(new Set(dates.map(canonical)).size).toBe(1);
    }
    const spelledDifferently = persons.filter((p) => new Set(p.recordIds.map((id) => byId.get(id)!.props.fullName)).size > 1);
    expect(spelledDifferently.length).toBeGreaterThan(0);
  });

  it('makes 10-25% of the real criminals appear in both a Dutch and a Belgian record', () => {
    const data = generateDemo({ scale: 3, seed: 7 });
    const nodes = new Map(data.entities.map((n) => [n.id, n]));
    const criminalRecords = new Set(data.relationships.filter((r) => r.type === 'MEMBER_OF' || (r.type === 'INVOLVED_IN' && r.fromType === 'Person')).map((r) => r.from));
    const criminals = data.groundTruth.entities.filter((e) => e.type === 'Person' && e.recordIds.some((id) => criminalRecords.has(id)));
    const crossBorder = criminals.filter((e) => new Set(e.recordIds.map((id) => nodes.get(id)!.props.country)).size === 2);
    const share = crossBorder.length / criminals.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.25);
  });

  it('rejects a scale that is not a whole number from 1 upwards', () => {
    expect(() => generateDemo({ scale: 0 })).toThrow(/Scale must be/);
    expect(() => generateDemo({ scale: 1.5 })).toThrow(/Scale must be/);
  });
});
