/**
 * Every Jira operation the app can call is one the simulator serves, and manifest.yml's
 * `permissions.scopes` hold one whole scope set of it (test/sandbox/jira/operation-scopes.ts), so
 * Forge never answers "Unauthorized; scope does not match" on a real site. The calls are found in
 * the TypeScript syntax tree: each `route` template in src/ (with the `method` beside it in the
 * same request object), and each `requestJira(...)` of Custom UI code in static/. A call the guard
 * cannot read fails it, so nothing slips past by being written differently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { loadManifest } from '../sandbox/forge/manifest';
import { scopeSetsOf, scopesAllow } from '../sandbox/jira/operation-scopes';
import { ROUTES } from '../sandbox/jira/routes/index';
import { matchRoute } from '../sandbox/jira/routes/router';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface JiraCallSite {
  /** `file:line`, for the failure message. */
  at: string;
  method: string;
  /** The path with every `${…}` as `{}`, query included: `/rest/api/3/project/{}/hierarchy`. */
  path: string;
}

type Found = { calls: JiraCallSite[]; unreadable: string[] };

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `/a/${x}/b?c=${d}` → `/a/{}/b?c={}`; undefined for anything but a (template) string literal. */
function pathOf(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  return undefined;
}

/** `method: 'PUT'` among an object literal's properties; GET when absent, undefined when not a literal. */
function methodOf(object: ts.ObjectLiteralExpression | undefined): string | undefined {
  const property = object?.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'method');
  if (!property) return 'GET';
  return ts.isPropertyAssignment(property) ? pathOf(property.initializer)?.toUpperCase() : undefined;
}

/**
 * The Jira calls in one file's source. In app code (src/) the `route` templates are the calls: the
 * one `requestJira(request.path, …)` in the Jira client passes them on. Custom UI code has no
 * `route` and calls the bridge's `requestJira` with a string, read when `customUi`.
 */
