// GraphML for Gephi, yEd and Cytoscape desktop. Writing: every field and property used gets a declared
// key; nodes, edges and keys are sorted so the same chart always gives the same bytes. Reading: a file
// written by Schakel comes back exactly; a foreign file is mapped by its key names (label, type, x, y,
// yEd's node graphics) and unknown types become generic items with a notice.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import { COUNTRIES, type PropertyValue } from '../contract/model';
import { finishImportedChart, type ImportedChart } from './chart-import';
import { linkTypeLabel } from '../shared-values/chart-style';
import { NO_WITHHELD_MARKERS, type WithheldMarkers } from './disclosure';
import { collectPropertyValues, compareText, decodeValue, encodeValue, encodingFor, type PropertyEncoding } from './property-values';
import {
  GENERIC_ENTITY_TYPE,
  GENERIC_LINK_TYPE,
  IMPORTED_TYPE_PROPERTY,
  ImportNotices,
  matchEntityType,
  matchRelationshipType,
} from './type-mapping';
import { ExportError } from './errors';
import { escapeXmlText, xmlAttributes } from './xml-text';
import { attribute, children, firstChild, parseUntrustedXml, textOf, type XmlElement } from './xml-read';

type GraphmlType = 'string' | 'double' | 'boolean';
type Scope = 'graph' | 'node' | 'edge';
type FieldValue = string | number | boolean | undefined;

interface FieldSpec<T> {
  key: string;
  name: string;
  type: GraphmlType;
  get(item: T): FieldValue;
  set(item: T, text: string): void;
}

type Draft = Omit<ChartDocument, 'format' | 'version'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SCHAKEL_FORMAT_MARK = 'schakel-chart';

function stringField<T>(key: string, name: string, field: keyof T): FieldSpec<T> {
  return {
    key,
    name,
    type: 'string',
    get: (item) => item[field] as FieldValue,
    set: (item, text) => {
      (item as Mutable<T>)[field] = text as T[keyof T];
    },
  };
}

function jsonField(key: string, name: string, field: keyof Draft): FieldSpec<Draft> {
  return {
    key,
    name,
    type: 'string',
    get: (chart) => (chart[field] === undefined ? undefined : JSON.stringify(chart[field])),
    set: (chart, text) => {
      (chart as Record<string, unknown>)[field] = JSON.parse(text);
    },
  };
}

function provenanceFields<T extends ChartEntity | ChartLink>(prefix: string): FieldSpec<T>[] {
  return [
    stringField<T>(`${prefix}_sourceId`, 'sourceId', 'sourceId'),
    stringField<T>(`${prefix}_caseId`, 'caseId', 'caseId'),
    stringField<T>(`${prefix}_country`, 'country', 'country'),
    stringField<T>(`${prefix}_agency`, 'agency', 'agency'),
    stringField<T>(`${prefix}_sourceReliability`, 'sourceReliability', 'sourceReliability'),
    stringField<T>(`${prefix}_informationReliability`, 'informationReliability', 'informationReliability'),
    stringField<T>(`${prefix}_handling`, 'handling', 'handling'),
  ];
}

const GRAPH_FIELDS: FieldSpec<Draft>[] = [
  { key: 'g_format', name: 'schakelFormat', type: 'string', get: () => SCHAKEL_FORMAT_MARK, set: () => undefined },
  stringField<Draft>('g_title', 'title', 'title'),
  stringField<Draft>('g_createdBy', 'createdBy', 'createdBy'),
  stringField<Draft>('g_updatedAt', 'updatedAt', 'updatedAt'),
  stringField<Draft>('g_layout', 'layout', 'layout'),
  jsonField('g_viewport', 'viewport', 'viewport'),
  jsonField('g_style', 'style', 'style'),
  jsonField('g_timeWindow', 'timeWindow', 'timeWindow'),
  jsonField('g_filters', 'filters', 'filters'),
];

function booleanField<T extends { hidden?: boolean; pinned?: boolean }>(key: string, field: 'hidden' | 'pinned'): FieldSpec<T> {
  return {
    key,
    name: field,
    type: 'boolean',
    get: (item) => (item[field] ? true : undefined),
    set: (item, text) => {
      (item as { hidden?: boolean; pinned?: boolean })[field] = text === 'true';
    },
  };
}

