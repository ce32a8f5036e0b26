// The offline basemap: country borders of Belgium, the Netherlands and their neighbours from Natural Earth
// (1:50m, through the world-atlas package), bundled with the app as its own chunk and loaded the first time
// the map opens. No tile server is contacted.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { BASEMAP_COUNTRIES } from '../../../shared-values/map-places';

export type BasemapFeature = Feature<Geometry, { name: string; role: 'BE' | 'NL' | 'neighbour' }>;

/** The countries of BASEMAP_COUNTRIES as GeoJSON features, from the world-atlas TopoJSON. */
export function basemapFeatures(topology: Topology): BasemapFeature[] {
  const countries = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>;
  return countries.features
    .filter((country) => country.id !== undefined && String(country.id) in BASEMAP_COUNTRIES)
    .map((country) => ({ ...country, properties: { name: country.properties.name, role: BASEMAP_COUNTRIES[String(country.id)] } }));
}

let loading: Promise<BasemapFeature[]> | undefined;

/** Loads (once) the bundled borders. */
export function loadBasemap(): Promise<BasemapFeature[]> {
  loading ??= import('world-atlas/countries-50m.json').then((module) => basemapFeatures(module.default as unknown as Topology));
  return loading;
}
