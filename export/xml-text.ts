// Escaping for the XML we write (GraphML, ANX, SVG). Written by hand rather than through a builder so the
// byte layout is ours and stable across library upgrades: exports must be byte-identical run to run.

// XML 1.0 allows only these characters; anything else (NUL, most C0 controls, lone surrogates) would
// make the whole file unreadable, so it is replaced by U+FFFD rather than dropped silently.
const INVALID_XML_CHARACTERS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function toXmlSafeText(value: string): string {
  return value.replace(INVALID_XML_CHARACTERS, '\uFFFD');
}

export function escapeXmlText(value: string): string {
  return toXmlSafeText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and whitespace as character references so parsers keep it verbatim. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `name="value"` pairs in the given order; undefined values are left out. */
export function xmlAttributes(attributes: [string, string | number | boolean | undefined][]): string {
  let out = '';
  for (const [name, value] of attributes) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}

/** Coordinates and sizes with at most two decimals, no "-0": stable text for the same geometry. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
