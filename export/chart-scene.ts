// The chart as geometry, computed once from the ChartDocument and drawn by both the SVG and the PDF
// renderer (and the PNG, rasterised from the SVG), so they show exactly the same picture. Units are chart
// (Cytoscape model) pixels. Withheld items appear as grey placeholders and dotted links in place.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import { COUNTRIES, ENTITY_TYPES, RELATIONSHIP_TYPES, type Country, type EntityType, type RelationshipType } from '../contract/model';
import {
  COUNTRY_COLOURS,
  ENTITY_TYPE_STYLES,
  ARROW_SCALE,
  COUNTRY_RING_WIDTH,
  NO_VALUE_COLOUR,
  arrowHead,
  caseColours,
  entityFill,
  isHypothesis,
  linkColour,
  linkWidth,
  NODE_SIZE,
  type ShapeName,
} from '../shared-values/chart-style';
import { outlineDistance } from '../shared-values/node-shapes';
import { NO_WITHHELD_MARKERS, type WithheldMarkers } from './disclosure';
import { exportText, type ExportText } from './export-text';
import { compareText } from './property-values';

const NODE_RADIUS = NODE_SIZE / 2;
const MAX_LABEL_CHARACTERS = 40;
const UNPLACED_SPACING = 90;
/** Average advance of a 10 px DejaVu Sans character, for estimating label extents. */
const LABEL_CHARACTER_WIDTH = 6.2;
const OUTLINE_COLOUR = '#1F2937';
/** Withheld placeholders and links: grey and dotted, so they read as "something is here, not shown". */
export const WITHHELD_COLOUR = '#9CA3AF';
export const WITHHELD_FILL = '#F3F4F6';
export const WITHHELD_DASH = [2, 3] as const;

/** A node's figure: the screen's Cytoscape shape of `size` centred on (cx, cy) (shared-values/node-shapes.ts draws it). */
export interface SceneShape {
  name: ShapeName;
  cx: number;
  cy: number;
  size: number;
}

export interface SceneNode {
  id: string;
  /** Undefined for a withheld placeholder, which shows no type. */
  type?: EntityType;
  label: string;
  x: number;
  y: number;
  shape: SceneShape;
  fill: string;
  /** Ring in the country colour when the fill means something else, so origin always shows. */
  stroke: string;
  /** Half the estimated label width, to keep long labels inside the drawing's bounds. */
  labelHalfWidth: number;
  labelY: number;
  /** The handling code a placeholder stands for. */
  withheld?: string;
  /** The flag on the node's top-right corner, as on screen. */
  badge?: Country;
}

export interface SceneLink {
  id: string;
  /** Undefined for a withheld link. */
  type?: RelationshipType;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  colour: string;
  dashed: boolean;
  /** Arrowhead triangle at the target end (none for withheld links). */
  arrow: [number, number][];
  /** Withheld links: the handling code. */
  withheld?: string;
  /** The words along the link, as the screen writes them: its type ("member of", "called ×4") or "withheld under H2". */
  label?: string;
  labelX: number;
  labelY: number;
  /** The label's rotation in degrees, along the line and never upside down (Cytoscape's 'autorotate'). */
  labelAngle: number;
}

export interface LegendItem {
  label: string;
  count: number;
}
export interface EntityLegendItem extends LegendItem {
  type: EntityType;
  shape: ShapeName;
  fill: string;
}
export interface CountryLegendItem extends LegendItem {
  country: Country | 'none';
  colour: string;
}
export interface LinkLegendItem extends LegendItem {
  type: RelationshipType;
  colour: string;
  dashed: boolean;
}

export interface ChartLegend {
  colourBy: 'country' | 'type' | 'case';
  entityTypes: EntityLegendItem[];
  countries: CountryLegendItem[];
  linkTypes: LinkLegendItem[];
  /** True when some link carries a count (line width then means "number of contacts"). */
  widthByCount: boolean;
  /** Withheld placeholders and links drawn on the chart. */
  withheldCount: number;
  /** Headings and labels in the export's language. */
  text: ExportText;
}

