// A vehicle's ANPR hits as a track on the map: each hit placed at its camera, in time order, the legs
// between them, and which leg crosses the border (the cameras of consecutive hits stand in different
// countries). The time bar's window decides what has been played so far and what is "now".
import type { AnprTrack } from '../../../contract/map';
import type { Country } from '../../../contract/model';
import type { TimeSpan } from '../timebar/element-times';
import { ownPlace, type LatLon } from '../../../shared-values/map-places';

export interface TrackHit extends LatLon {
  linkId: string;
  vehicleId: string;
  cameraId: string;
  cameraLabel: string;
  /** Epoch milliseconds. */
  at: number;
  country?: Country;
}

export interface TrackLeg {
  from: TrackHit;
  to: TrackHit;
  crossesBorder: boolean;
}

/** The hits of a track whose camera has a place and whose time is known, oldest first. */
export function trackHits(track: AnprTrack): TrackHit[] {
  const cameras = new Map(track.nodes.map((node) => [node.id, node]));
  const hits: TrackHit[] = [];
  for (const link of track.links) {
    const camera = cameras.get(link.target);
    const place = camera ? ownPlace(camera) : undefined;
    const at = Date.parse(link.at ?? '');
    if (!camera || !place || Number.isNaN(at)) continue;
    hits.push({ linkId: link.id, vehicleId: link.source, cameraId: camera.id, cameraLabel: camera.label, at, country: camera.country, ...place });
  }
  return hits.sort((a, b) => a.at - b.at || a.linkId.localeCompare(b.linkId));
}

export function trackLegs(hits: readonly TrackHit[]): TrackLeg[] {
  const legs: TrackLeg[] = [];
  for (let i = 1; i < hits.length; i++) {
    const [from, to] = [hits[i - 1], hits[i]];
    legs.push({ from, to, crossesBorder: Boolean(from.country && to.country && from.country !== to.country) });
  }
  return legs;
}

export interface PlayedTrack {
  /** Hits up to the end of the window (all of them without a window). */
  played: TrackHit[];
  /** Hits inside the window: where the vehicle is "now". */
  current: TrackHit[];
  legs: TrackLeg[];
  /** Played legs that cross the border; `current` when one of its ends lies in the window. */
  crossings: (TrackLeg & { current: boolean })[];
}

export function playTrack(hits: readonly TrackHit[], window: TimeSpan | undefined): PlayedTrack {
  const played = window ? hits.filter((hit) => hit.at <= window.end) : [...hits];
  const inWindow = (hit: TrackHit) => (window ? hit.at >= window.start && hit.at <= window.end : false);
  const legs = trackLegs(played);
  return {
    played,
    current: played.filter(inWindow),
    legs,
    crossings: legs.filter((leg) => leg.crossesBorder).map((leg) => ({ ...leg, current: inWindow(leg.from) || inWindow(leg.to) })),
  };
}
