// Mapping entity and link types between Schakel's model and the names other tools use, for import and
// export. Anything that does not match is imported as a generic item and reported in a notice.
import { ENTITY_TYPES, RELATIONSHIP_TYPES, type EntityType, type RelationshipType } from '../contract/model';

/**
 * The Schakel model has no "other" entity type, so an imported item of a type Schakel does not know
 * becomes a Source record (a neutral grey document on the chart) and keeps its original type in
 * `properties.importedType`. The importer always lists these in its notices.
 */
export const GENERIC_ENTITY_TYPE: EntityType = 'Source';
/** Likewise unknown link types become "associate of" (an analyst's link, drawn dashed). */
export const GENERIC_LINK_TYPE: RelationshipType = 'ASSOCIATE_OF';
export const IMPORTED_TYPE_PROPERTY = 'importedType';

/** i2 Analyst's Notebook icon type written for each Schakel type (names from i2's standard palette). */
export const I2_ICON_TYPES: Record<EntityType, string> = {
  Person: 'Person',
  Vehicle: 'Vehicle',
  Phone: 'Mobile Phone',
  Gang: 'Organisation',
  Location: 'Address',
  Incident: 'Event',
  Case: 'Case',
  Source: 'Document',
};

/** Names other tools use, lower-cased, for each Schakel entity type. */
const ENTITY_SYNONYMS: Record<EntityType, string[]> = {
  Person: ['person', 'people', 'individual', 'suspect', 'persoon', 'personne', 'man', 'woman'],
  Vehicle: ['vehicle', 'car', 'auto', 'voertuig', 'véhicule', 'vehicule', 'truck', 'van', 'motorcycle'],
  Phone: ['phone', 'mobile phone', 'telephone', 'mobile', 'cell phone', 'telefoon', 'téléphone', 'telephone number', 'phone number'],
  Gang: ['gang', 'organisation', 'organization', 'group', 'criminal group', 'bende', 'groupe'],
  Location: ['location', 'address', 'place', 'building', 'house', 'adres', 'adresse', 'lieu', 'locatie'],
  Incident: ['incident', 'event', 'offence', 'offense', 'crime', 'gebeurtenis', 'événement'],
  Case: ['case', 'case file', 'investigation', 'onderzoek', 'dossier', 'zaak'],
  Source: ['source', 'document', 'report', 'record', 'bron'],
};

const RELATIONSHIP_SYNONYMS: Partial<Record<RelationshipType, string[]>> = {
  MEMBER_OF: ['member of', 'member', 'membership', 'lid van'],
  USES: ['uses', 'user', 'uses phone'],
  OWNS: ['owns', 'owner', 'registered owner', 'registered keeper', 'eigenaar'],
  DRIVES: ['drives', 'driver', 'bestuurder'],
  CALLED: ['called', 'call', 'telephone call', 'phone call', 'calls'],
  SIGHTED_AT: ['sighted at', 'sighting', 'anpr', 'seen at'],
  LIVES_AT: ['lives at', 'resides at', 'address', 'woont op'],
  INVOLVED_IN: ['involved in', 'involvement', 'participant'],
  OCCURRED_AT: ['occurred at', 'took place at', 'location of'],
  PART_OF: ['part of'],
  RECORDED_IN: ['recorded in', 'source'],
  ASSOCIATE_OF: ['associate of', 'associate', 'associated with', 'known associate', 'link', 'relation'],
  SAME_AS: ['same as', 'identical to', 'alias of'],
};

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[_\-]+/g, ' ').replace(/\s+/g, ' ');
}

const ENTITY_LOOKUP = new Map<string, EntityType>();
for (const type of ENTITY_TYPES) {
  ENTITY_LOOKUP.set(normalise(type), type);
  for (const synonym of ENTITY_SYNONYMS[type]) ENTITY_LOOKUP.set(normalise(synonym), type);
}
const RELATIONSHIP_LOOKUP = new Map<string, RelationshipType>();
for (const type of RELATIONSHIP_TYPES) {
  RELATIONSHIP_LOOKUP.set(normalise(type), type);
  for (const synonym of RELATIONSHIP_SYNONYMS[type] ?? []) RELATIONSHIP_LOOKUP.set(normalise(synonym), type);
}

/** The Schakel entity type a foreign type name stands for, or undefined when there is none. */
export function matchEntityType(name: string | undefined): EntityType | undefined {
  if (!name) return undefined;
  return ENTITY_LOOKUP.get(normalise(name));
}

export function matchRelationshipType(name: string | undefined): RelationshipType | undefined {
  if (!name) return undefined;
  return RELATIONSHIP_LOOKUP.get(normalise(name));
}

/** Collects "imported as generic" notices once per foreign type, with how many items it affected. */
export class ImportNotices {
  private readonly messages: string[] = [];
  private readonly unknownEntityTypes = new Map<string, number>();
  private readonly unknownLinkTypes = new Map<string, number>();

  add(message: string): void {
    this.messages.push(message);
  }

  /** Grey "withheld" markers of a Schakel export: they show where something was kept back, they are no data. */
  skippedWithheldMarkers(count: number): void {
    if (count > 0) this.add(`${count} marker(s) of items withheld under H1/H2 were not imported: they only show where something was left out of the export.`);
  }

  unknownEntityType(name: string): void {
    this.unknownEntityTypes.set(name, (this.unknownEntityTypes.get(name) ?? 0) + 1);
  }

  unknownLinkType(name: string): void {
    this.unknownLinkTypes.set(name, (this.unknownLinkTypes.get(name) ?? 0) + 1);
  }

  list(): string[] {
    const typeNotices = [...this.unknownEntityTypes.entries()].map(
      ([name, count]) =>
        `${count} item(s) of type "${name}" are not a Schakel type; imported as generic ${GENERIC_ENTITY_TYPE} items (original type kept in "${IMPORTED_TYPE_PROPERTY}").`,
    );
    const linkNotices = [...this.unknownLinkTypes.entries()].map(
      ([name, count]) =>
        `${count} link(s) of type "${name}" are not a Schakel relationship; imported as "${GENERIC_LINK_TYPE}" (original type kept in "${IMPORTED_TYPE_PROPERTY}").`,
    );
    return [...typeNotices, ...linkNotices, ...this.messages];
  }
}