function coordinateField(key: string, axis: 'x' | 'y'): FieldSpec<ChartEntity> {
  return {
    key,
    name: axis,
    type: 'double',
    get: (entity) => entity.position?.[axis],
    set: (entity, text) => {
      const position = entity.position ?? { x: 0, y: 0 };
      position[axis] = Number(text);
      entity.position = position;
    },
  };
}

const NODE_FIELDS: FieldSpec<ChartEntity>[] = [
  stringField<ChartEntity>('n_label', 'label', 'label'),
  stringField<ChartEntity>('n_type', 'type', 'type'),
  stringField<ChartEntity>('n_subtitle', 'subtitle', 'subtitle'),
  ...provenanceFields<ChartEntity>('n'),
  coordinateField('n_x', 'x'),
  coordinateField('n_y', 'y'),
  booleanField<ChartEntity>('n_pinned', 'pinned'),
  booleanField<ChartEntity>('n_hidden', 'hidden'),
  {
    key: 'n_records',
    name: 'records',
    type: 'string',
    get: (entity) => (entity.records ? JSON.stringify(entity.records) : undefined),
    set: (entity, text) => {
      entity.records = JSON.parse(text) as ChartEntity['records'];
    },
  },
];

const EDGE_FIELDS: FieldSpec<ChartLink>[] = [
  stringField<ChartLink>('e_type', 'type', 'type'),
  // A readable label for Gephi and yEd users; derived, so ignored when reading a Schakel file back.
  { key: 'e_label', name: 'label', type: 'string', get: edgeLabel, set: () => undefined },
  stringField<ChartLink>('e_at', 'at', 'at'),
  stringField<ChartLink>('e_from', 'from', 'from'),
  stringField<ChartLink>('e_until', 'until', 'until'),
  {
    key: 'e_count',
    name: 'count',
    type: 'double',
    get: (link) => link.count,
    set: (link, text) => {
      link.count = Number(text);
    },
  },
  ...provenanceFields<ChartLink>('e'),
  booleanField<ChartLink>('e_hidden', 'hidden'),
];

function edgeLabel(link: ChartLink): string {
  return link.count !== undefined ? `${linkTypeLabel(link.type)} (${link.count})` : linkTypeLabel(link.type);
}

interface PropertyKey {
  id: string;
  scope: Scope;
  name: string;
  encoding: PropertyEncoding;
}

const PROPERTY_DESCRIPTION_PREFIX = 'schakel-property:';
/** Keys of the withheld markers (for nodes and edges): the handling code, and the words a reader sees. */
const WITHHELD_KEY = 'withheld';
const WITHHELD_NOTE_KEY = 'withheld_note';
const WITHHELD_NOTE = { entity: 'withheld ({code})', link: 'withheld under {code}' } as const;

/**
 * Writes the chart as GraphML text. Same chart (in any element order) → same bytes. Withheld items are
 * marked in place: a node or edge carrying only the `withheld` code (never the withheld item's id or data).
 */
