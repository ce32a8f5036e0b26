import { countryName } from '../i18n/vocabulary';

/** "NL" / "BE" pill in the country's chart colour. */
export function CountryBadge({ country }: { country: string | undefined }) {
  if (country !== 'NL' && country !== 'BE') return null;
  return (
    <span className={`country-badge country-${country.toLowerCase()}`} title={countryName(country)}>
      {country}
    </span>
  );
}
