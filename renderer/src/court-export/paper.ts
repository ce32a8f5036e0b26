// Paper sizes in pixels at a resolution: the PNG is rasterised to fit the page the PDF uses, so "300 dpi
// at A3" means a picture that prints sharp on an A3 sheet (4961 × 3508 pixels in landscape).
export type PaperSize = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

const MILLIMETRES: Record<PaperSize, { short: number; long: number }> = {
  A4: { short: 210, long: 297 },
  A3: { short: 297, long: 420 },
};
const MM_PER_INCH = 25.4;

export const PNG_RESOLUTIONS = [96, 150, 300] as const;

export function paperPixels(size: PaperSize, orientation: Orientation, dpi: number): { width: number; height: number } {
  const { short, long } = MILLIMETRES[size];
  const [widthMm, heightMm] = orientation === 'landscape' ? [long, short] : [short, long];
  return { width: Math.round((widthMm / MM_PER_INCH) * dpi), height: Math.round((heightMm / MM_PER_INCH) * dpi) };
}
