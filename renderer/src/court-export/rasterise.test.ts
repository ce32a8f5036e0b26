import { describe, expect, it } from 'vitest';
import { fitOnPage, svgSize } from './rasterise';

describe('fitOnPage', () => {
  it('scales a wide drawing to the page width and keeps it at the top, where the title and marking are', () => {
    const fit = fitOnPage(1000, 400, 1754, 1240);
    expect(fit.scale).toBeCloseTo(1.754);
    expect(fit.x).toBe(0);
    expect(fit.y).toBe(0);
  });

  it('scales a tall drawing to the page height and centres it horizontally', () => {
    const fit = fitOnPage(300, 900, 1754, 1240);
    expect(fit.height).toBeCloseTo(1240);
    expect(fit.x + fit.width / 2).toBeCloseTo(1754 / 2);
  });
});

describe('svgSize', () => {
  it('reads the size of the exported drawing from its root element only', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="840.5" height="412" viewBox="0 0 840.5 412"><rect width="5" height="5"/></svg>')).toEqual({ width: 840.5, height: 412 });
    expect(svgSize('<svg><rect width="5" height="5"/></svg>')).toBeUndefined();
  });
});
