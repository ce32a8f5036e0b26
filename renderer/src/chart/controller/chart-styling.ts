// Styling and analysis colouring: "colour by", "size by" a centrality and the cross-border highlight,
// re-derived from the style and what is on the chart (and in view) whenever either changes.
import type { Core } from 'cytoscape';
import type { EntitySummary, LinkSummary } from '../../../../contract/model';
import type { AnalysisInput, Scores } from '../../analysis/analysis-graph';
import { sizesFromScores, type CentralityMeasure } from '../../analysis/centrality';
import { alignCommunities, detectCommunities } from '../../analysis/communities';
import { findCrossBorderEntities } from '../../analysis/cross-border';
import { nodeColours, type ColourBy, type ColourKey } from '../chart-colouring';
import { ENTITY_NODES, restyle } from './cy-basics';
import { t } from '../../i18n';

export interface ChartStyle {
  colourBy: ColourBy;
  sizeBy: CentralityMeasure | 'none';
  crossBorder: boolean;
}

/** The style with the scores its sizes come from: what one undo step puts back. */
export interface StyleState {
  style: ChartStyle;
  scores?: Scores;
}

const DEFAULT_STYLE: ChartStyle = { colourBy: 'type', sizeBy: 'none', crossBorder: false };

export class ChartStyling {
  private style: ChartStyle = { ...DEFAULT_STYLE };
  private sizeScores?: Scores;
  private communityOf: Record<string, number> = {};
  private colourKeys: ColourKey[] = [];
  private crossBorderCount = 0;

  constructor(
    private readonly cy: Core,
    private readonly content: {
      entities(): EntitySummary[];
      links(): LinkSummary[];
      /** The visible graph, for communities recomputed per time window. */
      visibleGraph(): AnalysisInput;
      /** Called after every restyle. */
      restyled(): void;
    },
  ) {}

  current(): ChartStyle {
    return { ...this.style };
  }

  state(): StyleState {
    return { style: { ...this.style }, scores: this.sizeScores };
  }

  apply(state: StyleState): void {
    this.style = { ...state.style };
    this.sizeScores = state.scores;
    this.refresh();
  }

  /** New scores for the measure nodes are already sized by: not an undo step. */
  refreshSizeScores(scores: Scores): void {
    if (this.style.sizeBy === 'none') return;
    this.sizeScores = scores;
    this.refresh();
  }

  communities(): Record<string, number> {
    return { ...this.communityOf };
  }

  forgetCommunities(): void {
    this.communityOf = {};
  }

  legendKeys(): ColourKey[] {
    return this.colourKeys;
  }

  crossBorderEntities(): number {
    return this.crossBorderCount;
  }

  /** Re-derives colours, sizes and highlights from the style and what is on the chart (and in view) now. */
  refresh(): void {
    const entities = this.content.entities();
    if (this.style.colourBy === 'community') {
      // Recomputed on what is visible: with a time window these are the groups active in that window.
      const next = detectCommunities(this.content.visibleGraph()).communityOf;
      this.communityOf = Object.keys(this.communityOf).length ? alignCommunities(this.communityOf, next) : next;
    }
    const colouring = nodeColours(entities, this.style.colourBy, this.communityOf);
    this.colourKeys = colouring?.keys ?? [];
    const sizes = this.style.sizeBy !== 'none' && this.sizeScores ? sizesFromScores(this.sizeScores) : undefined;
    const crossBorder = this.style.crossBorder ? findCrossBorderEntities(entities, this.content.links()) : new Map();
    this.crossBorderCount = crossBorder.size;
    this.cy.batch(() => {
      this.cy.nodes(ENTITY_NODES).forEach((node) => {
        const id = node.id();
        const colour = colouring?.colours.get(id);
        // Cytoscape does not restyle on removeData(): an element losing its colour or size is restyled here.
        let lostData = false;
        if (colour) node.data('colour', colour);
        else if (node.data('colour') !== undefined) {
          node.removeData('colour');
          lostData = true;
        }
        const size = sizes?.[id];
        if (size !== undefined) node.data('size', size);
        else if (node.data('size') !== undefined) {
          node.removeData('size');
          lostData = true;
        }
        if (lostData) restyle(node);
        if (crossBorder.has(id)) node.addClass('cross-border');
        else if (node.hasClass('cross-border')) node.removeClass('cross-border');
      });
    });
    this.content.restyled();
  }
}

export function describeStyleChange(change: Partial<ChartStyle>): string {
  if (change.colourBy) return t('chart:history.colourBy', { name: t(`chart:colourByName.${change.colourBy}`).toLowerCase() });
  if (change.sizeBy) return change.sizeBy === 'none' ? t('chart:history.sameSize') : t('chart:history.sizeBy', { name: t(`analysis:measure.${change.sizeBy}`).toLowerCase() });
  if (change.crossBorder !== undefined) return change.crossBorder ? t('chart:history.crossBorderOn') : t('chart:history.crossBorderOff');
  return t('chart:history.change');
}
