import { geoPath, geoStereographic } from 'd3-geo';
import { feature } from 'topojson-client';
import { objectName, type MunicipalityTopology } from './boundaries';

/** Width of the map's SVG coordinate system; the height follows from the country's shape. */
export const MAP_WIDTH = 600;
const PADDING = 8;

export interface MapShape {
  code: string;
  name: string;
  /** SVG path data in map coordinates. */
  d: string;
  /** Centroid in map coordinates: where the tooltip points and where keyboard moves start. */
  x: number;
  y: number;
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: MapShape[];
}

// Projecting ~350 municipalities takes a few milliseconds; do it once per boundary set.
const cache = new WeakMap<MunicipalityTopology, MapGeometry>();

/**
 * Projects a municipal boundary set to SVG paths. The stereographic projection centred on
 * Amersfoort is what the Dutch national grid (Rijksdriehoeksmeting) uses, so the map looks the way
 * Dutch readers know it.
 */
export function projectTopology(topology: MunicipalityTopology, year: number): MapGeometry {
  const cached = cache.get(topology);
  if (cached) return cached;
  const object = topology.objects[objectName(year)] ?? Object.values(topology.objects)[0];
  if (!object) return { width: MAP_WIDTH, height: MAP_WIDTH, shapes: [] };
  const collection = feature(topology, object);
  const projection = geoStereographic()
    .rotate([-5.387, -52.156])
    .fitWidth(MAP_WIDTH - 2 * PADDING, collection);
  const path = geoPath(projection);
  const [[, y0], [, y1]] = path.bounds(collection);
  projection.translate([projection.translate()[0] + PADDING, projection.translate()[1] + PADDING - y0]);
  const shapes = collection.features.map((f) => {
    const code = String(f.id ?? f.properties?.statcode ?? '');
    const [x, y] = path.centroid(f);
    return { code, name: f.properties?.statnaam ?? code, d: path(f) ?? '', x, y };
  });
  const geometry = { width: MAP_WIDTH, height: Math.ceil(y1 - y0 + 2 * PADDING), shapes };
  cache.set(topology, geometry);
  return geometry;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The municipality a keyboard user reaches from `from` with an arrow key: the nearest centroid
 * within a cone around the direction, weighting sideways distance double so movement stays straight.
 */
export function neighbour(shapes: readonly MapShape[], from: MapShape, direction: Direction): MapShape | null {
  const [dx, dy] = VECTORS[direction];
  let best: MapShape | null = null;
  let bestScore = Infinity;
  for (const s of shapes) {
    if (s.code === from.code) continue;
    const ax = s.x - from.x;
    const ay = s.y - from.y;
    const along = ax * dx + ay * dy;
    const across = Math.abs(ax * dy - ay * dx);
    if (along <= 0 || across > along * 2) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

/** Where keyboard navigation starts: the municipality nearest the middle of the map. */
export function centralShape(geometry: MapGeometry): MapShape | null {
  const cx = geometry.width / 2;
  const cy = geometry.height / 2;
  let best: MapShape | null = null;
  let bestDistance = Infinity;
  for (const s of geometry.shapes) {
    const distance = (s.x - cx) ** 2 + (s.y - cy) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = s;
    }
  }
  return best;
}
