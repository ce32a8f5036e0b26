// Charts for tests and the README sample: a small realistic cross-border case, and a large generated
// one. Kept beside the code (not in test/) because unit and integration tests both use them.
import { CHART_FORMAT, CHART_FORMAT_VERSION, type ChartDocument, type ChartEntity, type ChartLink } from '../../contract/chart';

/** An ATM gas-attack crew with members on both sides of the border, as an analyst would chart it. */
export function sampleCrossBorderChart(): ChartDocument {
  const entities: ChartEntity[] = [
    {
      id: 'P-NL-000123', type: 'Person', label: 'Jan van der Berg', subtitle: '1988-04-12',
      sourceId: 'SRC-NL-0042', caseId: 'CASE-NL-2024-0007', country: 'NL', agency: 'Politie Eenheid Zuid-Nederland',
      sourceReliability: 'B', informationReliability: '2', handling: 'H0',
      properties: { fullName: 'Jan van der Berg', dateOfBirth: '1988-04-12', bsn: '123456782', aliases: ['Jantje', 'JvdB'] },
      position: { x: 0, y: 0 },
    },
    {
      id: 'P-BE-000042', type: 'Person', label: 'Frédérique Dubois-Lefèvre', subtitle: '1993-05-18',
      sourceId: 'SRC-BE-0101', caseId: 'CASE-BE-2024-0031', country: 'BE', agency: 'Federale Gerechtelijke Politie Antwerpen',
      sourceReliability: 'A', informationReliability: '1', handling: 'H0',
      properties: { fullName: 'Frédérique Dubois-Lefèvre', nationalNumber: '93051822361', identifierValid: true },
      position: { x: 260, y: -40 },
    },
    {
      id: 'P-BE-000077', type: 'Person', label: 'محمد الحسن', subtitle: 'Mohamed El Hassan',
      sourceId: 'SRC-BE-0102', caseId: 'CASE-BE-2024-0031', country: 'BE', agency: 'PZ Antwerpen',
      sourceReliability: 'C', informationReliability: '3', handling: 'H0',
      properties: { fullName: 'Mohamed El Hassan', aliases: ['Mohammed', 'Muhammad'] },
      position: { x: 420, y: 160 },
    },
    {
      id: 'P-NL-000900', type: 'Person', label: 'Informant "Kraai" <script>alert(1)</script>',
      sourceId: 'SRC-NL-0099', caseId: 'CASE-NL-2024-0007', country: 'NL', agency: 'CIE Zuid-Nederland',
      sourceReliability: 'B', informationReliability: '3', handling: 'H2',
      properties: { note: 'Registered informant & handler contact' },
      position: { x: -220, y: 180 },
    },
    {
      id: 'PH-NL-000555', type: 'Phone', label: '+31 6 12345678',
      sourceId: 'SRC-NL-0043', caseId: 'CASE-NL-2024-0007', country: 'NL', agency: 'Politie Eenheid Zuid-Nederland',
      sourceReliability: 'A', informationReliability: '1', handling: 'H0',
      properties: { number: '06-12345678', e164: '+31612345678', kind: 'burner' },
      position: { x: 0, y: 220 },
    },
    {
      id: 'PH-BE-000042', type: 'Phone', label: '+32 475 12 34 56',
      sourceId: 'SRC-BE-0103', caseId: 'CASE-BE-2024-0031', country: 'BE', agency: 'Federale Gerechtelijke Politie Antwerpen',
      sourceReliability: 'A', informationReliability: '1', handling: 'H0',
      properties: { number: '0475/12.34.56', e164: '+32475123456', kind: 'mobile', imei: '490154203237518' },
      position: { x: 260, y: 220 },
    },
    {
      id: 'V-NL-000321', type: 'Vehicle', label: 'XX-999-X Audi RS6',
      sourceId: 'SRC-NL-0044', caseId: 'CASE-NL-2024-0007', country: 'NL', agency: 'RDW via Politie',
      sourceReliability: 'A', informationReliability: '1', handling: 'H0',
      properties: { plate: 'XX-999-X', plateNormalized: 'XX999X', make: 'Audi', model: 'RS6', colour: 'zwart', stolen: true },
      position: { x: -200, y: -60 },
    },
    {
      id: 'V-BE-000017', type: 'Vehicle', label: '1-ABC-123 Škoda Octavia',
      caseId: 'CASE-BE-2024-0031', country: 'BE', agency: 'PZ Antwerpen',
      properties: { plate: '1-ABC-123', make: 'Škoda', model: 'Octavia', year: 2019 },
      position: { x: 520, y: -60 },
    },
    {
      id: 'G-NL-0001', type: 'Gang', label: 'Plofkraakcrew Utrecht', country: 'NL', caseId: 'CASE-NL-2024-0007',
      sourceId: 'SRC-NL-0045', agency: 'Politie Eenheid Midden-Nederland', sourceReliability: 'B', informationReliability: '2', handling: 'H1',
      properties: { kind: 'atm-crew' },
      position: { x: 120, y: -200 },
    },
    {
      id: 'L-BE-0009', type: 'Location', label: 'Hazeldonk–Meer (A16/E19)', country: 'BE',
      sourceId: 'SRC-BE-0104', caseId: 'CASE-BE-2024-0031', agency: 'Federale Wegpolitie', sourceReliability: 'A', informationReliability: '1', handling: 'H0',
      properties: { kind: 'border-crossing', lat: 51.4896, lon: 4.7541 },
      position: { x: 620, y: 120 },
    },
  ];
  const provenanceNl = { caseId: 'CASE-NL-2024-0007', country: 'NL' as const, agency: 'Politie Eenheid Zuid-Nederland' };
  const provenanceBe = { caseId: 'CASE-BE-2024-0031', country: 'BE' as const, agency: 'Federale Gerechtelijke Politie Antwerpen' };
  const links: ChartLink[] = [
    { id: 'R-USES-1', type: 'USES', source: 'P-NL-000123', target: 'PH-NL-000555', from: '2024-01-03T00:00:00Z', ...provenanceNl, sourceId: 'SRC-NL-0043', sourceReliability: 'A', informationReliability: '1', handling: 'H0', properties: {} },
    { id: 'R-USES-2', type: 'USES', source: 'P-BE-000042', target: 'PH-BE-000042', from: '2023-11-20T00:00:00Z', ...provenanceBe, sourceId: 'SRC-BE-0103', sourceReliability: 'A', informationReliability: '1', handling: 'H0', properties: {} },
    { id: 'R-CALLED-1', type: 'CALLED', source: 'PH-NL-000555', target: 'PH-BE-000042', count: 37, from: '2024-02-01T08:14:00Z', until: '2024-03-14T23:02:00Z', ...provenanceNl, sourceId: 'SRC-NL-0046', sourceReliability: 'A', informationReliability: '1', handling: 'H0', properties: { provider: 'KPN' } },
    { id: 'R-OWNS-1', type: 'OWNS', source: 'P-NL-000123', target: 'V-NL-000321', from: '2022-06-01T00:00:00Z', ...provenanceNl, sourceId: 'SRC-NL-0044', sourceReliability: 'A', informationReliability: '1', handling: 'H0', properties: {} },
    { id: 'R-DRIVES-1', type: 'DRIVES', source: 'P-BE-000077', target: 'V-BE-000017', at: '2024-03-02T02:41:00Z', ...provenanceBe, sourceReliability: 'B', informationReliability: '2', handling: 'H0', properties: { observedBy: 'ANPR + patrouille' } },
    { id: 'R-SIGHTED-1', type: 'SIGHTED_AT', source: 'V-BE-000017', target: 'L-BE-0009', at: '2024-03-02T03:05:00Z', ...provenanceBe, sourceId: 'SRC-BE-0104', sourceReliability: 'A', informationReliability: '1', handling: 'H0', properties: { camera: 'ANPR-A16-km3' } },
    { id: 'R-MEMBER-1', type: 'MEMBER_OF', source: 'P-NL-000123', target: 'G-NL-0001', from: '2021-01-01T00:00:00Z', ...provenanceNl, sourceId: 'SRC-NL-0045', sourceReliability: 'B', informationReliability: '2', handling: 'H0', properties: {} },
    { id: 'R-ASSOC-1', type: 'ASSOCIATE_OF', source: 'P-NL-000123', target: 'P-BE-000042', ...provenanceBe, sourceId: 'SRC-BE-0105', sourceReliability: 'C', informationReliability: '3', handling: 'H0', properties: { basis: 'Observatie 2024-02-17', status: 'hypothesis' } },
    { id: 'R-ASSOC-2', type: 'ASSOCIATE_OF', source: 'P-BE-000042', target: 'P-BE-000077', ...provenanceBe, sourceId: 'SRC-BE-0106', sourceReliability: 'B', informationReliability: '2', handling: 'H0', properties: {} },
    { id: 'R-ASSOC-3', type: 'ASSOCIATE_OF', source: 'P-NL-000900', target: 'P-NL-000123', ...provenanceNl, sourceId: 'SRC-NL-0099', sourceReliability: 'B', informationReliability: '3', handling: 'H2', properties: {} },
  ];
  return {
    format: CHART_FORMAT,
    version: CHART_FORMAT_VERSION,
    id: 'chart-atm-crew-2024',
    title: 'Plofkraken A16-corridor — netwerk',
    createdBy: 'analist.devries',
    updatedAt: '2024-03-15T09:30:00Z',
    entities,
    links,
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    layout: 'preset',
    style: { colourBy: 'country' },
    timeWindow: { from: '2024-01-01T00:00:00Z', until: '2024-03-31T23:59:59Z' },
    filters: { countries: ['NL', 'BE'] },
  };
}

