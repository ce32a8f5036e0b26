// Why "Highlight cross-border" found nothing, from the countries of the chart's records: none carries a
// country, all are of one country, or both countries are there but no record reaches the other one.
import type { TFunction } from 'i18next';
import type { Country } from '../../../../contract/model';

export function crossBorderNoneText(t: TFunction<'chart'>, countries: readonly Country[]): string {
  if (countries.length === 0) return t('chart:tools.crossBorderNone.noCountry');
  if (countries.length === 1) return t(`chart:tools.crossBorderNone.oneCountry.${countries[0]}`);
  return t('chart:tools.crossBorderNone.notLinked');
}
