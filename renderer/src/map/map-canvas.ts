// The Leaflet map the map view draws on: the bundled borders, the chart's placed entities as markers in
// their chart colours with their type icons, links as lines, the area being drawn and a vehicle's ANPR
// track. SVG rendering only (no WebGL, no tiles), so it draws the same on any desktop and in headless tests.
// Markers are built with DOM calls and styled through the CSSOM: the page's CSP forbids inline style markup.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapTiles } from '../../../contract/map';
import type { EntityType } from '../../../contract/model';
import { countryBadgeUri, typeIconUri } from '../../../shared-values/chart-icons';
import type { Country } from '../../../shared-values/model';
import type { BasemapFeature } from './basemap';
import type { LatLon } from '../../../shared-values/map-places';

/** Belgium, the Netherlands and the border region: the view before anything is placed. */
const BENELUX: L.LatLngBoundsExpression = [
  [49.45, 2.5],
  [53.6, 7.25],
];

export interface MapMarker extends LatLon {
  id: string;
  label: string;
  type: EntityType;
  colour: string;
  country?: Country;
  selected: boolean;
  crossBorder: boolean;
}

export interface MapLine {
  id: string;
  from: LatLon;
  to: LatLon;
  colour: string;
  width: number;
  dashed: boolean;
}

export interface TrackDrawing {
  hits: (LatLon & { id: string; label: string; current: boolean })[];
  legs: { from: LatLon; to: LatLon; crossesBorder: boolean; current: boolean }[];
}

export interface MapCanvasHooks {
  markerClicked(id: string, additive: boolean): void;
  /** A click on the map itself while an area is being drawn. */
  mapClicked(place: LatLon): void;
}

const toLatLng = (place: LatLon): L.LatLngExpression => [place.lat, place.lon];

export class MapCanvas {
  private readonly map: L.Map;
  private readonly basemap = L.layerGroup();
  private readonly lines = L.layerGroup();
  private readonly track = L.layerGroup();
  private readonly markers = L.layerGroup();
  private readonly area = L.layerGroup();
  private placedKey = '';
  private drawing = false;

  constructor(
    container: HTMLElement,
    private readonly hooks: MapCanvasHooks,
    labels: { attribution: string; zoomIn: string; zoomOut: string },
  ) {
    this.map = L.map(container, { zoomControl: false, attributionControl: false, minZoom: 5, maxZoom: 16, zoomSnap: 0.25 });
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(this.map);
    L.control.scale({ imperial: false }).addTo(this.map);
    L.control.attribution({ prefix: false }).addAttribution(labels.attribution).addTo(this.map);
    for (const layer of [this.basemap, this.lines, this.track, this.markers, this.area]) layer.addTo(this.map);
    this.map.fitBounds(BENELUX);
    this.map.on('click', (event: L.LeafletMouseEvent) => {
      if (this.drawing) this.hooks.mapClicked({ lat: event.latlng.lat, lon: event.latlng.lng });
    });
  }

  /**
   * The force's own map service under the borders (only when configured: by default nothing is fetched).
   * Its attribution is configuration text, escaped because Leaflet writes attributions as HTML.
   */
  setService(tiles: MapTiles): void {
    const options = { attribution: escapeHtml(tiles.attribution ?? new URL(tiles.url).host), maxZoom: 19 };
    const layer = tiles.kind === 'wms' ? L.tileLayer.wms(tiles.url, { ...options, layers: tiles.layers ?? '', format: 'image/png' }) : L.tileLayer(tiles.url, options);
    layer.addTo(this.map);
    this.map.getContainer().classList.add('with-map-service');
  }

  setBasemap(features: readonly BasemapFeature[]): void {
    this.basemap.clearLayers();
    L.geoJSON(features as unknown as GeoJSON.FeatureCollection, {
      interactive: false,
      style: (country) => ({ className: `map-country map-country-${String(country?.properties.role).toLowerCase()}`, weight: 1 }),
    }).addTo(this.basemap);
  }