/** A large chart (entities + links = elementCount) in a grid, for volume tests. Deterministic. */
export function generatedLargeChart(elementCount: number): ChartDocument {
  const entityCount = Math.ceil(elementCount / 2);
  const linkCount = elementCount - entityCount;
  const columns = Math.ceil(Math.sqrt(entityCount));
  const types = ['Person', 'Phone', 'Vehicle', 'Location'] as const;
  const entities: ChartEntity[] = Array.from({ length: entityCount }, (_, index) => {
    const country = index % 3 === 0 ? 'BE' : 'NL';
    return {
      id: `E-${String(index).padStart(6, '0')}`,
      type: types[index % types.length],
      label: `Record ${index} ${index % 7 === 0 ? 'Çelik' : 'de Vries'}`,
      sourceId: index % 11 === 0 ? undefined : `SRC-${country}-${index}`,
      caseId: `CASE-${country}-2024-${String(index % 40).padStart(4, '0')}`,
      country,
      agency: country === 'BE' ? 'FGP Antwerpen' : 'Politie Zuid-Nederland',
      sourceReliability: 'B',
      informationReliability: '2',
      handling: 'H0',
      properties: { index },
      position: { x: (index % columns) * 90, y: Math.floor(index / columns) * 90 },
    };
  });
  const links: ChartLink[] = Array.from({ length: linkCount }, (_, index) => ({
    id: `L-${String(index).padStart(6, '0')}`,
    type: index % 5 === 0 ? 'ASSOCIATE_OF' : 'CALLED',
    source: entities[index % entityCount].id,
    target: entities[(index * 7 + 1) % entityCount].id,
    count: (index % 20) + 1,
    from: '2024-01-01T00:00:00Z',
    until: '2024-02-01T00:00:00Z',
    caseId: entities[index % entityCount].caseId,
    country: entities[index % entityCount].country,
    agency: entities[index % entityCount].agency,
    sourceId: `SRC-L-${index}`,
    sourceReliability: 'A',
    informationReliability: '1',
    handling: 'H0',
    properties: {},
  }));
  return {
    format: CHART_FORMAT,
    version: CHART_FORMAT_VERSION,
    id: `chart-generated-${elementCount}`,
    title: `Generated chart of ${elementCount} elements`,
    entities,
    links,
  };
}
