// No user-visible text in the renderer's JSX is written out in code: JSX text, the attributes people read or
// hear (title, aria-label, placeholder, alt, label…) and the strings a {…} child or attribute evaluates to
// must come from a catalogue through t(). Found with the TypeScript parser, so comments, class names and
// comparisons (`kind === 'entity'`) do not count; text without letters (×, ▾, →, ·) does not either.
// Outside JSX (every renderer .ts and .tsx), wording gathered in `text`/`messages`/`labels` objects, strings
// handed to alert()/confirm()/prompt(), and `title:`/`label:`/`placeholder:` properties must come from a
// catalogue too. There only prose counts (a space between words, or a capitalised word), so the codes that
// live in the same places — keys, class names, ids, test ids, event names, data attributes, Cytoscape
// mappers such as 'data(label)' — are lower-case, dashed or dotted and pass.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Read through Vite (raw text), not node:fs: the renderer's tsconfig deliberately has no Node types.
const SOURCES = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
/** Attributes whose value a user reads or a screen reader speaks. `name`/`label` are accessible names of our own components. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-valuetext', 'aria-description', 'aria-roledescription', 'placeholder', 'alt', 'label', 'panelLabel', 'name', 'empty', 'text']);
/** Names and codes that are the same in every language. */
const ALLOWED = new Set(['Schakel', 'Neo4j', 'GraphML', 'PDF', 'SVG', 'PNG', 'CSV', 'XLSX', 'JSON', 'SHA-256']);
/** Keyboard keys as printed on the keys, in shortcut hints ('Ctrl+Shift+Z'). */
const KEY_NAMES = new Set(['Ctrl', 'Shift', 'Alt', 'Esc', 'Delete', 'Backspace', 'Enter', 'Tab', 'Space', 'Home', 'End', 'PageUp', 'PageDown']);
/** Object literals that gather a module's wording. */
const WORDING_OBJECT = /^(text|texts|messages|labels|strings|wording)$/i;
/** Object properties whose value is shown (menu items, tooltips, options of our components). */
const VISIBLE_PROPERTIES = new Set(['title', 'label', 'placeholder']);
/** Calls that put their argument in front of the user. */
const DIALOG_CALLS = new Set(['alert', 'confirm', 'prompt', 'window.alert', 'window.confirm', 'window.prompt']);

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim()) && !text.split('+').every((part) => KEY_NAMES.has(part.trim()) || part.trim().length === 1);
/** Prose rather than a code: words separated by spaces, or a capitalised word. */
const isProse = (text: string) => hasWords(text) && (/\p{L}\s+\p{L}/u.test(text) || /^\s*\p{Lu}\p{Ll}/u.test(text));
type Accept = (text: string) => boolean;

/** The string parts an expression can evaluate to: branches, fallbacks, concatenations, template text. */
function visibleStrings(node: ts.Node, accept: Accept = hasWords): ts.Node[] {
  const visibleStrings = (inner: ts.Node) => visibleStringsOf(inner, accept);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return accept(node.text) ? [node] : [];
  if (ts.isTemplateExpression(node)) {
    // A value stands where each substitution is: `${n} candidates` reads as "X candidates".
    const literal = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('X');
    const words = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    return [...(hasWords(words) && accept(literal) ? [node] : []), ...node.templateSpans.flatMap((span) => visibleStrings(span.expression))];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return visibleStrings(node.expression);
  if (ts.isConditionalExpression(node)) return [...visibleStrings(node.whenTrue), ...visibleStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) return [...visibleStrings(node.left), ...visibleStrings(node.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return visibleStrings(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...visibleStrings(node.left), ...visibleStrings(node.right)];
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(visibleStrings);
  return [];
}
const visibleStringsOf = (node: ts.Node, accept: Accept) => visibleStrings(node, accept);

/** Every prose string anywhere inside a wording object: values, nested objects, the bodies of message functions. */
function proseWithin(node: ts.Node): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return visibleStrings(node, isProse);
  if (ts.isPropertyAssignment(node)) return proseWithin(node.initializer);
  const found: ts.Node[] = [];
  ts.forEachChild(node, (child) => void found.push(...proseWithin(child)));
  return found;
}

const nameOf = (name: ts.Node) => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined);

/** `name` on a native element (`<input name=…>`) is a form field's key; on our own components it is an accessible name. */
function isFormFieldName(attribute: ts.JsxAttribute): boolean {
  const element = attribute.parent.parent;
  return attribute.name.getText() === 'name' && /^[a-z]/.test(element.tagName.getText());
}

function literalStrings(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file.replace(/^\.\.\//, '')}:${line + 1}: ${text.trim().replace(/\s+/g, ' ').slice(0, 60)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && !isFormFieldName(node) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value) for (const literal of visibleStrings(value)) report(literal, literal.getText());
    }
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of visibleStrings(node.expression)) report(literal, literal.getText());
    }
    if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) && node.initializer && WORDING_OBJECT.test(nameOf(node.name) ?? '')) {
      for (const literal of proseWithin(node.initializer)) report(literal, literal.getText());
    }
    if (ts.isPropertyAssignment(node) && VISIBLE_PROPERTIES.has(nameOf(node.name) ?? '')) {
      for (const literal of visibleStrings(node.initializer, isProse)) report(literal, literal.getText());
    }
    if (ts.isCallExpression(node) && DIALOG_CALLS.has(node.expression.getText())) {
      for (const literal of node.arguments.flatMap((argument) => visibleStrings(argument))) report(literal, literal.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('renderer text comes from the catalogues', () => {
  it('finds literal text in JSX (the check itself)', () => {
    const sample = `const A = () => <div title="Fit to view" aria-label={busy ? 'Saving…' : t('x')} className="a b">
      Hello {count > 1 ? \`\${count} items\` : null} {kind === 'entity' ? '→' : t('y')} ×</div>;`;
    expect(literalStrings('sample.tsx', sample).map((s) => s.replace(/^.*?: /, ''))).toEqual(['"Fit to view"', "'Saving…'", 'Hello', '`${count} items`']);
  });

  it('finds wording outside JSX, and lets codes pass (the check itself)', () => {
    const sample = `const text = { saved: 'Chart saved', count: (n: number) => \`\${n} candidates\`, key: 'chart-saved' };
      const shortcuts = [{ command: 'redo', label: 'Ctrl+Shift+Z' }, { command: 'remove', label: 'Delete' }];
      const style = { selector: 'node', style: { label: 'data(label)' } };
      const item = { id: 'fit-view', label: 'Fit to view', title: \`\${id}-title\`, placeholder: 'Search…', className: 'Menu Item' };
      if (window.confirm('Remove the chart?')) alert(\`Removed \${n}\`);
      const messages = { event: 'chart:changed', testId: 'export-dialog', attribute: 'data-entity-id' };`;
    expect(literalStrings('sample.ts', sample).map((s) => s.replace(/^.*?: /, ''))).toEqual([
      "'Chart saved'",
      '`${n} candidates`',
      "'Fit to view'",
      "'Search…'",
      "'Remove the chart?'",
      '`Removed ${n}`',
    ]);
  });

  it('has no literal user-visible string in any renderer module', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(60);
    const found = Object.entries(SOURCES).flatMap(([file, source]) => literalStrings(file, source));
    expect(found).toEqual([]);
  });
});
