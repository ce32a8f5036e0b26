// The Cytoscape stylesheet, built from the one chart style (shared-values/chart-style.ts) the exports draw with too.
import type { Css, StylesheetJson, StylesheetJsonBlock } from 'cytoscape';
import type { Country, EntityType } from '../../../contract/model';
import { COUNTRY_BADGE_HEIGHT, COUNTRY_BADGE_WIDTH, TYPE_ICON_SHARE, countryBadgeUri, typeIconUri } from '../../../shared-values/chart-icons';
import {
  ARROW_SCALE,
  CHART_FONT_FAMILY,
  COUNTRY_COLOURS,
  COUNTRY_RING_WIDTH,
  CROSS_BORDER_COLOUR,
  DEFAULT_LINK_COLOUR,
  ENTITY_TYPE_STYLES,
  HYPOTHESIS_DASH,
  LINK_COLOURS,
  LINK_LABEL_COLOUR,
  LINK_LABEL_FONT_SIZE,
  LINK_OPACITY,
  NO_VALUE_COLOUR,
  NODE_SIZE,
  SELECTION_COLOUR,
} from '../../../shared-values/chart-style';
import { COUNTRIES, ENTITY_TYPES } from '../../../shared-values/model';
import { pathHighlightStyles } from '../analysis/paths/path-highlight';

/** The type icon's size within its node, as the exports draw it. */
const ICON_PERCENT = `${Math.round(TYPE_ICON_SHARE * 100)}%`;
/** Node labels: font size, widest label before the ellipsis, gap below the node (model px). */
export const NODE_FONT_SIZE = 10;
export const LABEL_MAX_WIDTH = 130;
export const LABEL_MARGIN_Y = 4;
/** Group boxes: padding around the members and the size of their label. */
export const GROUP_PADDING = 14;
export const GROUP_LABEL_FONT_SIZE = 11;
/** Sized nodes ("size by" a centrality, 26–78 px) get labels of 10–15 px. */
const SIZED_FONT = { fromSize: 26, toSize: 78, fromFont: 10, toFont: 15 };

/** The label font size of a node of `size` px (undefined: not sized by a measure). */
export function nodeFontSize(size?: number): number {
  if (size === undefined) return NODE_FONT_SIZE;
  const { fromSize, toSize, fromFont, toFont } = SIZED_FONT;
  const t = Math.min(1, Math.max(0, (size - fromSize) / (toSize - fromSize)));
  return fromFont + t * (toFont - fromFont);
}

/**
 * The exports' font stack, so labels are the same letters on screen and on paper. Cytoscape's font-family
 * parser takes family names in double quotes only (single quotes make it drop the whole property).
 */
