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
} as const;

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
}
