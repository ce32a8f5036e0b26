import type { EntityType } from '../../../contract/model';
import { typeIconUri } from '../../../shared-values/chart-icons';
import { ENTITY_TYPE_STYLES } from '../../../shared-values/chart-style';
import { entityTypeName } from '../i18n/vocabulary';

/** The type's icon on its colour, as on the chart. */
export function TypeIcon({ type, size = 22 }: { type: EntityType; size?: number }) {
  const style = ENTITY_TYPE_STYLES[type];
  return (
    <span className="type-icon" style={{ backgroundColor: style.colour, width: size, height: size }} title={entityTypeName(type)}>
      <img src={typeIconUri(type)} alt={entityTypeName(type)} width={Math.round(size * 0.62)} height={Math.round(size * 0.62)} />
    </span>
  );
}
