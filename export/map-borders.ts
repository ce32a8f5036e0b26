// The borders the PDF's map page draws: the same Natural Earth 1:50m countries (world-atlas) the on-screen
// map ships with, read from the installed package, as rings of [lon, lat] per country.
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { BASEMAP_COUNTRIES } from '../shared-values/map-places';

export interface CountryOutline {
  role: 'BE' | 'NL' | 'neighbour';
  /** Outer rings and holes alike; drawn with the even-odd rule. */
  rings: [number, number][][];
}

let cached: CountryOutline[] | undefined;

export function countryOutlines(): CountryOutline[] {
  if (cached) return cached;
  const topology = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;
  const collection = topology.objects.countries as GeometryCollection;
  cached = collection.geometries
    .filter((geometry) => geometry.id !== undefined && String(geometry.id) in BASEMAP_COUNTRIES)
    .map((geometry) => ({ role: BASEMAP_COUNTRIES[String(geometry.id)], rings: ringsOf((feature(topology, geometry) as Feature).geometry) }));
  return cached;
}

function ringsOf(geometry: Geometry): [number, number][][] {
  if (geometry.type === 'Polygon') return geometry.coordinates as [number, number][][];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat() as [number, number][][];
  return [];
}
