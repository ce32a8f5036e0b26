// The map page of the court PDF: the chart's placed entities on the Natural Earth borders, in the chart's
// colours with their type icons, the links between them, a scale bar, a north arrow, the basemap's
// attribution and a legend of the types on the map. Withheld entities are not placed (a placeholder has no
// position to disclose); what has no place is counted under the map.
import type { ChartDocument } from '../contract/chart';
import type { EntityType } from '../contract/model';
import { linkColour } from '../shared-values/chart-style';
import { placedLinks, placeEntities, type LatLon } from '../shared-values/map-places';
import type { ChartScene } from './chart-scene';
import { drawPdfIcon } from './entity-icons';
import type { ExportText } from './export-text';
import { countryOutlines } from './map-borders';
import { fitProjection, scaleBarMetres, type Frame } from './map-projection';
import { addPage, contentBox, type FontNames, type Orientation, type PaperSize } from './pdf-layout';

const MARKER_RADIUS = 7;
const FILL = { BE: '#FFFFFF', NL: '#FFFFFF', neighbour: '#F1F5F9' } as const;
const STROKE = { BE: '#334155', NL: '#334155', neighbour: '#94A3B8' } as const;

export interface MapPageOptions {
  size: PaperSize;
  orientation: Orientation;
  fonts: FontNames;
  text: ExportText;
}

/** Adds the map page when something on the chart has a place; returns whether it did. */
export function drawMapPage(doc: PDFKit.PDFDocument, chart: ChartDocument, scene: ChartScene, options: MapPageOptions): boolean {
  const shown = new Map(scene.nodes.filter((node) => !node.withheld && node.type).map((node) => [node.id, node]));
  const entities = chart.entities.filter((entity) => shown.has(entity.id));
  const { placed, unplaced } = placeEntities(entities, chart.links);
  if (placed.size === 0) return false;
  const { t, format } = options.text;

  addPage(doc, options.size, options.orientation);
  const box = contentBox(doc);
  doc.font(options.fonts.bold).fontSize(11).fillColor('#111827').text(t.map.title, box.x, box.y, { lineBreak: false });
  // Title above and legend below stay inside the margins: text past them would make pdfkit start a page.
  const frame: Frame = { x: box.x, y: box.y + 18, width: box.width, height: box.height - 58 };
  const projection = fitProjection([...placed.values()], frame);

  doc.save();
  doc.rect(frame.x, frame.y, frame.width, frame.height).clip();
  doc.rect(frame.x, frame.y, frame.width, frame.height).fill('#DBE7F3');
  for (const country of countryOutlines()) drawCountry(doc, country.rings, projection.toPage, FILL[country.role], STROKE[country.role]);
  for (const link of placedLinks(chart.links.filter((l) => shown.has(l.source) && shown.has(l.target)), placed)) {
    const [x1, y1] = projection.toPage(placed.get(link.source)!);
    const [x2, y2] = projection.toPage(placed.get(link.target)!);
    doc.lineWidth(1.2).strokeOpacity(0.8).strokeColor(linkColour(link.type)).moveTo(x1, y1).lineTo(x2, y2).stroke();
  }
  doc.strokeOpacity(1);
  const labelled = new Set<string>();
  for (const [id, place] of placed) {
    const node = shown.get(id)!;
    const [x, y] = projection.toPage(place);
    doc.circle(x, y, MARKER_RADIUS).lineWidth(1.2).fillAndStroke(node.fill, '#FFFFFF');
    drawPdfIcon(doc, node.type as EntityType, x, y, MARKER_RADIUS * 1.2);
    // Entities standing at one spot (an incident at its scene) share one label line.
    const spot = `${place.lat},${place.lon}`;
    const label = [...placed].filter(([, other]) => `${other.lat},${other.lon}` === spot).map(([other]) => shown.get(other)!.label).join(' · ');
    if (labelled.has(spot)) continue;
    labelled.add(spot);
    doc.font(options.fonts.regular).fontSize(6.5).fillColor('#111827').text(label, x + MARKER_RADIUS + 2, y - 3.5, { width: 260, height: 9, ellipsis: true, lineBreak: false });
  }
  doc.restore();
  doc.rect(frame.x, frame.y, frame.width, frame.height).lineWidth(0.6).stroke('#64748B');

  drawNorthArrow(doc, frame.x + frame.width - 22, frame.y + 14, t.map.north, options.fonts);
  drawScaleBar(doc, frame, projection.pointsPerMetre, options);
  doc.font(options.fonts.regular).fontSize(6.5).fillColor('#4B5563');
  doc.text(t.map.attribution, frame.x, frame.y + frame.height - 10, { width: frame.width - 4, align: 'right', lineBreak: false });

  const types = [...new Set([...placed.keys()].map((id) => shown.get(id)!.type as EntityType))];
  const legendY = frame.y + frame.height + 6;
  let x = frame.x;
  doc.font(options.fonts.regular).fontSize(7.5).fillColor('#111827');
  for (const type of types) {
    const fill = [...placed.keys()].map((id) => shown.get(id)!).find((node) => node.type === type)!.fill;
    doc.circle(x + 5, legendY + 4, 5).fill(fill);
    drawPdfIcon(doc, type, x + 5, legendY + 4, 6);
    doc.fillColor('#111827').text(options.text.entityType(type), x + 13, legendY, { lineBreak: false });
    x += 22 + doc.widthOfString(options.text.entityType(type));
  }
  const notes = [format(t.map.placed, { count: placed.size })];
  if (unplaced.length > 0) notes.push(format(t.map.unplaced, { count: unplaced.length }));
  doc.fillColor('#4B5563').text(notes.join(' · '), frame.x, legendY + 17, { width: frame.width, height: 10, ellipsis: true, lineBreak: false });
  return true;
}

