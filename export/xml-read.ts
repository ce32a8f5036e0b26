// Reading XML files a user opens (GraphML, ANX). They are untrusted: refuse DTDs outright (no XXE, no
// entity expansion bombs), cap size and element count before building a tree, and turn parser errors
// into a message that names the line.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ExportError } from './errors';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_XML_ELEMENTS = 2_000_000;

/** A parsed element: attributes under '@', text under '#text', children by tag name (always arrays). */
export interface XmlElement {
  '@'?: Record<string, string>;
  '#text'?: string;
  [child: string]: XmlElement[] | Record<string, string> | string | undefined;
}

export interface UntrustedXmlOptions {
  /** Shown in messages: "GraphML", "i2 ANX". */
  formatName: string;
  maxBytes?: number;
  maxElements?: number;
}

/** Decodes bytes honouring a UTF-8 or UTF-16 byte-order mark (i2 tools often write UTF-16). */
export function decodeXmlBytes(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const bytes = input;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function byteLength(input: string | Uint8Array): number {
  return typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
}

export function parseUntrustedXml(input: string | Uint8Array, options: UntrustedXmlOptions): XmlElement {
  const { formatName } = options;
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const maxElements = options.maxElements ?? MAX_IMPORT_XML_ELEMENTS;
  const size = byteLength(input);
  if (size > maxBytes) {
    throw new ExportError(
      'FILE_TOO_LARGE',
      `This ${formatName} file is ${formatMegabytes(size)}; Schakel opens files up to ${formatMegabytes(maxBytes)}.`,
      'Split the chart into smaller files, or export only the part you need.',
    );
  }
  const text = decodeXmlBytes(input);
  if (text.trim() === '') {
    throw new ExportError('MALFORMED_FILE', `This ${formatName} file is empty.`, 'Choose the exported file itself.');
  }
  // A DTD is never needed for GraphML or ANX, and is the door for external entities (XXE) and
  // entity-expansion bombs, so any declaration is refused before a parser sees the text.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new ExportError(
      'UNSAFE_XML',
      `This ${formatName} file declares a DOCTYPE or entities, which Schakel refuses for safety (they can read other files or exhaust memory).`,
      'Remove the <!DOCTYPE …> declaration from the file, or export it again from the original program.',
    );
  }
  const elementCount = countElements(text);
  if (elementCount > maxElements) {
    throw new ExportError(
      'TOO_MANY_ELEMENTS',
      `This ${formatName} file holds ${elementCount.toLocaleString('en')} XML elements; the limit is ${maxElements.toLocaleString('en')}.`,
      'Split the chart into smaller files.',
    );
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new ExportError(
      'MALFORMED_FILE',
      `This ${formatName} file is not well-formed XML (line ${line}, column ${col}): ${msg}`,
      'The file may be truncated or damaged; export it again from the original program.',
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Decodes numeric character references (&#10;, &#x627;); named entities beyond XML's five are not
    // valid without a DTD, which was refused above.
    htmlEntities: true,
    alwaysCreateTextNode: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Deep nesting is never needed by GraphML or ANX (yEd nests groups a few levels).
    maxNestedTags: 64,
    isArray: (_name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute,
  });
  try {
    return parser.parse(text) as XmlElement;
  } catch (error) {
    throw new ExportError(
      'MALFORMED_FILE',
      `This ${formatName} file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      'Export it again from the original program.',
    );
  }
}

function countElements(text: string): number {
  let count = 0;
  for (let index = text.indexOf('<'); index !== -1; index = text.indexOf('<', index + 1)) {
    const next = text.charCodeAt(index + 1);
    // Opening tags only: letters, '_' or ':' (not '/', '!', '?').
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95 || next === 58 || next > 127) count++;
  }
  return count;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Children with a tag name, ignoring XML namespace prefixes (y:NodeLabel matches 'NodeLabel'). */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const found: XmlElement[] = [];
  for (const key of Object.keys(element)) {
    if (key === '@' || key === '#text') continue;
    const local = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
    if (local !== name) continue;
    const value = element[key];
    if (!Array.isArray(value)) continue;
    // Empty elements come back as '' rather than an object; normalise so callers see one shape.
    for (const child of value as unknown[]) found.push(typeof child === 'object' && child !== null ? (child as XmlElement) : { '#text': String(child ?? '') });
  }
  return found;
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.['@']?.[name];
}

/** All text inside an element (its own text and its children's), as one string. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  let text = typeof element['#text'] === 'string' ? element['#text'] : '';
  for (const key of Object.keys(element)) {
    if (key === '@' || key === '#text') continue;
    const value = element[key];
    if (Array.isArray(value)) for (const child of value as unknown[]) text += typeof child === 'object' && child !== null ? textOf(child as XmlElement) : String(child ?? '');
  }
  return text;
}
