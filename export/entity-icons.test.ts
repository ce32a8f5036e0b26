import { describe, expect, it } from 'vitest';
import type { ChartDocument } from '../contract/chart';
import { ENTITY_TYPES } from '../contract/model';
import { typeIconUri } from '../shared-values/chart-icons';
import { iconPrimitives } from './entity-icons';
import { renderChartSvg } from './svg';

function oneOfEachType(): ChartDocument {
  return {
    format: 'schakel-chart',
    version: 1,
    id: 'icons',
    title: 'Icons',
    entities: ENTITY_TYPES.map((type, index) => ({ id: `E-${index}`, type, label: type, handling: 'H0', properties: {}, position: { x: index * 80, y: 0 } })),
    links: [],
  };
}

describe('type icons in exports', () => {
  it('draws in the SVG the drawing the screen shows for each type (shared-values/chart-icons)', () => {
    const svg = renderChartSvg(oneOfEachType());
    for (const [index, type] of ENTITY_TYPES.entries()) {
      const node = svg.match(new RegExp(`<g data-id="E-${index}"[^>]*>(.*?)<text`))?.[1] ?? '';
      const iconOnScreen = decodeURIComponent(typeIconUri(type)).match(/<svg[^>]*>(.*)<\/svg>/)![1];
      expect(node, type).toContain(`>${iconOnScreen}</g>`);
    }
  });

  it('turns every element of each screen icon into a PDF drawing step', () => {
    for (const type of ENTITY_TYPES) {
      const elements = decodeURIComponent(typeIconUri(type)).match(/<(path|circle|rect)\b/g)!;
      expect(iconPrimitives(type).map((primitive) => primitive.kind), type).toEqual(elements.map((element) => element.slice(1)));
    }
  });
});