export interface ChartScene {
  nodes: SceneNode[];
  links: SceneLink[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
  legend: ChartLegend;
  /** Entities without a stored position, placed on a grid below the chart. */
  unplacedCount: number;
  withheldCount: number;
}

/** An entity's place and figure, for ending links at its outline. */
interface PlacedEntity {
  x: number;
  y: number;
  shape: ShapeName;
  /** The width of its ring (Cytoscape centres a border on the outline). */
  border: number;
}

export interface SceneOptions {
  text?: ExportText;
  markers?: WithheldMarkers;
  /**
   * Each case's colour, decided over the whole chart before a selection or withheld items were left out
   * (shared-values caseColours), so colouring by case matches the screen. Defaults to the cases of `chart`.
   */
  caseColours?: ReadonlyMap<string, string>;
}

/** Label as drawn: one line, shortened with an ellipsis; the full text is in the appendix. */
export function drawnLabel(label: string): string {
  const singleLine = label.replace(/\s+/g, ' ').trim();
  const characters = Array.from(singleLine);
  return characters.length > MAX_LABEL_CHARACTERS ? `${characters.slice(0, MAX_LABEL_CHARACTERS - 1).join('')}…` : singleLine;
}

export function buildChartScene(chart: ChartDocument, options: SceneOptions = {}): ChartScene {
  const text = options.text ?? exportText('en');
  const markers = options.markers ?? NO_WITHHELD_MARKERS;
  const entities = [...chart.entities].sort((a, b) => compareText(a.id, b.id));
  // As on screen: colour by type unless the chart says otherwise (community colours are not in the document).
  const colourBy = chart.style?.colourBy === 'country' || chart.style?.colourBy === 'case' ? chart.style.colourBy : 'type';
  const cases = options.caseColours ?? caseColours(chart.entities.map((entity) => entity.caseId));
  const positions = placeEntities([...entities, ...markers.entities]);
  const nodes: SceneNode[] = entities.map((entity) => {
    const { x, y } = positions.get(entity.id)!;
    return {
      id: entity.id,
      type: entity.type,
      label: drawnLabel(entity.label),
      x,
      y,
      shape: shapeGeometry(ENTITY_TYPE_STYLES[entity.type].shape, x, y, NODE_RADIUS),
      fill: entityFill(entity, colourBy, cases),
      stroke: colourBy === 'country' ? OUTLINE_COLOUR : entity.country ? COUNTRY_COLOURS[entity.country] : NO_VALUE_COLOUR,
      labelY: y + NODE_RADIUS + 11,
      labelHalfWidth: (Array.from(drawnLabel(entity.label)).length * LABEL_CHARACTER_WIDTH) / 2,
      ...(entity.country ? { badge: entity.country } : {}),
    };
  });
  for (const placeholder of markers.entities) {
    const { x, y } = positions.get(placeholder.id)!;
    const label = text.format(text.t.withheld.entity, { code: placeholder.handling });
    nodes.push({
      id: placeholder.id,
      label,
      x,
      y,
      shape: shapeGeometry('ellipse', x, y, NODE_RADIUS),
      fill: WITHHELD_FILL,
      stroke: WITHHELD_COLOUR,
      labelY: y + NODE_RADIUS + 11,
      labelHalfWidth: (Array.from(label).length * LABEL_CHARACTER_WIDTH) / 2,
      withheld: placeholder.handling,
    });
  }
  const placed = new Map<string, PlacedEntity>(
    nodes.map((node) => [node.id, { x: node.x, y: node.y, shape: node.shape.name, border: node.withheld ? 1.5 : node.badge ? COUNTRY_RING_WIDTH : 0 }]),
  );
  const links = [...chart.links]
    .sort((a, b) => compareText(a.id, b.id))
    .flatMap((link) => {
      const from = placed.get(link.source);
      const to = placed.get(link.target);
      return from && to ? [sceneLink(link, from, to, text)] : [];
    });
  for (const marker of markers.links) {
    const from = positions.get(marker.source);
    const to = positions.get(marker.target);
    if (from && to) links.push(withheldSceneLink(marker.id, marker.handling, from, to, text));
  }
  const withheldCount = markers.entities.length + markers.links.length;
  return {
    nodes,
    links,
    bounds: boundsOf(nodes),
    legend: buildLegend(chart, colourBy, text, withheldCount),
    unplacedCount: entities.filter((entity) => !entity.position).length,
    withheldCount,
  };
}

function placeEntities(entities: { id: string; position?: { x: number; y: number } }[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  let minX = 0;
  let maxY = 0;
  let first = true;
  for (const entity of entities) {
    if (!entity.position) continue;
    positions.set(entity.id, entity.position);
    minX = first ? entity.position.x : Math.min(minX, entity.position.x);
    maxY = first ? entity.position.y : Math.max(maxY, entity.position.y);
    first = false;
  }
  const unplaced = entities.filter((entity) => !entity.position);
  const columns = Math.max(1, Math.ceil(Math.sqrt(unplaced.length)));
  const top = first ? 0 : maxY + UNPLACED_SPACING * 1.5;
  unplaced.forEach((entity, index) => {
    positions.set(entity.id, { x: minX + (index % columns) * UNPLACED_SPACING, y: top + Math.floor(index / columns) * UNPLACED_SPACING });
  });
  return positions;
}

/** The figure of a node of radius `r` centred on (cx, cy): the Cytoscape shape the screen draws. */
export function shapeGeometry(shape: ShapeName, cx: number, cy: number, r: number): SceneShape {
  return { name: shape, cx, cy, size: 2 * r };
}

/**
 * A link as Cytoscape draws a straight one: from the source's outline to the target's (each grown by half its
 * border), the arrowhead's tip on the target's outline and the line running on under it.
 */
function sceneLink(link: ChartLink, from: PlacedEntity, to: PlacedEntity, text: ExportText): SceneLink {
  const width = linkWidth(link);
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const fromDistance = outlineDistance(from.shape, ux, uy, NODE_SIZE + from.border);
  const toDistance = outlineDistance(to.shape, -ux, -uy, NODE_SIZE + to.border);
  const tipX = to.x - ux * toDistance;
  const tipY = to.y - uy * toDistance;
  const { length: arrowLength, halfWidth: arrowHalf } = arrowHead(width);
  const baseX = tipX - ux * arrowLength;
  const baseY = tipY - uy * arrowLength;
  const lineGap = width * ARROW_SCALE * 2;
  const x1 = from.x + ux * fromDistance;
  const y1 = from.y + uy * fromDistance;
  const name = text.linkType(link.type);
  return {
    id: link.id,
    type: link.type,
    x1,
    y1,
    x2: tipX - ux * lineGap,
    y2: tipY - uy * lineGap,
    width,
    colour: linkColour(link.type),
    dashed: isHypothesis(link),
    arrow: [
      [tipX, tipY],
      [baseX - uy * arrowHalf, baseY + ux * arrowHalf],
      [baseX + uy * arrowHalf, baseY - ux * arrowHalf],
    ],
    label: link.type === 'CALLED' && typeof link.count === 'number' ? `${name} ×${link.count}` : name,
    labelX: (x1 + tipX) / 2,
    labelY: (y1 + tipY) / 2,
    labelAngle: uprightAngle(dx, dy),
  };
}

function withheldSceneLink(id: string, handling: string, from: { x: number; y: number }, to: { x: number; y: number }, text: ExportText): SceneLink {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  return {
    id,
    x1: from.x + ux * NODE_RADIUS,
    y1: from.y + uy * NODE_RADIUS,
    x2: to.x - ux * NODE_RADIUS,
    y2: to.y - uy * NODE_RADIUS,
    width: 1.5,
    colour: WITHHELD_COLOUR,
    dashed: false,
    arrow: [],
    withheld: handling,
    label: text.format(text.t.withheld.link, { code: handling }),
    labelX: (from.x + to.x) / 2,
    labelY: (from.y + to.y) / 2,
    labelAngle: 0,
  };
}

/** The angle of a line, in degrees, turned to read left to right. */
function uprightAngle(dx: number, dy: number): number {
  return dx === 0 ? 90 : (Math.atan(dy / dx) * 180) / Math.PI;
}

function boundsOf(nodes: SceneNode[]): ChartScene['bounds'] {
  if (nodes.length === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    // Room for the label under the node and its width on both sides.
    const halfWidth = Math.max(NODE_RADIUS + 4, node.labelHalfWidth + 4);
    minX = Math.min(minX, node.x - halfWidth);
    maxX = Math.max(maxX, node.x + halfWidth);
    minY = Math.min(minY, node.y - NODE_RADIUS - 4);
    maxY = Math.max(maxY, node.labelY + 6);
  }
  return { minX, minY, maxX, maxY };
}

function buildLegend(chart: ChartDocument, colourBy: ChartLegend['colourBy'], text: ExportText, withheldCount: number): ChartLegend {
  const typeCounts = countBy(chart.entities, (entity) => entity.type);
  const countryCounts = countBy(chart.entities, (entity) => entity.country ?? 'none');
  const linkCounts = countBy(chart.links, (link) => link.type);
  return {
    colourBy,
    entityTypes: ENTITY_TYPES.filter((type) => typeCounts.has(type)).map((type) => ({
      type,
      label: text.entityType(type),
      count: typeCounts.get(type)!,
      shape: ENTITY_TYPE_STYLES[type].shape,
      fill: colourBy === 'type' ? ENTITY_TYPE_STYLES[type].colour : '#FFFFFF',
    })),
    countries: [...COUNTRIES, 'none' as const]
      .filter((country) => countryCounts.has(country))
      .map((country) => ({
        country,
        label: country === 'none' ? text.t.legend.noCountry : `${text.t.country[country]} (${country})`,
        count: countryCounts.get(country)!,
        colour: country === 'none' ? NO_VALUE_COLOUR : COUNTRY_COLOURS[country],
      })),
    linkTypes: RELATIONSHIP_TYPES.filter((type) => linkCounts.has(type)).map((type) => ({
      type,
      label: text.linkType(type),
      count: linkCounts.get(type)!,
      colour: linkColour(type),
      // Dashed in the legend when links of the type are drawn dashed (hypotheses) on this chart.
      dashed: chart.links.some((link) => link.type === type && isHypothesis(link)),
    })),
    widthByCount: chart.links.some((link) => link.count !== undefined && link.count > 1),
    withheldCount,
    text,
  };
}

function countBy<T, K>(items: T[], key: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