export function writeGraphml(chart: ChartDocument, markers: WithheldMarkers = NO_WITHHELD_MARKERS): string {
  const entities = [...chart.entities].sort((a, b) => compareText(a.id, b.id));
  const links = [...chart.links].sort((a, b) => compareText(a.id, b.id));
  const nodeProperties = propertyKeys('node', 'np', entities);
  const edgeProperties = propertyKeys('edge', 'ep', links);
  const graphFields = usedFields(GRAPH_FIELDS, [chart]);
  const nodeFields = usedFields(NODE_FIELDS, entities);
  const edgeFields = usedFields(EDGE_FIELDS, links);

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [scope, fields] of [['graph', graphFields], ['node', nodeFields], ['edge', edgeFields]] as const) {
    for (const field of fields) {
      lines.push(`  <key${xmlAttributes([['id', field.key], ['for', scope], ['attr.name', field.name], ['attr.type', field.type]])}/>`);
    }
  }
  const hasMarkers = markers.entities.length + markers.links.length > 0;
  if (hasMarkers) {
    lines.push(`  <key${xmlAttributes([['id', WITHHELD_KEY], ['for', 'all'], ['attr.name', 'withheld'], ['attr.type', 'string']])}/>`);
    lines.push(`  <key${xmlAttributes([['id', WITHHELD_NOTE_KEY], ['for', 'all'], ['attr.name', 'withheldNote'], ['attr.type', 'string']])}/>`);
  }
  for (const key of [...nodeProperties.values(), ...edgeProperties.values()]) {
    const type: GraphmlType = key.encoding === 'number' ? 'double' : key.encoding === 'boolean' ? 'boolean' : 'string';
    lines.push(
      `  <key${xmlAttributes([['id', key.id], ['for', key.scope], ['attr.name', key.name], ['attr.type', type]])}><desc>${escapeXmlText(
        `${PROPERTY_DESCRIPTION_PREFIX}${JSON.stringify({ name: key.name, encoding: key.encoding })}`,
      )}</desc></key>`,
    );
  }
  lines.push(`  <graph${xmlAttributes([['id', chart.id], ['edgedefault', 'directed']])}>`);
  for (const line of dataLines(graphFields, chart as Draft, '    ')) lines.push(line);
  for (const entity of entities) {
    lines.push(`    <node${xmlAttributes([['id', entity.id]])}>`);
    for (const line of dataLines(nodeFields, entity, '      ')) lines.push(line);
    for (const line of propertyLines(nodeProperties, entity.properties, '      ')) lines.push(line);
    lines.push('    </node>');
  }
  const withheldData = (code: string, note: string) => [
    `      <data${xmlAttributes([['key', WITHHELD_KEY]])}>${escapeXmlText(code)}</data>`,
    `      <data${xmlAttributes([['key', WITHHELD_NOTE_KEY]])}>${escapeXmlText(note.replace('{code}', code))}</data>`,
  ];
  const coordinates = nodeFields.filter((field) => field.key === 'n_x' || field.key === 'n_y');
  for (const placeholder of markers.entities) {
    lines.push(`    <node${xmlAttributes([['id', placeholder.id]])}>`, ...withheldData(placeholder.handling, WITHHELD_NOTE.entity));
    for (const line of dataLines(coordinates, { position: placeholder.position } as ChartEntity, '      ')) lines.push(line);
    lines.push('    </node>');
  }
  for (const link of links) {
    lines.push(`    <edge${xmlAttributes([['id', link.id], ['source', link.source], ['target', link.target]])}>`);
    for (const line of dataLines(edgeFields, link, '      ')) lines.push(line);
    for (const line of propertyLines(edgeProperties, link.properties, '      ')) lines.push(line);
    lines.push('    </edge>');
  }
  for (const marker of markers.links) {
    lines.push(`    <edge${xmlAttributes([['id', marker.id], ['source', marker.source], ['target', marker.target]])}>`, ...withheldData(marker.handling, WITHHELD_NOTE.link), '    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function usedFields<T>(fields: FieldSpec<T>[], items: T[]): FieldSpec<T>[] {
  return fields.filter((field) => items.some((item) => field.get(item) !== undefined));
}

function propertyKeys(scope: Scope, prefix: string, records: { properties: Record<string, PropertyValue> }[]): Map<string, PropertyKey> {
  const keys = new Map<string, PropertyKey>();
  let index = 0;
  for (const [name, values] of collectPropertyValues(records)) {
    if (values.every((value) => value === null)) continue;
    keys.set(name, { id: `${prefix}${index++}`, scope, name, encoding: encodingFor(values) });
  }
  return keys;
}

function dataLines<T>(fields: FieldSpec<T>[], item: T, indent: string): string[] {
  const lines: string[] = [];
  for (const field of fields) {
    const value = field.get(item);
    if (value === undefined) continue;
    lines.push(`${indent}<data${xmlAttributes([['key', field.key]])}>${escapeXmlText(String(value))}</data>`);
  }
  return lines;
}

function propertyLines(keys: Map<string, PropertyKey>, properties: Record<string, PropertyValue>, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, key] of keys) {
    const value = properties[name];
    // null means "no value": GraphML says that by leaving the data element out.
    if (value === undefined || value === null) continue;
    lines.push(`${indent}<data${xmlAttributes([['key', key.id]])}>${escapeXmlText(encodeValue(value, key.encoding))}</data>`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Reading

interface DeclaredKey {
  id: string;
  scope: string;
  name: string;
  type: string;
  property?: { name: string; encoding: PropertyEncoding };
  defaultValue?: string;
  yFilesType?: string;
}

/** Reads GraphML (from Schakel or another tool) into a chart, with notices about what was changed. */
export function readGraphml(input: string | Uint8Array): ImportedChart {
  const root = parseUntrustedXml(input, { formatName: 'GraphML' });
  const graphml = firstChild(root, 'graphml');
  if (!graphml) {
    throw new ExportError('MALFORMED_FILE', 'This file is XML but not GraphML (it has no <graphml> root element).', 'Choose a .graphml file exported by Gephi, yEd, Cytoscape or Schakel.');
  }
  const notices = new ImportNotices();
  const keys = new Map<string, DeclaredKey>();
  for (const key of children(graphml, 'key')) {
    const declared = readKeyDeclaration(key);
    if (declared) keys.set(declared.id, declared);
  }
  const graphs = children(graphml, 'graph');
  if (graphs.length === 0) {
    throw new ExportError('MALFORMED_FILE', 'This GraphML file holds no graph.', 'Export the chart again from the original program.');
  }
  if (graphs.length > 1) notices.add(`This file holds ${graphs.length} graphs; only the first was imported.`);
  const graph = graphs[0];
  const graphData = dataByKey(graph, keys);
  const isSchakelFile = graphData.get('g_format') === SCHAKEL_FORMAT_MARK;

  const draft: Draft = { id: attribute(graph, 'id') || 'imported-graphml', title: 'Imported GraphML chart', entities: [], links: [] };
  if (isSchakelFile) {
    for (const field of GRAPH_FIELDS) {
      const text = graphData.get(field.key);
      if (text !== undefined) {
        try {
          field.set(draft, text);
        } catch {
          notices.add(`The chart's ${field.name} could not be read and was left out.`);
        }
      }
    }
  }
  // Withheld markers of a Schakel export say where something was left out; they are not data to import.
  const isWithheldMarker = (element: XmlElement) => isSchakelFile && dataByKey(element, keys).has(WITHHELD_KEY);
  let skippedMarkers = 0;
  for (const node of children(graph, 'node')) {
    if (isWithheldMarker(node)) {
      skippedMarkers++;
      continue;
    }
    if (children(node, 'graph').length > 0) notices.add(`Node "${attribute(node, 'id')}" contains a nested graph; its contents were not imported.`);
    draft.entities.push(isSchakelFile ? readSchakelNode(node, keys) : readForeignNode(node, keys, notices));
  }
  let edgeIndex = 0;
  for (const edge of children(graph, 'edge')) {
    if (isWithheldMarker(edge)) {
      skippedMarkers++;
      continue;
    }
    edgeIndex++;
    draft.links.push(isSchakelFile ? readSchakelEdge(edge, keys, edgeIndex) : readForeignEdge(edge, keys, notices, edgeIndex));
  }
  if (children(graph, 'hyperedge').length > 0) notices.add('Hyperedges are not supported and were left out.');
  notices.skippedWithheldMarkers(skippedMarkers);
  return finishImportedChart(draft, notices, 'GraphML');
}

function readKeyDeclaration(key: XmlElement): DeclaredKey | undefined {
  const id = attribute(key, 'id');
  if (!id) return undefined;
  const declared: DeclaredKey = {
    id,
    scope: attribute(key, 'for') ?? 'all',
    name: attribute(key, 'attr.name') ?? id,
    type: attribute(key, 'attr.type') ?? 'string',
    yFilesType: attribute(key, 'yfiles.type'),
  };
  const description = textOf(firstChild(key, 'desc')).trim();
  if (description.startsWith(PROPERTY_DESCRIPTION_PREFIX)) {
    try {
      const parsed = JSON.parse(description.slice(PROPERTY_DESCRIPTION_PREFIX.length)) as { name?: unknown; encoding?: unknown };
      if (typeof parsed.name === 'string' && ['string', 'number', 'boolean', 'json'].includes(String(parsed.encoding))) {
        declared.property = { name: parsed.name, encoding: parsed.encoding as PropertyEncoding };
      }
    } catch {
      // A description that is not ours: the key is read like any foreign key.
    }
  }
  const defaultElement = firstChild(key, 'default');
  if (defaultElement) declared.defaultValue = textOf(defaultElement);
  return declared;
}

/** Text of each <data> child by key id. */
function dataByKey(element: XmlElement, keys: Map<string, DeclaredKey>): Map<string, string> {
  const values = new Map<string, string>();
  for (const data of children(element, 'data')) {
    const key = attribute(data, 'key');
    if (key && keys.has(key)) values.set(key, textOf(data));
  }
  return values;
}

function readSchakelNode(node: XmlElement, keys: Map<string, DeclaredKey>): ChartEntity {
  const entity = { id: attribute(node, 'id') ?? '', label: '', properties: {} } as ChartEntity;
  const data = dataByKey(node, keys);
  for (const field of NODE_FIELDS) {
    const text = data.get(field.key);
    if (text !== undefined) field.set(entity, text);
  }
  entity.properties = readProperties(data, keys);
  return entity;
}

function readSchakelEdge(edge: XmlElement, keys: Map<string, DeclaredKey>, index: number): ChartLink {
  const link = { id: attribute(edge, 'id') ?? `edge-${index}`, source: attribute(edge, 'source') ?? '', target: attribute(edge, 'target') ?? '', properties: {} } as ChartLink;
  const data = dataByKey(edge, keys);
  for (const field of EDGE_FIELDS) {
    const text = data.get(field.key);
    if (text !== undefined) field.set(link, text);
  }
  link.properties = readProperties(data, keys);
  return link;
}

function readProperties(data: Map<string, string>, keys: Map<string, DeclaredKey>): Record<string, PropertyValue> {
  const properties: Record<string, PropertyValue> = {};
  for (const [keyId, text] of data) {
    const key = keys.get(keyId);
    if (key?.property) properties[key.property.name] = decodeValue(text, key.property.encoding);
  }
  return properties;
}

const FOREIGN_LABEL_NAMES = ['label', 'name', 'title', 'caption'];
const FOREIGN_TYPE_NAMES = ['type', 'kind', 'category', 'class', 'entitytype', 'entity type'];
const FOREIGN_EDGE_TYPE_NAMES = ['type', 'relationship', 'relation', 'kind', 'label', 'interaction'];

/** Values of a foreign element by lower-cased key name, with key defaults filled in. */
function foreignValues(element: XmlElement, keys: Map<string, DeclaredKey>, scope: 'node' | 'edge'): Map<string, { key: DeclaredKey; text: string }> {
  const values = new Map<string, { key: DeclaredKey; text: string }>();
  for (const key of keys.values()) {
    if (key.defaultValue !== undefined && (key.scope === scope || key.scope === 'all')) values.set(key.name.toLowerCase(), { key, text: key.defaultValue });
  }
  for (const data of children(element, 'data')) {
    const key = keys.get(attribute(data, 'key') ?? '');
    if (!key || key.yFilesType) continue;
    values.set(key.name.toLowerCase(), { key, text: textOf(data) });
  }
  return values;
}

function foreignPropertyValue(key: DeclaredKey, text: string): PropertyValue {
  if (['int', 'long', 'float', 'double'].includes(key.type)) return decodeValue(text, 'number');
  if (key.type === 'boolean') return decodeValue(text, 'boolean');
  return text;
}

function readForeignNode(node: XmlElement, keys: Map<string, DeclaredKey>, notices: ImportNotices): ChartEntity {
  const id = attribute(node, 'id') ?? '';
  const values = foreignValues(node, keys, 'node');
  const graphics = yedGraphics(node, keys);
  const used = new Set<string>();
  const pick = (names: string[]): string | undefined => {
    for (const name of names) {
      const value = values.get(name);
      if (value && value.text.trim() !== '') {
        used.add(name);
        return value.text.trim();
      }
    }
    return undefined;
  };
  const label = pick(FOREIGN_LABEL_NAMES) ?? graphics.label ?? id;
  const typeName = pick(FOREIGN_TYPE_NAMES);
  const properties: Record<string, PropertyValue> = {};
  let type = matchEntityType(typeName);
  if (!type) {
    type = GENERIC_ENTITY_TYPE;
    notices.unknownEntityType(typeName ?? '(no type)');
    properties[IMPORTED_TYPE_PROPERTY] = typeName ?? '';
  }
  const x = pick(['x']);
  const y = pick(['y']);
  const position = x !== undefined && y !== undefined && Number.isFinite(Number(x)) && Number.isFinite(Number(y))
    ? { x: Number(x), y: Number(y) }
    : graphics.position;
  const country = pick(['country']);
  for (const [name, { key, text }] of values) {
    if (used.has(name)) continue;
    properties[key.name] = foreignPropertyValue(key, text);
  }
  return {
    id,
    type,
    label,
    ...(country && (COUNTRIES as readonly string[]).includes(country.toUpperCase()) ? { country: country.toUpperCase() as 'NL' | 'BE' } : {}),
    properties,
    ...(position ? { position } : {}),
  };
}

function readForeignEdge(edge: XmlElement, keys: Map<string, DeclaredKey>, notices: ImportNotices, index: number): ChartLink {
  const values = foreignValues(edge, keys, 'edge');
  let typeName: string | undefined;
  let typeKeyName: string | undefined;
  for (const name of FOREIGN_EDGE_TYPE_NAMES) {
    const value = values.get(name);
    if (value && value.text.trim() !== '') {
      typeName = value.text.trim();
      typeKeyName = name;
      break;
    }
  }
  const yedLabel = yedEdgeLabel(edge, keys);
  typeName ??= yedLabel;
  const properties: Record<string, PropertyValue> = {};
  let type = matchRelationshipType(typeName);
  if (!type) {
    type = GENERIC_LINK_TYPE;
    notices.unknownLinkType(typeName ?? '(no type)');
    properties[IMPORTED_TYPE_PROPERTY] = typeName ?? '';
  }
  for (const [name, { key, text }] of values) {
    if (name === typeKeyName) continue;
    properties[key.name] = foreignPropertyValue(key, text);
  }
  const weight = values.get('weight') ?? values.get('count');
  return {
    id: attribute(edge, 'id') || `edge-${index}`,
    type,
    source: attribute(edge, 'source') ?? '',
    target: attribute(edge, 'target') ?? '',
    ...(weight && Number.isFinite(Number(weight.text)) ? { count: Number(weight.text) } : {}),
    properties,
  };
}

/** yEd keeps a node's label and position in its own graphics data (y:ShapeNode > y:Geometry, y:NodeLabel). */
function yedGraphics(node: XmlElement, keys: Map<string, DeclaredKey>): { label?: string; position?: { x: number; y: number } } {
  for (const data of children(node, 'data')) {
    if (keys.get(attribute(data, 'key') ?? '')?.yFilesType !== 'nodegraphics') continue;
    const geometry = findDescendant(data, 'Geometry');
    const label = findDescendant(data, 'NodeLabel');
    const x = Number(attribute(geometry, 'x'));
    const y = Number(attribute(geometry, 'y'));
    const width = Number(attribute(geometry, 'width') ?? 0);
    const height = Number(attribute(geometry, 'height') ?? 0);
    return {
      label: label ? textOf(label).trim() || undefined : undefined,
      // yEd gives the top-left corner; Schakel positions are centres.
      position: geometry && Number.isFinite(x) && Number.isFinite(y) ? { x: x + width / 2, y: y + height / 2 } : undefined,
    };
  }
  return {};
}

function yedEdgeLabel(edge: XmlElement, keys: Map<string, DeclaredKey>): string | undefined {
  for (const data of children(edge, 'data')) {
    if (keys.get(attribute(data, 'key') ?? '')?.yFilesType !== 'edgegraphics') continue;
    const label = findDescendant(data, 'EdgeLabel');
    if (label) return textOf(label).trim() || undefined;
  }
  return undefined;
}

function findDescendant(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  const direct = firstChild(element, name);
  if (direct) return direct;
  for (const key of Object.keys(element)) {
    if (key === '@' || key === '#text') continue;
    const value = element[key];
    if (!Array.isArray(value)) continue;
    for (const child of value) {
      const found = findDescendant(child, name);
      if (found) return found;
    }
  }
  return undefined;
}
