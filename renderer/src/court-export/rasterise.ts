// The PNG export: the exported drawing (the backend's SVG, which holds the title, the classification marking,
// the legend, the type icons and the grey markers of withheld items) painted onto a canvas of exactly the
// chosen paper size at the chosen resolution, on white, at the top of the sheet (title and marking first, as
// on a printed page). So the PNG shows what the PDF and SVG show, and "A4 at 150 dpi" is 1754 × 1240 pixels.

export interface PageFit {
  scale: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a drawing of `width` × `height` goes on the page: as large as fits, centred across, at the top. */
export function fitOnPage(width: number, height: number, pageWidth: number, pageHeight: number): PageFit {
  const scale = Math.min(pageWidth / Math.max(1, width), pageHeight / Math.max(1, height));
  const drawnWidth = width * scale;
  const drawnHeight = height * scale;
  return { scale, x: (pageWidth - drawnWidth) / 2, y: 0, width: drawnWidth, height: drawnHeight };
}

/** The SVG's own size from its width/height attributes (the backend always writes both). */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  const width = Number(/\swidth="([\d.]+)"/.exec(root ?? '')?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root ?? '')?.[1]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** The drawing as a base64 PNG of exactly `pageWidth` × `pageHeight` pixels. */
export async function rasteriseDrawing(svg: string, pageWidth: number, pageHeight: number): Promise<string> {
  const size = svgSize(svg);
  if (!size) throw new Error('The exported drawing has no size.');
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = pageWidth;
  canvas.height = pageHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart image.');
  context.fillStyle = '#FFFFFF';
  context.fillRect(0, 0, pageWidth, pageHeight);
  const fit = fitOnPage(size.width, size.height, pageWidth, pageHeight);
  // An SVG image is vector: drawn at the target size it is rasterised at that size, sharp at any dpi.
  context.drawImage(image, fit.x, fit.y, fit.width, fit.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
