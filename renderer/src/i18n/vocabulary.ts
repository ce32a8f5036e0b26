// The domain words every panel shares (entity and link types, countries), from the `common` catalogue.
import type { Country, EntityType, RelationshipType } from '../../../contract/model';
import { i18n, t } from './index';

/** "Person" / "Persoon" / "Personne". */
export function entityTypeName(type: EntityType): string {
  return t(`common:entityType.${type}`, { defaultValue: type });
}

/** Lower-case plural for running text: "persons" / "personen". */
export function entityTypePlural(type: EntityType): string {
  return t(`common:entityTypePlural.${type}`, { defaultValue: type });
}

/** Per language: a big chart labels tens of thousands of links with a handful of names. */
const linkTypeNames = new Map<string, string>();

/** Short, lower-case, as on a link: "called" / "belde" / "a appelé". */
export function linkTypeName(type: RelationshipType | string): string {
  const key = `${i18n.language}\u0000${type}`;
  let name = linkTypeNames.get(key);
  if (name === undefined) {
    name = t(`common:linkType.${type}`, { defaultValue: type.toLowerCase().replace(/_/g, ' ') });
    linkTypeNames.set(key, name);
  }
  return name;
}

/** Capitalised with what it connects, for choosers: "Uses (phone)". */
export function linkTypeLongName(type: RelationshipType): string {
  return t(`common:linkTypeLong.${type}`, { defaultValue: type });
}

export function countryName(country: Country): string {
  return t(`common:country.${country}`, { defaultValue: country });
}

/** The kind of an analyst link from the shared vocabulary: "co-offender" / "mededader" / "coauteur". */
export function analystLinkKindName(kind: string): string {
  return t(`annotations:linkKind.kind.${kind}`, { defaultValue: kind });
}
