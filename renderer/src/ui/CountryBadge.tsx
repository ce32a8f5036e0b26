import type { Country } from '../../../contract/model';

const COUNTRY_NAMES: Record<Country, string> = { NL: 'Netherlands', BE: 'Belgium' };

/** "NL" / "BE" pill in the country's chart colour. */
export function CountryBadge({ country }: { country: string | undefined }) {
  if (country !== 'NL' && country !== 'BE') return null;
  return (
    <span className={`country-badge country-${country.toLowerCase()}`} title={COUNTRY_NAMES[country]}>
      {country}
    </span>
  );
}
