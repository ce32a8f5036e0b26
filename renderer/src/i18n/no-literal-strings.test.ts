// No user-visible text in the renderer's JSX is written out in code: JSX text, the attributes people read or
// hear (title, aria-label, placeholder, alt, label…) and the strings a {…} child or attribute evaluates to
// must come from a catalogue through t(). Found with the TypeScript parser, so comments, class names and
// comparisons (`kind === 'entity'`) do not count; text without letters (×, ▾, →, ·) does not either.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Read through Vite (raw text), not node:fs: the renderer's tsconfig deliberately has no Node types.
const COMPONENTS = import.meta.glob(['../**/*.tsx', '!../**/*.test.tsx'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
/** Attributes whose value a user reads or a screen reader speaks. `name`/`label` are accessible names of our own components. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-valuetext', 'aria-description', 'aria-roledescription', 'placeholder', 'alt', 'label', 'panelLabel', 'name', 'empty', 'text']);
/** Names and codes that are the same in every language. */
const ALLOWED = new Set(['Schakel', 'Neo4j', 'GraphML', 'PDF', 'SVG', 'PNG', 'CSV', 'XLSX', 'JSON', 'Ctrl', 'Esc', 'SHA-256']);

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim());

/** The string parts an expression can evaluate to: branches, fallbacks, concatenations, template text. */
function visibleStrings(node: ts.Node): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text) ? [node] : [];
  if (ts.isTemplateExpression(node)) {
    const literal = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    return [...(hasWords(literal) ? [node] : []), ...node.templateSpans.flatMap((span) => visibleStrings(span.expression))];
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

/** `name` on a native element (`<input name=…>`) is a form field's key; on our own components it is an accessible name. */
function isFormFieldName(attribute: ts.JsxAttribute): boolean {
  const element = attribute.parent.parent;
  return attribute.name.getText() === 'name' && /^[a-z]/.test(element.tagName.getText());
}

function literalStrings(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
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

  it('has no literal user-visible string in any component', () => {
    expect(Object.keys(COMPONENTS).length).toBeGreaterThan(30);
    const found = Object.entries(COMPONENTS).flatMap(([file, source]) => literalStrings(file, source));
    expect(found).toEqual([]);
  });
});
