// i2 Analyst's Notebook exchange (ANX) XML. Writing: a Chart with the EU 4x4 grading and handling
// codes as i2's three grade lists, Schakel types as i2 entity and link types, provenance as source
// reference/type and attributes; items sorted by id so the same chart gives the same bytes. Reading: a
// file written by Schakel comes back exactly; a foreign chart is mapped by its icon and link types.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import {
  COUNTRIES,
  HANDLING_CODES,
  INFORMATION_RELIABILITY,
  SOURCE_RELIABILITY,
  type EntityType,
  type PropertyValue,
  type RelationshipType,
} from '../contract/model';
import { finishImportedChart, type ImportedChart } from './chart-import';
import { isHypothesis, linkColour, linkTypeLabel, linkWidth } from '../shared-values/chart-style';
import { NO_WITHHELD_MARKERS, type WithheldMarkers } from './disclosure';
import { ExportError } from './errors';
import { collectPropertyValues, compareText, decodeValue, encodeValue, encodingFor, type PropertyEncoding } from './property-values';
import {
  GENERIC_ENTITY_TYPE,
  GENERIC_LINK_TYPE,
  I2_ICON_TYPES,
  IMPORTED_TYPE_PROPERTY,
  ImportNotices,
  matchEntityType,
  matchRelationshipType,
} from './type-mapping';
import { attribute, children, firstChild, parseUntrustedXml, type XmlElement } from './xml-read';
import { xmlAttributes } from './xml-text';

const SCHAKEL_FORMAT_MARK = 'schakel-chart';
const FORMAT_PROPERTY = 'Schakel format';
const CHART_ID_PROPERTY = 'Schakel chart id';
const CHART_STATE_PROPERTY = 'Schakel chart state';
const JSON_ATTRIBUTES_PROPERTY = 'Schakel JSON attributes';

/** Schakel fields that i2 has no place for travel as attributes under these reserved names. */
const FIELD = {
  linkId: 'schakel.id',
  caseId: 'schakel.caseId',
  country: 'schakel.country',
  subtitle: 'schakel.subtitle',
  at: 'schakel.at',
  from: 'schakel.from',
  until: 'schakel.until',
  count: 'schakel.count',
  pinned: 'schakel.pinned',
  hidden: 'schakel.hidden',
  /** On the grey markers of withheld items only: the handling code they were withheld under. */
  withheld: 'schakel.withheld',
} as const;
const WITHHELD_TYPE = 'Withheld';
const WITHHELD_COLOUR = '#9CA3AF';
const RESERVED_NAMES = new Set<string>(Object.values(FIELD));

/** i2's three grade lists carry the EU 4x4 grading and the handling code. */
const GRADE_ONE = SOURCE_RELIABILITY.map((code) => ({ code, text: `${code} - ${{ A: 'no doubt', B: 'reliable in most instances', C: 'unreliable in most instances', X: 'cannot be assessed' }[code]}` }));
const GRADE_TWO = INFORMATION_RELIABILITY.map((code) => ({
  code,
  text: `${code} - ${{ '1': 'accuracy not in doubt', '2': 'known personally to the source', '3': 'corroborated', '4': 'cannot be corroborated' }[code]}`,
}));
const GRADE_THREE = HANDLING_CODES.map((code) => ({
  code,
  text: `${code} - ${{ H0: 'crime prevention and fighting only', H1: 'no judicial disclosure without permission', H2: 'no dissemination without permission', H3: 'other restrictions' }[code]}`,
}));

type AttributeType = 'AttText' | 'AttNumber' | 'AttFlag';

interface AttributeClass {
  id: string;
  name: string;
  type: AttributeType;
  encoding: PropertyEncoding;
}

/** i2 stores colours as Windows COLORREF integers (0x00BBGGRR). */
function colourRef(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  return ((value & 0xff) << 16) | (value & 0xff00) | ((value >> 16) & 0xff);
}

/** i2's DateTime has no zone: written in UTC, the exact ISO text travels as an attribute too. */
function i2DateTime(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 19);
}

