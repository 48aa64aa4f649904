/**
 * One-off check of OPERATION_SCOPES against Atlassian's OpenAPI documents, for whoever has them
 * (the project does not ship them, so no test runs this):
 *   npx tsx test/sandbox/jira/operation-scopes.verify.ts /path/to/jira-openapi
 * Prints one line per operation and exits 1 when the table and the documents disagree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATION_SCOPES } from './operation-scopes';
import { ROUTES } from './routes/index';

interface OpenApiOperation {
  security?: Array<Record<string, string[]>>;
  'x-atlassian-oauth2-scopes'?: Array<{ scheme: string; scopes: string[]; state: string }>;
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

// The documents leave these operations' OAuth2 list empty; the table takes the published reference's.
const DOCUMENT_GAPS = new Set(['GET /rest/agile/1.0/board']);

const folder = process.argv[2] ?? '/work/shared/jira-openapi';
const documents = ['jira-platform.v3.json', 'jira-software.v1.json'].map(
  (name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as OpenApiDocument,
);

const sorted = (scopes: readonly string[] | undefined) => (scopes ? [...scopes].sort().join(' ') : '');
let failures = 0;
for (const route of ROUTES) {
  const operation = `${route.method} ${route.template}`;
  const documented = documents.map((doc) => doc.paths[route.template]?.[route.method.toLowerCase()]).find(Boolean);
  const table = OPERATION_SCOPES[operation];
  if (!documented || !table) {
    failures += 1;
    console.log(`MISSING ${operation}: ${documented ? '' : 'not in the documents '}${table ? '' : 'not in the table'}`);
    continue;
  }
  const extensions = documented['x-atlassian-oauth2-scopes'] ?? [];
  const oauth = (documented.security ?? []).flatMap((entry) => (entry['OAuth2'] ? [entry['OAuth2']] : []));
  const classic = extensions.find((entry) => entry.state === 'Current')?.scopes;
  // The agile document has no extension: its `security` list is the granular set.
  const granular = extensions.find((entry) => entry.state === 'Beta')?.scopes ?? (extensions.length === 0 ? oauth[0] : undefined);
  const agrees = DOCUMENT_GAPS.has(operation) || (sorted(classic) === sorted(table.classic) && sorted(granular) === sorted(table.granular));
  if (!agrees) failures += 1;
  console.log(`${agrees ? 'ok     ' : 'DIFFERS'} ${operation}: classic [${sorted(classic)}] granular [${sorted(granular)}]`);
}
process.exit(failures === 0 ? 0 : 1);
