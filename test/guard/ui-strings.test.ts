/**
 * Issue 12, part 7: no UI string outside the catalogs. Every word a reader sees or hears comes from
 * static/shared/messages (and so from its locale JSON), or a German reader meets English in the
 * middle of German. Scans the resources' sources (static/<resource>/src/**\/*.{ts,tsx}) and the shared UI
 * code (static/shared/**\/*.{ts,tsx}, catalogs excepted) for:
 *   - JSX text with a letter (`<p>Hello</p>`, `{'Hello'}`);
 *   - a literal given to a visible or spoken prop: aria-label, aria-description, aria-valuetext,
 *     label, title, placeholder, alt, and ADS's legend, helper, caption, heading, tooltip, message
 *     (also as an object property: `{ label: 'Save' }`, `{ code, message: '…' }`);
 *   - a literal said to the screen reader: `announce('Saved')`.
 * A heuristic over the syntax tree, not a proof (a sentence kept in a `const` and passed on later
 * escapes it); it sits beside test/guard/messages.test.ts, which covers JSX only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Literals that are not language, so no locale changes them. Symbols and keyboard key names only:
 * never a word or a sentence (those belong in a catalog).
 */
const notLanguage = new Set([
  '—', // an empty cell
  '–', // a range's dash
  '·', // a separator between facts
  '…',
  '→',
  '←',
  '↑',
  '↓',
  // Keyboard keys are named as the keyboard prints them, in every locale (glossary).
  'Enter',
  'Esc',
  'Escape',
  'Tab',
  'Shift',
  'Ctrl',
  'Alt',
  'Space',
]);

/** Props (and object properties) whose string is read or heard: ARIA names, ADS fields' and notices' words. */
const visibleProps = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'label',
  'legend',
  'helper',
  'helperText',
  'caption',
  'heading',
  'tooltip',
  'noneLabel',
  'message',
]);
const spokenCalls = new Set(['announce']);
const hasLetter = (text: string) => /\p{L}/u.test(text);
const isLanguage = (text: string) => hasLetter(text) && !notLanguage.has(text.trim());

function sourceFiles(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build' || name === 'messages' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path, keep);
    return keep(name) ? [path] : [];
  });
}

/** What the guard reads: each resource's src/**\/*.{ts,tsx} and shared/**\/*.{ts,tsx}, never build/ or messages/. */
export function scannedFiles(): string[] {
  const resources = readdirSync(join(root, 'static')).filter((name) => name !== 'shared' && statSync(join(root, 'static', name)).isDirectory());
  return [
    ...resources.flatMap((resource) => {
      const src = join('static', resource, 'src');
      try {
        return sourceFiles(src, (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'));
      } catch {
        return []; // a resource without src/
      }
    }),
    ...sourceFiles(join('static', 'shared'), (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts') && name !== 'messages.ts'),
  ].sort();
}

/** `file:line "text"` for each user-visible literal in the source. */
export function uiStrings(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = tree.getLineAndCharacterOfPosition(node.getStart(tree));
    found.push(`${file}:${line + 1} ${JSON.stringify(text.trim().replace(/\s+/g, ' '))}`);
  };
  /** The words a value shows, when they are written right there. */
  const literalOf = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isJsxExpression(node) || ts.isParenthesizedExpression(node)) return literalOf(node.expression);
    if (ts.isConditionalExpression(node)) return literalOf(node.whenTrue) ?? literalOf(node.whenFalse);
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return literalOf(node.right);
      if (op === ts.SyntaxKind.PlusToken) {
        const words = [literalOf(node.left), literalOf(node.right)].filter((part) => part !== undefined).join(' ');
        return words && isLanguage(words) ? words : undefined;
      }
    }
    if (ts.isTemplateExpression(node)) {
      const words = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      return isLanguage(words) ? words : undefined;
    }
    return undefined;
  };
  const check = (node: ts.Node, value: ts.Node | undefined) => {
    const text = literalOf(value);
    if (text !== undefined && isLanguage(text)) report(node, text);
  };
  const nameOf = (name: ts.PropertyName | ts.JsxAttributeName): string =>
    ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : ts.isJsxNamespacedName(name) ? `${name.namespace.text}:${name.name.text}` : name.getText(tree);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isLanguage(node.text)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) check(node, node.expression);
    else if (ts.isJsxAttribute(node) && visibleProps.has(nameOf(node.name))) check(node, node.initializer);
    else if (ts.isPropertyAssignment(node) && visibleProps.has(nameOf(node.name))) check(node, node.initializer);
    else if (ts.isCallExpression(node)) {
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
      if (spokenCalls.has(callee)) check(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('no UI string outside the catalogs', () => {
  test('the scan finds words in JSX, visible props, object labels and announcements, and not symbols, keys or class names', () => {
    const sample = [
      'const a = <p>Hello there</p>;',
      'const b = <input aria-label="Search" placeholder={`Type ${n} words`} aria-description={"Opens " + name} />;',
      'const c = <span title={open ? "Close" : m.open}>{m.text}{"Save"}</span>;',
      'const d = <Box testId="product-card" xcss={styles} as="h2" role="alert">{"·"} {name} — </Box>;',
      'announce(`Moved ${title} to Next`); announce(m.moved(title)); announcer.announce("Done");',
      'const e = { label: "Rows", value: "rows", title: m.title }; const f = <kbd>Esc</kbd>;',
    ].join('\n');
    expect(uiStrings('sample.tsx', sample)).toEqual([
      'sample.tsx:1 "Hello there"',
      'sample.tsx:2 "Search"',
      'sample.tsx:2 "Type words"',
      'sample.tsx:2 "Opens"',
      'sample.tsx:3 "Close"',
      'sample.tsx:3 "Save"',
      'sample.tsx:5 "Moved to Next"',
      'sample.tsx:5 "Done"',
      'sample.tsx:6 "Rows"',
    ]);
  });

  test('it reads the resources’ sources and the shared UI code, not builds or the catalogs themselves', () => {
    const files = scannedFiles();
    expect(files).toEqual(expect.arrayContaining(['static/admin/src/admin-page.tsx', 'static/shared/loading.tsx', 'static/shared/relative-time.ts']));
    expect(files.filter((file) => /\/(build|messages)\//.test(file) || file.endsWith('messages.ts'))).toEqual([]);
  });

  /** What the scan finds today, file:line "text": the list a failing run prints. */
  const offenders = () => scannedFiles().flatMap((file) => uiStrings(file, readFileSync(join(root, file), 'utf8')));

  test('every user-visible literal in static/ comes from a catalog', () => {
    expect(offenders()).toEqual([]);
  });
});
