// A vehicle's ANPR hits for the map: the SIGHTED_AT links of the record and of every record carrying the
// same normalised plate (each country's case keeps its own record of the car a camera read), oldest first.
// Both lookups go through indexes (vehicle id, plateNormalized); the hits are capped.
import type { Node, Relationship } from 'neo4j-driver';
import type { AnprTrack } from '../contract/map';
import { MAX_TRACK_HITS } from '../contract/map';
import { toEntity, toLink } from './mapper';
import { int, readRows, type QueryContext } from './run';

export async function anprTrack(ctx: QueryContext, vehicleId: string): Promise<AnprTrack | null> {
  // A row per vehicle record, then a row per hit: a long track as one record would cross Bolt's 64 KiB
  // chunks, which neo4j-driver decodes byte by byte. The hits are the first `limit` by time (a bounded
  // top-k), plus one that only says the track goes on.
  const rows = await readRows(
    ctx,
    `MATCH (v:Vehicle {id: $id})
     CALL (v) {
       MATCH (same:Vehicle) WHERE v.plateNormalized IS NOT NULL AND same.plateNormalized = v.plateNormalized
       RETURN same
       UNION
       RETURN v AS same
     }
     WITH collect(DISTINCT same) AS vehicles
     CALL (vehicles) {
       UNWIND vehicles AS vehicle
       RETURN vehicle, null AS hit, null AS camera
       UNION ALL
       UNWIND vehicles AS same
       MATCH (same)-[r:SIGHTED_AT]->(camera:Location)
       WITH r, camera ORDER BY r.at, r.id LIMIT $limit + 1
       RETURN null AS vehicle, r AS hit, camera
     }
     RETURN vehicle, hit, camera`,
    { id: vehicleId, limit: int(MAX_TRACK_HITS) },
  );
  const vehicles = rows.flatMap((row) => (row.vehicle ? [row.vehicle as Node] : []));
  if (vehicles.length === 0) return null;
  const nodes = new Map(vehicles.map((node) => { const entity = toEntity(node); return [entity.id, entity]; }));
  const hits = rows.filter((row) => row.hit && row.camera);
  const links = [];
  for (const row of hits.slice(0, MAX_TRACK_HITS)) {
    const relationship = row.hit as Relationship;
    const cameraEntity = toEntity(row.camera as Node);
    nodes.set(cameraEntity.id, cameraEntity);
    links.push(toLink(relationship, vehicleIdOf(relationship, vehicles), cameraEntity.id));
  }
  return { nodes: [...nodes.values()], links, truncated: hits.length > MAX_TRACK_HITS };
}

/** The id of the vehicle record a hit starts from (relationships carry element ids, the chart uses record ids). */
function vehicleIdOf(relationship: Relationship, vehicles: Node[]): string {
  const vehicle = vehicles.find((node) => node.elementId === relationship.startNodeElementId);
  return String(vehicle?.properties.id);
}
