// A name for a group of nodes the analyst folded together: "Phones of Jan de Vries" when they are all of
// one type and hang off one common entity, else "3 phones" or "5 entities".
import type { EntitySummary } from '../../../contract/model';
import { ENTITY_TYPE_STYLES } from '../../../shared-values/chart-style';

export function groupLabel(members: readonly EntitySummary[], commonNeighbour?: EntitySummary): string {
  const types = new Set(members.map((m) => m.type));
  if (types.size === 1) {
    const plural = `${ENTITY_TYPE_STYLES[members[0].type].name.toLowerCase()}s`;
    if (commonNeighbour) return `${plural[0].toUpperCase()}${plural.slice(1)} of ${commonNeighbour.label}`;
    return `${members.length} ${plural}`;
  }
  return `${members.length} entities`;
}