/** Withheld items are marked in place: grey items carrying only their handling code (attribute schakel.withheld). */
export function writeAnx(chart: ChartDocument, markers: WithheldMarkers = NO_WITHHELD_MARKERS): string {
  const entities = [...chart.entities].sort((a, b) => compareText(a.id, b.id));
  const links = [...chart.links].sort((a, b) => compareText(a.id, b.id));
  const hasMarkers = markers.entities.length + markers.links.length > 0;
  const attributeClasses = declareAttributeClasses(entities, links, hasMarkers);
  const entityTypes = [...new Set(entities.map((entity) => entity.type))].sort(compareText);
  const linkTypes = [...new Set(links.map((link) => link.type))].sort(compareText);
  const entityNumbers = new Map(entities.map((entity, index) => [entity.id, index + 1]));
  const jsonAttributes = [...attributeClasses.values()].filter((item) => item.encoding === 'json').map((item) => item.name);
  const { entities: _entities, links: _links, ...chartState } = chart;

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<Chart IdReferenceLinking="false" Rigorous="true">'];
  out.push('  <StrengthCollection>');
  out.push('    <Strength Id="S1" Name="Default" DotStyle="DotStyleSolid"/>');
  out.push('    <Strength Id="S2" Name="Unconfirmed" DotStyle="DotStyleDashed"/>');
  out.push('  </StrengthCollection>');
  for (const [tag, grades, prefix] of [['GradeOne', GRADE_ONE, 'G1'], ['GradeTwo', GRADE_TWO, 'G2'], ['GradeThree', GRADE_THREE, 'G3']] as const) {
    out.push(`  <${tag}>`, '    <StringCollection>');
    grades.forEach((grade, index) => out.push(`      <String${xmlAttributes([['Id', `${prefix}-${index}`], ['Text', grade.text]])}/>`));
    out.push('    </StringCollection>', `  </${tag}>`);
  }
  if (attributeClasses.size > 0) {
    out.push('  <AttributeClassCollection>');
    for (const item of attributeClasses.values()) {
      out.push(`    <AttributeClass${xmlAttributes([['Id', item.id], ['Name', item.name], ['Type', item.type], ['IsUser', 'true'], ['UserCanAdd', 'true'], ['UserCanRemove', 'true']])}/>`);
    }
    out.push('  </AttributeClassCollection>');
  }
  if (entityTypes.length > 0 || markers.entities.length > 0) {
    out.push('  <EntityTypeCollection>');
    for (const type of entityTypes) {
      out.push(`    <EntityType${xmlAttributes([['Id', `ET-${type}`], ['Name', I2_ICON_TYPES[type]], ['PreferredRepresentation', 'RepresentAsIcon']])}/>`);
    }
    if (markers.entities.length > 0) out.push(`    <EntityType${xmlAttributes([['Id', `ET-${WITHHELD_TYPE}`], ['Name', WITHHELD_TYPE], ['PreferredRepresentation', 'RepresentAsIcon']])}/>`);
    out.push('  </EntityTypeCollection>');
  }
  if (linkTypes.length > 0 || markers.links.length > 0) {
    out.push('  <LinkTypeCollection>');
    for (const type of linkTypes) out.push(`    <LinkType${xmlAttributes([['Id', `LT-${type}`], ['Name', type], ['Colour', colourRef(linkColour(type))]])}/>`);
    if (markers.links.length > 0) out.push(`    <LinkType${xmlAttributes([['Id', `LT-${WITHHELD_TYPE}`], ['Name', WITHHELD_TYPE], ['Colour', colourRef(WITHHELD_COLOUR)]])}/>`);
    out.push('  </LinkTypeCollection>');
  }
  out.push('  <Summary>', '    <FieldCollection>');
  out.push(`      <Field${xmlAttributes([['Type', 'SummaryFieldTitle'], ['Field', chart.title]])}/>`);
  if (chart.createdBy) out.push(`      <Field${xmlAttributes([['Type', 'SummaryFieldAuthor'], ['Field', chart.createdBy]])}/>`);
  out.push('    </FieldCollection>', '    <CustomPropertyCollection>');
  const customProperties: [string, string][] = [
    [FORMAT_PROPERTY, SCHAKEL_FORMAT_MARK],
    [CHART_ID_PROPERTY, chart.id],
    [CHART_STATE_PROPERTY, JSON.stringify(sortedObject(chartState))],
    [JSON_ATTRIBUTES_PROPERTY, JSON.stringify(jsonAttributes)],
  ];
  for (const [name, value] of customProperties) out.push(`      <CustomProperty${xmlAttributes([['Name', name], ['Type', 'String'], ['Value', value]])}/>`);
  out.push('    </CustomPropertyCollection>', '  </Summary>');

  out.push('  <ChartItemCollection>');
  entities.forEach((entity, index) => out.push(...entityItem(entity, index + 1, attributeClasses)));
  markers.entities.forEach((placeholder, index) => {
    entityNumbers.set(placeholder.id, entities.length + index + 1);
    out.push(...withheldEntityItem(placeholder, entities.length + index + 1, attributeClasses));
  });
  links.forEach((link, index) => out.push(...linkItem(link, index + 1, entityNumbers, attributeClasses)));
  markers.links.forEach((marker, index) => out.push(...withheldLinkItem(marker, index + 1, entityNumbers, attributeClasses)));
  out.push('  </ChartItemCollection>', '</Chart>', '');
  return out.join('\n');
}

