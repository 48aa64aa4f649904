/**
 * Every string the UI shows comes from the messages catalog (static/shared/messages*): no UI file
 * writes words straight into JSX. A heuristic over the TypeScript syntax tree, not a proof: JSX
 * text with letters, and `aria-label`, `title`, `placeholder`, `alt` or `label` given a literal
 * with letters, count as user-visible strings outside the catalog. Text built in plain code
 * (a `const` string passed in later) escapes it; code review catches those.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

function tsxFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

const visibleAttributes = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const hasLetters = (text: string) => /\p{L}/u.test(text);

/** `file:line "text"` for each user-visible literal in the file's JSX. */
export function literalStrings(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = tree.getLineAndCharacterOfPosition(node.getStart(tree));
    found.push(`${file}:${line + 1} ${JSON.stringify(text.trim().replace(/\s+/g, ' '))}`);
  };
  const literalOf = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isJsxExpression(node)) return literalOf(node.expression);
    if (ts.isConditionalExpression(node)) return literalOf(node.whenTrue) ?? literalOf(node.whenFalse);
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return literalOf(node.right);
    if (ts.isTemplateExpression(node)) {
      const words = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      return hasLetters(words) ? words : undefined;
    }
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalOf(node.expression);
      if (text !== undefined && hasLetters(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && visibleAttributes.has(node.name.getText(tree))) {
      const text = literalOf(node.initializer);
      if (text !== undefined && hasLetters(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('the messages catalog', () => {
  test('the heuristic finds words in JSX text and in visible attributes, and not in keys or class names', () => {
    const sample = [
      'const a = <p>Hello there</p>;',
      'const b = <input aria-label="Search" placeholder={`Type ${n} words`} />;',
      'const c = <span title={open ? "Close" : m.open}>{m.text}{"Save"}</span>;',
      'const d = <Box testId="product-card" xcss={styles} as="h2" role="alert">{"·"} {name} </Box>;',
    ].join('\n');
    expect(literalStrings('sample.tsx', sample)).toEqual([
      'sample.tsx:1 "Hello there"',
      'sample.tsx:2 "Search"',
      'sample.tsx:2 "Type words"',
      'sample.tsx:3 "Close"',
      'sample.tsx:3 "Save"',
    ]);
  });

  test('no UI file writes user-visible words outside static/shared/messages', () => {
    const offenders = tsxFiles('static').flatMap((file) => literalStrings(file, readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
