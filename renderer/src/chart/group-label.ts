// A name for a group of nodes the analyst folded together: "Phones of Jan de Vries" when they are all of
// one type and hang off one common entity, else "3 phones" or "5 entities". Written in the interface
// language of the moment: the name is part of the chart from then on, like anything the analyst typed.
import type { EntitySummary } from '../../../contract/model';
import { t } from '../i18n';
import { entityTypePlural } from '../i18n/vocabulary';

export function groupLabel(members: readonly EntitySummary[], commonNeighbour?: EntitySummary): string {
  const types = new Set(members.map((m) => m.type));
  if (types.size === 1) {
    const plural = entityTypePlural(members[0].type);
    if (commonNeighbour) return t('chart:groupOf', { types: `${plural[0].toUpperCase()}${plural.slice(1)}`, label: commonNeighbour.label });
    return t('chart:groupCount', { count: members.length, types: plural });
  }
  return t('common:entityCount', { count: members.length });
}