export function jiraCallsIn(file: string, source: string, options: { customUi?: boolean } = {}): Found {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Found = { calls: [], unreadable: [] };
  const at = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1}`;
  const visit = (node: ts.Node) => {
    // @forge/api: `client.send({ method?, path: route`…` })` or `requestJira(route`…`, { method? })`.
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(tree) === 'route') {
      const path = pathOf(node.template);
      const parent = node.parent;
      let method: string | undefined;
      if (parent && ts.isPropertyAssignment(parent) && parent.name.getText(tree) === 'path' && ts.isObjectLiteralExpression(parent.parent)) {
        method = methodOf(parent.parent);
      } else if (parent && ts.isCallExpression(parent) && parent.arguments[0] === node) {
        const init = parent.arguments[1];
        method = init === undefined ? 'GET' : ts.isObjectLiteralExpression(init) ? methodOf(init) : undefined;
      }
      if (path === undefined || method === undefined) found.unreadable.push(`${at(node)} ${node.getText(tree)}`);
      else found.calls.push({ at: at(node), method, path });
    }
    // @forge/bridge in Custom UI: `requestJira('/rest/…', { method? })`.
    if (options.customUi && ts.isCallExpression(node) && /(^|\.)requestJira$/.test(node.expression.getText(tree))) {
      const path = pathOf(node.arguments[0]);
      const init = node.arguments[1];
      const method = init === undefined ? 'GET' : ts.isObjectLiteralExpression(init) ? methodOf(init) : undefined;
      if (path === undefined || method === undefined) found.unreadable.push(`${at(node)} ${node.getText(tree)}`);
      else found.calls.push({ at: at(node), method, path });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** What is wrong with one call under `scopes`: no simulated route, or no scope set held; undefined when fine. */
export function scopeProblem(call: JiraCallSite, scopes: readonly string[]): string | undefined {
  const pathname = call.path.split('?')[0] ?? '';
  // `{}` stands for a value; `x` matches a template parameter and no literal segment.
  const match = matchRoute(ROUTES, call.method, pathname.replaceAll('{}', 'x'));
  if (match.kind !== 'route') return `${call.at} ${call.method} ${call.path}: the Jira simulator serves no such operation`;
  const operation = `${match.route.method} ${match.route.template}`;
  const sets = scopeSetsOf(operation);
  if (!sets) return `${call.at} ${operation}: no scope requirement in test/sandbox/jira/operation-scopes.ts`;
  if (scopesAllow(scopes, sets)) return undefined;
  return `${call.at} ${operation}: manifest.yml permissions.scopes hold none of ${sets.map((set) => `[${set.join(', ')}]`).join(' or ')}`;
}

const manifestScopes = loadManifest(join(root, 'manifest.yml')).scopes;
const appCalls = [
  ...sourceFiles('src').map((file) => jiraCallsIn(file, readFileSync(join(root, file), 'utf8'))),
  ...sourceFiles('static').map((file) => jiraCallsIn(file, readFileSync(join(root, file), 'utf8'), { customUi: true })),
];
const calls = appCalls.flatMap((found) => found.calls);

describe('every Jira operation the app calls is covered by manifest.yml scopes', () => {
  test('the guard reads every Jira call in src/ and static/', () => {
    expect(appCalls.flatMap((found) => found.unreadable)).toEqual([]);
    // The app's adapters call Jira from about twenty places; far fewer means the scan broke.
    expect(calls.length).toBeGreaterThanOrEqual(20);
    expect(calls.map((call) => `${call.method} ${call.path.split('?')[0]}`)).toEqual(
      expect.arrayContaining(['GET /rest/agile/1.0/board/{}/configuration', 'PUT /rest/api/3/issue/{}/properties/{}', 'POST /rest/api/3/search/jql']),
    );
  });

  test('each call maps to a simulated operation whose scopes the manifest holds', () => {
    expect(calls.map((call) => scopeProblem(call, manifestScopes)).filter(Boolean)).toEqual([]);
  });

  test('the manifest asks for no scope beyond what those calls and storage need', () => {
    const needed = new Set(['storage:app']);
    for (const call of calls) {
      const match = matchRoute(ROUTES, call.method, (call.path.split('?')[0] ?? '').replaceAll('{}', 'x'));
      if (match.kind !== 'route') continue;
      const sets = scopeSetsOf(`${match.route.method} ${match.route.template}`) ?? [];
      // The set the manifest holds is the one in use.
      for (const scope of sets.find((set) => scopesAllow(manifestScopes, [set])) ?? []) needed.add(scope);
    }
    expect([...manifestScopes].filter((scope) => !needed.has(scope))).toEqual([]);
  });

  test('the guard fails a call whose scope the manifest lacks, and one the simulator does not serve', () => {
    const source = [
      "const a = client.send({ path: route`/rest/agile/1.0/sprint/${id}/issue?jql=${jql}`, schema });",
      "const b = asUser().requestJira(route`/rest/api/3/issue/${key}/properties/${p}`, { method: 'DELETE' });",
      // Served by the simulator since check-ins post comments: a worklog is still an operation it lacks.
      "const c = client.send({ method: 'POST', path: route`/rest/api/3/issue/${key}/worklog`, schema });",
      'const d = client.send({ method: verb, path: route`/rest/api/3/field`, schema });',
    ].join('\n');
    const found = jiraCallsIn('example.ts', source);
    expect(found.unreadable).toEqual(['example.ts:4 route`/rest/api/3/field`']);
    const ui = jiraCallsIn('panel.tsx', "await requestJira(`/rest/agile/1.0/board/${id}/configuration`);\nawait requestJira(path);", { customUi: true });
    expect(ui.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /rest/agile/1.0/board/{}/configuration']);
    expect(ui.unreadable).toEqual(['panel.tsx:2 requestJira(path)']);
    expect(found.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /rest/agile/1.0/sprint/{}/issue?jql={}',
      'DELETE /rest/api/3/issue/{}/properties/{}',
      'POST /rest/api/3/issue/{}/worklog',
    ]);
    const problems = found.calls.map((call) => scopeProblem(call, ['read:jira-work', 'read:sprint:jira-software']));
    expect(problems[0]).toMatch(/GET \/rest\/agile\/1\.0\/sprint\/\{sprintId\}\/issue: manifest\.yml permissions\.scopes hold none of/);
    expect(problems[1]).toMatch(/DELETE .*properties\/\{propertyKey\}: manifest\.yml/);
    expect(problems[2]).toMatch(/serves no such operation/);
  });
});
