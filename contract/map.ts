// What the map view asks the backend for beyond what the chart holds: a vehicle's ANPR hits as a track.
// No Node or DOM imports: the renderer takes the types from here.
import { z } from 'zod';
import type { EntitySummary, LinkSummary } from './model';
import { identifier } from './text';

/** More hits than a track on a map can show readably; the answer says when it was cut. */
export const MAX_TRACK_HITS = 2000;

export const mapRequestSchemas = {
  /**
   * Every ANPR hit (SIGHTED_AT a camera) of the vehicle record `id` and of the records with the same
   * normalised plate, oldest first: ANPR reads plates, and each country's case keeps its own record.
   */
  getAnprTrack: z.object({ id: identifier(200) }).strict(),
  /** The force's own map server, if one is configured (off by default: the map then contacts nothing). */
  getMapSettings: z.object({}).strict(),
} as const;

/**
 * A force's own map service (PDOK, Geopunt/NGI, an intranet server), from the `mapTiles` entry of the
 * settings file: an XYZ tile URL template with {z}/{x}/{y}, or a WMS endpoint with its layer names.
 */
export interface MapTiles {
  kind: 'xyz' | 'wms';
  url: string;
  layers?: string;
  attribution?: string;
}

export interface AnprTrack {
  /** The vehicle records and the cameras of the hits. */
  nodes: EntitySummary[];
  /** The SIGHTED_AT links, ordered by time. */
  links: LinkSummary[];
  /** Hits left out beyond MAX_TRACK_HITS. */
  truncated: boolean;
}

export interface MapResponseTypes {
  getAnprTrack: AnprTrack;
  getMapSettings: { tiles?: MapTiles };
}
