import { describe, expect, it } from 'vitest';
import { fitProjection, scaleBarMetres } from './map-projection';

const frame = { x: 40, y: 60, width: 700, height: 400 };

describe('the PDF map projection', () => {
  it('keeps every place inside the frame and north up', () => {
    const places = [
      { lat: 51.49, lon: 4.74 }, // Hazeldonk
      { lat: 50.63, lon: 5.57 }, // Liège
      { lat: 51.2, lon: 3.81 }, // Zelzate
    ];
    const projection = fitProjection(places, frame);
    for (const place of places) {
      const [x, y] = projection.toPage(place);
      expect(x).toBeGreaterThan(frame.x);
      expect(x).toBeLessThan(frame.x + frame.width);
      expect(y).toBeGreaterThan(frame.y);
      expect(y).toBeLessThan(frame.y + frame.height);
    }
    expect(projection.toPage(places[0])[1]).toBeLessThan(projection.toPage(places[1])[1]);
    expect(projection.toPage(places[2])[0]).toBeLessThan(projection.toPage(places[1])[0]);
  });

  it('measures ground distance: Hazeldonk to the Meer camera (about 3.3 km due south) on its scale', () => {
    const projection = fitProjection([{ lat: 51.49, lon: 4.74 }, { lat: 51.46, lon: 4.74 }], frame);
    const [, y1] = projection.toPage({ lat: 51.49, lon: 4.74 });
    const [, y2] = projection.toPage({ lat: 51.46, lon: 4.74 });
    const metres = (y2 - y1) / projection.pointsPerMetre;
    // 0.03° of latitude is 3,336 m; Mercator at the middle latitude is exact to well under 1 % over this span.
    expect(Math.abs(metres - 3336) / 3336).toBeLessThan(0.01);
  });

  it('picks a round scale bar length that fits', () => {
    expect(scaleBarMetres(0.01, 150)).toBe(10_000);
    expect(scaleBarMetres(0.01, 199)).toBe(10_000);
    expect(scaleBarMetres(0.01, 260)).toBe(20_000);
    expect(scaleBarMetres(1, 70)).toBe(50);
  });
});