const FONT_FAMILY = CHART_FONT_FAMILY.replace(/'/g, '"');
export { CROSS_BORDER_COLOUR };

/**
 * Elements carrying this class are drawn with every detail: label, type icon, country border and badge,
 * arrowhead and link label. Without it (an overview, zoomed out below the point where any of those could be
 * read) a node is its type's shape and colour (or its "colour by" colour, size and highlights), a link its
 * coloured line. The chart controller
 * gives the class to what is in view once the chart is zoomed in far enough, and to everything for an
 * export. Cytoscape computes every style property of every element before the first frame, so the
 * unreadable details left out of an overview are most of the time to a first picture of a big chart.
 */
export const DETAIL_CLASS = 'detail';

/**
 * On a big chart zoomed in only part of the way, entities of low degree carrying this class are drawn
 * without their label, so the labels that remain can be read (controller/label-thinning.ts). A selected
 * entity always shows its label.
 */
export const THIN_LABEL_CLASS = 'label-thin';

export function chartStylesheet(): StylesheetJson {
  return [
    // On an overview a node keeps Cytoscape's default size (30 px, a hair under NODE_SIZE where no one can
    // tell) and gets only its colour and shape: Cytoscape applies every property an element's rules set one
    // by one, so each property left to its default is that much less work before a big chart's first frame.
    { selector: 'node', style: { 'background-color': NO_VALUE_COLOUR } },
    {
      selector: `node.${DETAIL_CLASS}`,
      style: {
        width: NODE_SIZE,
        height: NODE_SIZE,
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': NODE_FONT_SIZE,
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': LABEL_MARGIN_Y,
        'text-wrap': 'ellipsis',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        // A light plate behind labels keeps them legible over lines; below 7 px on screen they are hidden
        // instead of turning into grey noise when zoomed out.
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: `node.${DETAIL_CLASS}.${THIN_LABEL_CLASS}`, style: { label: '' } },
    { selector: `node.${DETAIL_CLASS}.${THIN_LABEL_CLASS}:selected`, style: { label: 'data(label)' } },
    ...ENTITY_TYPES.flatMap((type) => typeRules(type)),
    ...COUNTRIES.flatMap((country) => [
      countryBorderRule(country),
      ...ENTITY_TYPES.map((type) => iconWithBadgeRule(type, country)),
    ]),
    // "Colour by" country/case/community and "size by" a centrality put values in the node's data.
    { selector: 'node[colour]', style: { 'background-color': 'data(colour)' } },
    {
      selector: 'node[size]',
      style: { width: 'data(size)', height: 'data(size)', 'font-size': `mapData(size, ${SIZED_FONT.fromSize}, ${SIZED_FONT.toSize}, ${SIZED_FONT.fromFont}, ${SIZED_FONT.toFont})` },
    },
    // Linked to both Dutch and Belgian records: an amber halo, visible at any zoom.
    {
      selector: 'node.cross-border',
      style: { 'underlay-color': CROSS_BORDER_COLOUR, 'underlay-opacity': 0.5, 'underlay-padding': 9, 'underlay-shape': 'ellipse' },
    },
    {
      selector: 'node.pinned',
      style: { 'outline-width': 2, 'outline-color': '#0F172A', 'outline-offset': 3, 'outline-style': 'dashed', 'outline-opacity': 0.9 },
    },
    // Groups: a labelled box around their members (Cytoscape compound nodes).
    {
      selector: 'node[?isGroup]',
      style: {
        shape: 'round-rectangle',
        'background-color': '#E2E8F0',
        'background-opacity': 0.55,
        'background-image': 'none',
        'border-width': 1.5,
        'border-style': 'dashed',
        'border-color': '#64748B',
        label: 'data(label)',
        'font-size': GROUP_LABEL_FONT_SIZE,
        'font-weight': 'bold',
        color: '#334155',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        padding: `${GROUP_PADDING}px`,
      },
    },
    {
      selector: 'node:selected',
      style: {
        'underlay-color': SELECTION_COLOUR,
        'underlay-opacity': 0.28,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge',
      // On an overview a link is a line between the centres of its entities, under them (no arrowhead to
      // place at the border): Cytoscape's cheapest edge, "haystack", its default curve style, so not set
      // here. Like nodes, overview links leave what no one can see there to the defaults (full opacity).
      style: { width: 'data(width)', 'line-color': DEFAULT_LINK_COLOUR },
    },
    {
      selector: `edge.${DETAIL_CLASS}`,
      style: {
        opacity: LINK_OPACITY,
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': DEFAULT_LINK_COLOUR,
        'arrow-scale': ARROW_SCALE,
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': LINK_LABEL_FONT_SIZE,
        color: LINK_LABEL_COLOUR,
        'text-rotation': 'autorotate',
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Link labels only once zoomed in (8 px × zoom ≥ 11): on an overview they are clutter, not information.
        'min-zoomed-font-size': 11,
      },
    },
    // Several links between the same two entities fan out as curves (elements.ts, parallelLinkIds) once they
    // are detailed; on an overview they share one line, as their arrowheads and labels are not drawn there.
    { selector: `edge.${DETAIL_CLASS}[?parallel]`, style: { 'curve-style': 'bezier' } },
    ...Object.entries(LINK_COLOURS).flatMap(([type, colour]): StylesheetJsonBlock[] => [
      { selector: `edge[type = "${type}"]`, style: { 'line-color': colour } },
      { selector: `edge.${DETAIL_CLASS}[type = "${type}"]`, style: { 'target-arrow-color': colour } },
    ]),
    // An analyst's hypothesis is not an observed fact: dashed, like a pencil line on paper.
    { selector: 'edge[?hypothesis]', style: { 'line-style': 'dashed', 'line-dash-pattern': [...HYPOTHESIS_DASH] } },
    { selector: 'edge[type = "SAME_AS"]', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none' } },
    // Hidden by the analyst, or outside the time bar's window: kept on the chart, not drawn.
    { selector: '.hidden, .out-of-window', style: { display: 'none' } },
    {
      selector: 'edge:selected',
      style: { 'line-color': SELECTION_COLOUR, 'target-arrow-color': SELECTION_COLOUR, opacity: 1, 'z-index': 10 },
    },
    // A found path stands out and the rest fades (renderer/src/paths).
    ...pathHighlightStyles(),
  ];
}

function typeRules(type: EntityType): StylesheetJsonBlock[] {
  const { colour, shape } = ENTITY_TYPE_STYLES[type];
  return [
    { selector: `node[type = "${type}"]`, style: { 'background-color': colour, shape: shape as Css.NodeShape } },
    {
      selector: `node.${DETAIL_CLASS}[type = "${type}"]`,
      style: { 'background-image': typeIconUri(type), 'background-width': ICON_PERCENT, 'background-height': ICON_PERCENT },
    },
  ];
}

function countryBorderRule(country: Country): StylesheetJsonBlock {
  return {
    // 3 px: under 1.5 px on an overview, so drawn with the other details ("Colour by: country" shows
    // countries on an overview).
    selector: `node.${DETAIL_CLASS}[country = "${country}"]`,
    style: { 'border-width': COUNTRY_RING_WIDTH, 'border-color': COUNTRY_COLOURS[country] },
  };
}

/** Two background layers: the type icon in the middle, the country flag on the top-right corner. */
function iconWithBadgeRule(type: EntityType, country: Country): StylesheetJsonBlock {
  return {
    selector: `node.${DETAIL_CLASS}[type = "${type}"][country = "${country}"]`,
    style: {
      'background-image': [typeIconUri(type), countryBadgeUri(country)],
      'background-width': [ICON_PERCENT, `${COUNTRY_BADGE_WIDTH}px`],
      'background-height': [ICON_PERCENT, `${COUNTRY_BADGE_HEIGHT}px`],
      'background-position-x': ['50%', '100%'],
      'background-position-y': ['50%', '0%'],
      'background-clip': ['node', 'none'] as ('node' | 'none')[],
      'background-image-containment': ['inside', 'over'] as ('inside' | 'over')[],
      'bounds-expansion': 8,
    },
  };
}