function sortedObject(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().filter((key) => value[key] !== undefined).map((key) => [key, value[key]]));
}

function declareAttributeClasses(entities: ChartEntity[], links: ChartLink[], hasMarkers: boolean): Map<string, AttributeClass> {
  const classes = new Map<string, AttributeClass>();
  const add = (name: string, encoding: PropertyEncoding) => {
    if (classes.has(name)) return;
    const type: AttributeType = encoding === 'number' ? 'AttNumber' : encoding === 'boolean' ? 'AttFlag' : 'AttText';
    classes.set(name, { id: `AC${classes.size + 1}`, name, type, encoding });
  };
  const reserved: [string, PropertyEncoding, boolean][] = [
    [FIELD.linkId, 'string', links.length > 0],
    [FIELD.caseId, 'string', [...entities, ...links].some((item) => item.caseId !== undefined)],
    [FIELD.country, 'string', [...entities, ...links].some((item) => item.country !== undefined)],
    [FIELD.subtitle, 'string', entities.some((item) => item.subtitle !== undefined)],
    [FIELD.at, 'string', links.some((item) => item.at !== undefined)],
    [FIELD.from, 'string', links.some((item) => item.from !== undefined)],
    [FIELD.until, 'string', links.some((item) => item.until !== undefined)],
    [FIELD.count, 'number', links.some((item) => item.count !== undefined)],
    [FIELD.pinned, 'boolean', entities.some((item) => item.pinned)],
    [FIELD.hidden, 'boolean', [...entities, ...links].some((item) => item.hidden)],
    [FIELD.withheld, 'string', hasMarkers],
  ];
  for (const [name, encoding, used] of reserved) if (used) add(name, encoding);
  // One class per property name across entities and links: i2 gives a class a single type.
  for (const [name, values] of collectPropertyValues([...entities, ...links])) {
    if (RESERVED_NAMES.has(name) || values.every((value) => value === null)) continue;
    add(name, encodingFor(values));
  }
  return classes;
}

function gradeAttributes(item: ChartEntity | ChartLink): [string, string | number | undefined][] {
  const index = (list: { code: string }[], code: string | undefined) => {
    const found = code === undefined ? -1 : list.findIndex((grade) => grade.code === code);
    return found === -1 ? undefined : found;
  };
  return [
    ['SourceReference', item.sourceId],
    ['SourceType', item.agency],
    ['GradeOneIndex', index(GRADE_ONE, item.sourceReliability)],
    ['GradeTwoIndex', index(GRADE_TWO, item.informationReliability)],
    ['GradeThreeIndex', index(GRADE_THREE, item.handling)],
  ];
}

function attributeLines(values: [string, PropertyValue | undefined][], classes: Map<string, AttributeClass>): string[] {
  const lines: string[] = [];
  for (const [name, value] of values) {
    if (value === undefined || value === null) continue;
    const item = classes.get(name);
    if (!item) continue;
    lines.push(`        <Attribute${xmlAttributes([['AttributeClass', item.name], ['AttributeClassReference', item.id], ['Value', encodeValue(value, item.encoding)]])}/>`);
  }
  return lines.length > 0 ? ['      <AttributeCollection>', ...lines, '      </AttributeCollection>'] : [];
}

