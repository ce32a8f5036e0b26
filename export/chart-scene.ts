// The chart as geometry, computed once from the ChartDocument and drawn by both the SVG and the PDF
// renderer (and the PNG, rasterised from the SVG), so they show exactly the same picture. Units are chart
// (Cytoscape model) pixels. Withheld items appear as grey placeholders and dotted links in place.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import { COUNTRIES, ENTITY_TYPES, RELATIONSHIP_TYPES, type Country, type EntityType, type RelationshipType } from '../contract/model';
import {
  COUNTRY_COLOURS,
  ENTITY_TYPE_STYLES,
  NO_VALUE_COLOUR,
  caseColours,
  entityFill,
  isHypothesis,
  linkColour,
  linkWidth,
  type ShapeName,
} from '../shared-values/chart-style';
import { NO_WITHHELD_MARKERS, type WithheldMarkers } from './disclosure';
import { exportText, type ExportText } from './export-text';
import { compareText } from './property-values';

export const NODE_SIZE = 34;
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

export type SceneShape =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; radius: number }
  | { kind: 'polygon'; points: [number, number][] };

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
  /** Withheld links: the handling code and the words written along them ("withheld under H2"). */
  withheld?: string;
  label?: string;
  labelX: number;
  labelY: number;
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
  const links = [...chart.links]
    .sort((a, b) => compareText(a.id, b.id))
    .flatMap((link) => {
      const from = positions.get(link.source);
      const to = positions.get(link.target);
      return from && to ? [sceneLink(link, from, to)] : [];
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

/** Regular polygons and boxes approximating the Cytoscape shapes used on screen. */
export function shapeGeometry(shape: ShapeName, cx: number, cy: number, r: number): SceneShape {
  const polygon = (sides: number, rotation: number): SceneShape => ({
    kind: 'polygon',
    points: Array.from({ length: sides }, (_, index) => {
      const angle = rotation + (index * 2 * Math.PI) / sides;
      return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as [number, number];
    }),
  });
  switch (shape) {
    case 'ellipse':
      return { kind: 'circle', cx, cy, r };
    case 'round-rectangle':
      return { kind: 'rect', x: cx - r, y: cy - r * 0.8, width: 2 * r, height: 1.6 * r, radius: r * 0.25 };
    case 'round-hexagon':
      return polygon(6, 0);
    case 'round-octagon':
      return polygon(8, Math.PI / 8);
    case 'round-pentagon':
      return polygon(5, -Math.PI / 2);
    case 'round-diamond':
      return polygon(4, -Math.PI / 2);
    case 'round-tag':
      return {
        kind: 'polygon',
        points: [
          [cx - r, cy - r * 0.7],
          [cx + r * 0.4, cy - r * 0.7],
          [cx + r, cy],
          [cx + r * 0.4, cy + r * 0.7],
          [cx - r, cy + r * 0.7],
        ],
      };
  }
}

function sceneLink(link: ChartLink, from: { x: number; y: number }, to: { x: number; y: number }): SceneLink {
  const width = linkWidth(link);
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  // Lines stop at the node's edge so the arrowhead stays visible.
  const x1 = from.x + ux * NODE_RADIUS;
  const y1 = from.y + uy * NODE_RADIUS;
  const x2 = to.x - ux * (NODE_RADIUS + 1);
  const y2 = to.y - uy * (NODE_RADIUS + 1);
  const arrowLength = 6 + width * 1.5;
  const arrowHalf = 3 + width;
  const baseX = x2 - ux * arrowLength;
  const baseY = y2 - uy * arrowLength;
  return {
    id: link.id,
    type: link.type,
    x1,
    y1,
    x2: baseX,
    y2: baseY,
    width,
    colour: linkColour(link.type),
    dashed: isHypothesis(link),
    arrow: [
      [x2, y2],
      [baseX - uy * arrowHalf, baseY + ux * arrowHalf],
      [baseX + uy * arrowHalf, baseY - ux * arrowHalf],
    ],
    labelX: (from.x + to.x) / 2,
    labelY: (from.y + to.y) / 2,
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
  };
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
