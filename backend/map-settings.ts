// The force's own map server, read from the `mapTiles` entry of the settings file. Off by default: without
// it the map draws only the borders shipped with the app and contacts nothing. Read afresh on each call, so
// an administrator's change applies when the page is next loaded (the CSP admits the new origin then too).
import { z } from 'zod';
import type { MapTiles } from '../contract/map';
import { readSettings } from './identity/settings';

const serviceUrl = z
  .string()
  .max(1000)
  .refine((text) => {
    try {
      // Placeholders only in the path or query: the origin must be one fixed server the CSP can name.
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !/[{}]/.test(url.host);
    } catch {
      return false;
    }
  }, 'an http(s) address of one server, without user name or password');

const mapTilesSchema = z
  .object({
    kind: z.enum(['xyz', 'wms']).default('xyz'),
    url: serviceUrl,
    layers: z.string().min(1).max(300).optional(),
    attribution: z.string().max(300).optional(),
  })
  .strict()
  .refine((tiles) => tiles.kind === 'wms' ? Boolean(tiles.layers) : /\{z\}/.test(tiles.url) && /\{x\}/.test(tiles.url) && /\{y\}/.test(tiles.url), 'an XYZ service needs {z}, {x} and {y} in its address; a WMS service needs its layers');

export function configuredMapTiles(dataDir: string, log: (message: string) => void = () => undefined): MapTiles | undefined {
  const raw = (readSettings(dataDir, log) as Record<string, unknown>).mapTiles;
  if (raw === undefined) return undefined;
  const parsed = mapTilesSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log(`The map server in the settings file is not used: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`);
  return undefined;
}

/** The origin the page may load map images from, if a server is configured. */
export function mapTileOrigin(tiles: MapTiles | undefined): string | undefined {
  return tiles ? new URL(tiles.url).origin : undefined;
}