function propertyPairs(properties: Record<string, PropertyValue>): [string, PropertyValue][] {
  return Object.keys(properties)
    .filter((name) => !RESERVED_NAMES.has(name))
    .sort(compareText)
    .map((name) => [name, properties[name]]);
}

function entityItem(entity: ChartEntity, number: number, classes: Map<string, AttributeClass>): string[] {
  const x = Math.round(entity.position?.x ?? 0);
  const y = Math.round(entity.position?.y ?? 0);
  return [
    `    <ChartItem${xmlAttributes([['Id', `E${number}`], ['Label', entity.label], ...gradeAttributes(entity), ['XPosition', x]])}>`,
    `      <End${xmlAttributes([['X', x], ['Y', y], ['Z', 0]])}>`,
    `        <Entity${xmlAttributes([['EntityId', number], ['Identity', entity.id], ['LabelIsIdentity', entity.label === entity.id]])}>`,
    `          <Icon><IconStyle${xmlAttributes([['Type', I2_ICON_TYPES[entity.type]], ['EntityTypeReference', `ET-${entity.type}`]])}/></Icon>`,
    '        </Entity>',
    '      </End>',
    ...attributeLines(
      [
        [FIELD.caseId, entity.caseId],
        [FIELD.country, entity.country],
        [FIELD.subtitle, entity.subtitle],
        [FIELD.pinned, entity.pinned || undefined],
        [FIELD.hidden, entity.hidden || undefined],
        ...propertyPairs(entity.properties),
      ],
      classes,
    ),
    '    </ChartItem>',
  ];
}

function linkItem(link: ChartLink, number: number, entityNumbers: Map<string, number>, classes: Map<string, AttributeClass>): string[] {
  const dateTime = link.at ? i2DateTime(link.at) : undefined;
  const label = link.count !== undefined ? `${linkTypeLabel(link.type)} (${link.count})` : linkTypeLabel(link.type);
  return [
    `    <ChartItem${xmlAttributes([
      ['Id', `L${number}`],
      ['Label', label],
      ...gradeAttributes(link),
      ['DateSet', dateTime ? 'true' : undefined],
      ['TimeSet', dateTime ? 'true' : undefined],
      ['DateTime', dateTime],
    ])}>`,
    `      <Link${xmlAttributes([['End1Id', entityNumbers.get(link.source)], ['End2Id', entityNumbers.get(link.target)]])}>`,
    `        <LinkStyle${xmlAttributes([
      ['Type', link.type],
      ['LinkTypeReference', `LT-${link.type}`],
      ['Strength', isHypothesis(link) ? 'Unconfirmed' : 'Default'],
      ['ArrowStyle', 'ArrowOnHead'],
      ['LineWidth', Math.max(1, Math.round(linkWidth(link)))],
      ['LineColour', colourRef(linkColour(link.type))],
    ])}/>`,
    '      </Link>',
    ...attributeLines(
      [
        [FIELD.linkId, link.id],
        [FIELD.caseId, link.caseId],
        [FIELD.country, link.country],
        [FIELD.at, link.at],
        [FIELD.from, link.from],
        [FIELD.until, link.until],
        [FIELD.count, link.count],
        [FIELD.hidden, link.hidden || undefined],
        ...propertyPairs(link.properties),
      ],
      classes,
    ),
    '    </ChartItem>',
  ];
}

function handlingIndex(code: string): number | undefined {
  const found = GRADE_THREE.findIndex((grade) => grade.code === code);
  return found === -1 ? undefined : found;
}

function withheldEntityItem(placeholder: WithheldMarkers['entities'][number], number: number, classes: Map<string, AttributeClass>): string[] {
  const x = Math.round(placeholder.position?.x ?? 0);
  const y = Math.round(placeholder.position?.y ?? 0);
  return [
    `    <ChartItem${xmlAttributes([['Id', `W${number}`], ['Label', `withheld (${placeholder.handling})`], ['GradeThreeIndex', handlingIndex(placeholder.handling)], ['XPosition', x]])}>`,
    `      <End${xmlAttributes([['X', x], ['Y', y], ['Z', 0]])}>`,
    `        <Entity${xmlAttributes([['EntityId', number], ['Identity', placeholder.id], ['LabelIsIdentity', false]])}>`,
    `          <Icon><IconStyle${xmlAttributes([['Type', WITHHELD_TYPE], ['EntityTypeReference', `ET-${WITHHELD_TYPE}`]])}/></Icon>`,
    '        </Entity>',
    '      </End>',
    ...attributeLines([[FIELD.withheld, placeholder.handling]], classes),
    '    </ChartItem>',
  ];
}

