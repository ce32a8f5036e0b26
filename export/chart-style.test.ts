import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../contract/model';
import { COUNTRY_COLOURS, DEFAULT_LINK_COLOUR, ENTITY_TYPE_STYLES, LINK_COLOURS, linkWidth } from './chart-style';
import { ENTITY_ICON_MARKUP } from './entity-icons';

describe('export chart style', () => {
  it('matches the on-screen styles of the renderer, so print and screen agree', async () => {
    // Loaded by URL so the Node tsconfig does not pull renderer sources into its project.
    const rendererStyles = (await import(new URL('../renderer/src/chart/entity-styles.ts', import.meta.url).href)) as Record<string, unknown>;
    expect(ENTITY_TYPE_STYLES).toEqual(rendererStyles.ENTITY_TYPE_STYLES);
    expect(COUNTRY_COLOURS).toEqual(rendererStyles.COUNTRY_COLOURS);
    expect(LINK_COLOURS).toEqual(rendererStyles.LINK_COLOURS);
    expect(DEFAULT_LINK_COLOUR).toBe(rendererStyles.DEFAULT_LINK_COLOUR);
  });

  it('draws the same type icons as the screen', async () => {
    const icons = (await import(new URL('../renderer/src/chart/icons.ts', import.meta.url).href)) as { typeIconUri: (type: string) => string };
    for (const type of ENTITY_TYPES) expect(decodeURIComponent(icons.typeIconUri(type)), type).toContain(ENTITY_ICON_MARKUP[type]);
  });

  it('draws frequent contact thicker, within bounds', () => {
    expect(linkWidth(undefined)).toBe(1.5);
    expect(linkWidth(16)).toBeGreaterThan(linkWidth(2));
    expect(linkWidth(1_000_000)).toBe(8);
  });
});
