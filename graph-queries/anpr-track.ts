// A vehicle's ANPR hits for the map: the SIGHTED_AT links of the record and of every record carrying the
// same normalised plate (each country's case keeps its own record of the car a camera read), oldest first.
// Both lookups go through indexes (vehicle id, plateNormalized); the hits are capped.
import type { Node, Relationship } from 'neo4j-driver';
import type { AnprTrack } from '../contract/map';
import { MAX_TRACK_HITS } from '../contract/map';
import { toEntity, toLink } from './mapper';
import { int, readRows, type QueryContext } from './run';

export async function anprTrack(ctx: QueryContext, vehicleId: string): Promise<AnprTrack | null> {
  const rows = await readRows(
    ctx,
    `MATCH (v:Vehicle {id: $id})
     CALL (v) {
       MATCH (same:Vehicle) WHERE v.plateNormalized IS NOT NULL AND same.plateNormalized = v.plateNormalized
       RETURN same
       UNION
       RETURN v AS same
     }
     OPTIONAL MATCH (same)-[r:SIGHTED_AT]->(camera:Location)
     WITH v, same, r, camera ORDER BY r.at, r.id
     RETURN v, collect(DISTINCT same) AS vehicles, collect([r, camera])[0..$limit] AS hits, count(r) > $limit AS truncated`,
    { id: vehicleId, limit: int(MAX_TRACK_HITS) },
  );
  const row = rows[0];
  if (!row) return null;
  const nodes = new Map((row.vehicles as Node[]).map((node) => { const entity = toEntity(node); return [entity.id, entity]; }));
  const links = [];
  for (const [relationship, camera] of row.hits as [Relationship | null, Node | null][]) {
    if (!relationship || !camera) continue;
    const cameraEntity = toEntity(camera);
    nodes.set(cameraEntity.id, cameraEntity);
    links.push(toLink(relationship, vehicleIdOf(relationship, row.vehicles as Node[]), cameraEntity.id));
  }
  return { nodes: [...nodes.values()], links, truncated: Boolean(row.truncated) };
}

/** The id of the vehicle record a hit starts from (relationships carry element ids, the chart uses record ids). */
function vehicleIdOf(relationship: Relationship, vehicles: Node[]): string {
  const vehicle = vehicles.find((node) => node.elementId === relationship.startNodeElementId);
  return String(vehicle?.properties.id);
}