function drawCountry(doc: PDFKit.PDFDocument, rings: [number, number][][], toPage: (place: LatLon) => [number, number], fill: string, stroke: string): void {
  for (const ring of rings) {
    ring.forEach(([lon, lat], index) => {
      const [x, y] = toPage({ lat, lon });
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.closePath();
  }
  doc.lineWidth(0.7).fillColor(fill).strokeColor(stroke).fillAndStroke(fill, stroke, 'even-odd');
}

function drawNorthArrow(doc: PDFKit.PDFDocument, x: number, y: number, north: string, fonts: FontNames): void {
  doc.polygon([x, y], [x + 6, y + 16], [x, y + 12], [x - 6, y + 16]).lineWidth(0.8).fillAndStroke('#111827', '#111827');
  doc.font(fonts.bold).fontSize(8).fillColor('#111827').text(north, x - 10, y + 18, { width: 20, align: 'center', lineBreak: false });
}

function drawScaleBar(doc: PDFKit.PDFDocument, frame: Frame, pointsPerMetre: number, { fonts, text }: MapPageOptions): void {
  const metres = scaleBarMetres(pointsPerMetre, frame.width / 4);
  const length = metres * pointsPerMetre;
  const x = frame.x + 10;
  const y = frame.y + frame.height - 14;
  doc.rect(x - 4, y - 12, length + 8, 18).fillOpacity(0.8).fill('#FFFFFF').fillOpacity(1);
  doc.lineWidth(1.2).strokeColor('#111827').moveTo(x, y - 3).lineTo(x, y).lineTo(x + length, y).lineTo(x + length, y - 3).stroke();
  const label = metres >= 1000 ? text.format(text.t.map.kilometres, { count: metres / 1000 }) : text.format(text.t.map.metres, { count: metres });
  doc.font(fonts.regular).fontSize(7).fillColor('#111827').text(label, x, y - 11, { width: length, align: 'center', lineBreak: false });
}