function withheldLinkItem(marker: WithheldMarkers['links'][number], number: number, entityNumbers: Map<string, number>, classes: Map<string, AttributeClass>): string[] {
  return [
    `    <ChartItem${xmlAttributes([['Id', `WL${number}`], ['Label', `withheld under ${marker.handling}`], ['GradeThreeIndex', handlingIndex(marker.handling)]])}>`,
    `      <Link${xmlAttributes([['End1Id', entityNumbers.get(marker.source)], ['End2Id', entityNumbers.get(marker.target)]])}>`,
    `        <LinkStyle${xmlAttributes([
      ['Type', WITHHELD_TYPE],
      ['LinkTypeReference', `LT-${WITHHELD_TYPE}`],
      ['Strength', 'Unconfirmed'],
      ['ArrowStyle', 'ArrowNone'],
      ['LineWidth', 1],
      ['LineColour', colourRef(WITHHELD_COLOUR)],
    ])}/>`,
    '      </Link>',
    ...attributeLines([[FIELD.withheld, marker.handling]], classes),
    '    </ChartItem>',
  ];
}

// ---------------------------------------------------------------------------------------------------
// Reading

type Draft = Omit<ChartDocument, 'format' | 'version'>;

interface ReadContext {
  notices: ImportNotices;
  isSchakelFile: boolean;
  jsonAttributes: Set<string>;
  attributeClasses: Map<string, { name: string; type: string }>;
  grades: { one: string[]; two: string[]; three: string[] };
}

export function readAnx(input: string | Uint8Array): ImportedChart {
  const root = parseUntrustedXml(input, { formatName: 'i2 ANX' });
  const chartElement = firstChild(root, 'Chart');
  if (!chartElement) {
    throw new ExportError('MALFORMED_FILE', 'This file is XML but not an i2 ANX chart (it has no <Chart> root element).', 'In Analyst\'s Notebook, use File > Save As > ANX, then import that file.');
  }
  const customProperties = new Map<string, string>();
  for (const property of children(firstChild(firstChild(chartElement, 'Summary'), 'CustomPropertyCollection'), 'CustomProperty')) {
    const name = attribute(property, 'Name');
    if (name) customProperties.set(name, attribute(property, 'Value') ?? '');
  }
  const context: ReadContext = {
    notices: new ImportNotices(),
    isSchakelFile: customProperties.get(FORMAT_PROPERTY) === SCHAKEL_FORMAT_MARK,
    jsonAttributes: new Set(parseJsonList(customProperties.get(JSON_ATTRIBUTES_PROPERTY))),
    attributeClasses: new Map(),
    grades: {
      one: gradeTexts(chartElement, 'GradeOne'),
      two: gradeTexts(chartElement, 'GradeTwo'),
      three: gradeTexts(chartElement, 'GradeThree'),
    },
  };
  for (const item of children(firstChild(chartElement, 'AttributeClassCollection'), 'AttributeClass')) {
    const id = attribute(item, 'Id');
    const name = attribute(item, 'Name');
    if (id && name) context.attributeClasses.set(id, { name, type: attribute(item, 'Type') ?? 'AttText' });
  }
  const title = children(firstChild(firstChild(chartElement, 'Summary'), 'FieldCollection'), 'Field').find((field) => attribute(field, 'Type') === 'SummaryFieldTitle');
  const draft: Draft = {
    id: customProperties.get(CHART_ID_PROPERTY) || 'imported-anx',
    title: attribute(title, 'Field') ?? 'Imported i2 chart',
    entities: [],
    links: [],
  };
  if (context.isSchakelFile) Object.assign(draft, readChartState(customProperties.get(CHART_STATE_PROPERTY), context.notices));

  const allItems = children(firstChild(chartElement, 'ChartItemCollection'), 'ChartItem');
  // Withheld markers of a Schakel export say where something was left out; they are not data to import.
  const items = context.isSchakelFile ? allItems.filter((item) => !readAttributes(item, context).has(FIELD.withheld)) : allItems;
  context.notices.skippedWithheldMarkers(allItems.length - items.length);
  const identityByEntityId = new Map<string, string>();
  for (const item of items) {
    const entityElement = firstChild(firstChild(item, 'End'), 'Entity');
    if (!entityElement) continue;
    const entity = readEntity(item, entityElement, context);
    const entityId = attribute(entityElement, 'EntityId');
    if (entityId) identityByEntityId.set(entityId, entity.id);
    draft.entities.push(entity);
  }
  let linkNumber = 0;
  for (const item of items) {
    const linkElement = firstChild(item, 'Link');
    if (!linkElement) continue;
    linkNumber++;
    draft.links.push(readLink(item, linkElement, identityByEntityId, context, linkNumber));
  }
  return finishImportedChart(draft, context.notices, 'i2 ANX');
}