  showEntities(markers: readonly MapMarker[], lines: readonly MapLine[]): void {
    this.lines.clearLayers();
    for (const line of lines) {
      L.polyline([toLatLng(line.from), toLatLng(line.to)], {
        color: line.colour,
        weight: line.width,
        opacity: 0.75,
        dashArray: line.dashed ? '6 4' : undefined,
        className: 'map-link',
        interactive: false,
      }).addTo(this.lines);
    }
    this.markers.clearLayers();
    for (const marker of markers) {
      const layer = L.marker(toLatLng(marker), { icon: markerIcon(marker), keyboard: true, riseOnHover: true, alt: '' });
      layer.on('click', (event: L.LeafletMouseEvent) => {
        if (this.drawing) return;
        L.DomEvent.stopPropagation(event);
        this.hooks.markerClicked(marker.id, event.originalEvent.shiftKey || event.originalEvent.ctrlKey || event.originalEvent.metaKey);
      });
      layer.on('keypress', (event: L.LeafletKeyboardEvent) => {
        if (event.originalEvent.key === 'Enter' || event.originalEvent.key === ' ') this.hooks.markerClicked(marker.id, event.originalEvent.shiftKey);
      });
      layer.addTo(this.markers);
      const element = layer.getElement();
      element?.setAttribute('aria-label', marker.label);
      element?.setAttribute('aria-pressed', String(marker.selected));
      element?.setAttribute('data-entity-id', marker.id);
    }
    // Fit only when what is placed changes, so a selection or restyle never moves the analyst's view.
    const key = markers.map((marker) => `${marker.id}@${marker.lat},${marker.lon}`).sort().join('|');
    if (key !== this.placedKey) {
      this.placedKey = key;
      this.fitToMarkers(markers);
    }
  }

  fitToMarkers(places: readonly LatLon[] = this.currentPlaces()): void {
    if (places.length === 0) this.map.fitBounds(BENELUX);
    else this.map.fitBounds(L.latLngBounds(places.map(toLatLng)).pad(0.15), { maxZoom: 12 });
  }

  showArea(vertices: readonly LatLon[], closed: boolean): void {
    this.area.clearLayers();
    if (vertices.length === 0) return;
    const points = vertices.map(toLatLng);
    if (closed) L.polygon(points, { className: 'map-area', interactive: false }).addTo(this.area);
    else {
      L.polyline(points, { className: 'map-area drawing', interactive: false }).addTo(this.area);
      for (const point of points) L.circleMarker(point, { radius: 4, className: 'map-area-vertex', interactive: false }).addTo(this.area);
    }
  }

  setDrawing(drawing: boolean): void {
    this.drawing = drawing;
    this.map.getContainer().classList.toggle('drawing-area', drawing);
    if (drawing) this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
  }

  showTrack(drawing: TrackDrawing | undefined): void {
    this.track.clearLayers();
    if (!drawing) return;
    for (const leg of drawing.legs) {
      const classes = ['map-track-leg', leg.crossesBorder ? 'border-crossing' : '', leg.current ? 'current' : ''].filter(Boolean).join(' ');
      L.polyline([toLatLng(leg.from), toLatLng(leg.to)], { className: classes, interactive: false }).addTo(this.track);
    }
    drawing.hits.forEach((hit, index) => {
      const marker = L.circleMarker(toLatLng(hit), { radius: hit.current ? 7 : 5, className: hit.current ? 'map-track-hit current' : 'map-track-hit', interactive: false });
      marker.bindTooltip(`${index + 1}. ${hit.label}`, { direction: 'top', opacity: 0.9, permanent: hit.current });
      marker.addTo(this.track);
    });
  }

  /** Re-measures the container (the map pane opened or was resized). */
  resize(): void {
    this.map.invalidateSize();
  }

  destroy(): void {
    this.map.remove();
  }

  private currentPlaces(): LatLon[] {
    const places: LatLon[] = [];
    this.markers.eachLayer((layer) => {
      const at = (layer as L.Marker).getLatLng();
      places.push({ lat: at.lat, lon: at.lng });
    });
    return places;
  }
}

function markerIcon(marker: MapMarker): L.DivIcon {
  const body = document.createElement('span');
  body.className = ['map-marker-body', `type-${marker.type.toLowerCase()}`, marker.selected ? 'selected' : '', marker.crossBorder ? 'cross-border' : ''].filter(Boolean).join(' ');
  body.style.backgroundColor = marker.colour;
  const icon = document.createElement('img');
  icon.src = typeIconUri(marker.type);
  icon.alt = '';
  body.appendChild(icon);
  if (marker.country) {
    const flag = document.createElement('img');
    flag.className = 'map-marker-flag';
    flag.src = countryBadgeUri(marker.country);
    flag.alt = '';
    body.appendChild(flag);
  }
  return L.divIcon({ html: body, className: 'map-marker', iconSize: [26, 26], iconAnchor: [13, 13] });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