function parseJsonList(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function readChartState(text: string | undefined, notices: ImportNotices): Partial<Draft> {
  if (!text) return {};
  try {
    const state = JSON.parse(text) as Partial<Draft>;
    const { id: _id, entities: _entities, links: _links, ...rest } = state as Record<string, unknown>;
    return rest as Partial<Draft>;
  } catch {
    notices.add('The chart settings stored in this file could not be read; the elements were imported without them.');
    return {};
  }
}

function gradeTexts(chartElement: XmlElement, tag: string): string[] {
  return children(firstChild(firstChild(chartElement, tag), 'StringCollection'), 'String').map((item) => attribute(item, 'Text') ?? '');
}

/** A grade's code from i2's grade text ("B - reliable…" → "B"), when it is one Schakel knows. */
function gradeCode<T extends string>(texts: string[], index: string | undefined, codes: readonly T[]): T | undefined {
  if (index === undefined) return undefined;
  const text = texts[Number(index)];
  const code = text?.trim().split(/[\s\-–:]/)[0]?.toUpperCase();
  return (codes as readonly string[]).includes(code ?? '') ? (code as T) : undefined;
}

function readProvenance(item: XmlElement, context: ReadContext) {
  const provenance = {
    sourceId: attribute(item, 'SourceReference') || undefined,
    agency: attribute(item, 'SourceType') || undefined,
    sourceReliability: gradeCode(context.grades.one, attribute(item, 'GradeOneIndex'), SOURCE_RELIABILITY),
    informationReliability: gradeCode(context.grades.two, attribute(item, 'GradeTwoIndex'), INFORMATION_RELIABILITY),
    handling: gradeCode(context.grades.three, attribute(item, 'GradeThreeIndex'), HANDLING_CODES),
  };
  return Object.fromEntries(Object.entries(provenance).filter(([, value]) => value !== undefined));
}

/** The item's attributes as name → value, decoded by their class type. */
function readAttributes(item: XmlElement, context: ReadContext): Map<string, PropertyValue> {
  const values = new Map<string, PropertyValue>();
  for (const element of children(firstChild(item, 'AttributeCollection'), 'Attribute')) {
    const reference = attribute(element, 'AttributeClassReference');
    const declared = reference ? context.attributeClasses.get(reference) : undefined;
    const name = attribute(element, 'AttributeClass') ?? declared?.name;
    if (!name) continue;
    const text = attribute(element, 'Value') ?? '';
    const type = declared?.type ?? 'AttText';
    const encoding: PropertyEncoding = context.jsonAttributes.has(name) ? 'json' : type === 'AttNumber' ? 'number' : type === 'AttFlag' ? 'boolean' : 'string';
    values.set(name, decodeValue(text, encoding));
  }
  return values;
}

function takeString(values: Map<string, PropertyValue>, name: string): string | undefined {
  const value = values.get(name);
  values.delete(name);
  return value === undefined || value === null ? undefined : String(value);
}

function entityTypeName(entityElement: XmlElement): string | undefined {
  for (const [container, style] of [['Icon', 'IconStyle'], ['Box', 'BoxStyle'], ['Circle', 'CircleStyle'], ['Theme', 'ThemeStyle'], ['Event', 'EventStyle'], ['TextBlock', 'TextBlockStyle']]) {
    const type = attribute(firstChild(firstChild(entityElement, container), style), 'Type');
    if (type) return type;
  }
  return undefined;
}

function readEntity(item: XmlElement, entityElement: XmlElement, context: ReadContext): ChartEntity {
  const id = attribute(entityElement, 'Identity') || `anx-entity-${attribute(entityElement, 'EntityId') ?? ''}`;
  const values = readAttributes(item, context);
  const typeName = entityTypeName(entityElement);
  let type: EntityType | undefined = matchEntityType(typeName);
  if (!type) {
    type = GENERIC_ENTITY_TYPE;
    context.notices.unknownEntityType(typeName ?? '(no type)');
    values.set(IMPORTED_TYPE_PROPERTY, typeName ?? '');
  }
  const end = firstChild(item, 'End');
  const x = Number(attribute(end, 'X') ?? attribute(item, 'XPosition'));
  const y = Number(attribute(end, 'Y'));
  const caseId = takeString(values, FIELD.caseId);
  const country = takeString(values, FIELD.country);
  const subtitle = takeString(values, FIELD.subtitle);
  const pinned = takeString(values, FIELD.pinned) === 'true';
  const hidden = takeString(values, FIELD.hidden) === 'true';
  return {
    id,
    type,
    label: attribute(item, 'Label') ?? id,
    ...(subtitle !== undefined ? { subtitle } : {}),
    ...readProvenance(item, context),
    ...(caseId !== undefined ? { caseId } : {}),
    ...(country && (COUNTRIES as readonly string[]).includes(country) ? { country: country as 'NL' | 'BE' } : {}),
    properties: Object.fromEntries(values),
    ...(Number.isFinite(x) && Number.isFinite(y) ? { position: { x, y } } : {}),
    ...(pinned ? { pinned } : {}),
    ...(hidden ? { hidden } : {}),
  };
}

function readLink(item: XmlElement, linkElement: XmlElement, identityByEntityId: Map<string, string>, context: ReadContext, number: number): ChartLink {
  const values = readAttributes(item, context);
  const style = firstChild(linkElement, 'LinkStyle');
  const typeName = attribute(style, 'Type');
  let type: RelationshipType | undefined = matchRelationshipType(typeName);
  if (!type) {
    type = GENERIC_LINK_TYPE;
    context.notices.unknownLinkType(typeName ?? '(no type)');
    values.set(IMPORTED_TYPE_PROPERTY, typeName ?? '');
  }
  let source = identityByEntityId.get(attribute(linkElement, 'End1Id') ?? '') ?? '';
  let target = identityByEntityId.get(attribute(linkElement, 'End2Id') ?? '') ?? '';
  // i2 draws the arrow where the relationship points; Schakel links always run source → target.
  if (attribute(style, 'ArrowStyle') === 'ArrowOnTail') [source, target] = [target, source];
  const id = takeString(values, FIELD.linkId) ?? `anx-link-${attribute(item, 'Id') ?? number}`;
  const caseId = takeString(values, FIELD.caseId);
  const country = takeString(values, FIELD.country);
  const dateTime = attribute(item, 'DateSet') === 'true' ? attribute(item, 'DateTime') : undefined;
  const at = takeString(values, FIELD.at) ?? (dateTime && !context.isSchakelFile ? dateTime : undefined);
  const from = takeString(values, FIELD.from);
  const until = takeString(values, FIELD.until);
  const countText = takeString(values, FIELD.count);
  const hidden = takeString(values, FIELD.hidden) === 'true';
  return {
    id,
    type,
    source,
    target,
    ...(at !== undefined ? { at } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(countText !== undefined && Number.isFinite(Number(countText)) ? { count: Number(countText) } : {}),
    ...readProvenance(item, context),
    ...(caseId !== undefined ? { caseId } : {}),
    ...(country && (COUNTRIES as readonly string[]).includes(country) ? { country: country as 'NL' | 'BE' } : {}),
    properties: Object.fromEntries(values),
    ...(hidden ? { hidden } : {}),
  };
}
