/**
 * `npm start`: the sandbox host on http://127.0.0.1:4300 (PORT), demo data (`--data large` or
 * SANDBOX_DATA=large for the big site, `--data huge` for one project of 1,000 epics and 100,000 children), storage kept in .sandbox/storage.json (`--fresh` wipes it).
 * Jira's search index trails writes by 2 s, as a real site's does by seconds (`--search-lag <ms>`
 * or SANDBOX_SEARCH_LAG_MS; 0 turns it off): JQL in the host shows a link a moment after it is made.
 */
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startHost } from './host';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    port: { type: 'string' },
    'search-lag': { type: 'string' },
  },
});

const data = values.data ?? process.env['SANDBOX_DATA'] ?? 'demo';
if (data !== 'demo' && data !== 'large' && data !== 'huge') {
  console.error(`--data must be demo, large or huge (got "${data}")`);
  process.exit(2);
}
const port = Number(values.port ?? process.env['PORT'] ?? 4300);
const searchIndexLagMs = Number(values['search-lag'] ?? process.env['SANDBOX_SEARCH_LAG_MS'] ?? 2000);
if (!Number.isFinite(searchIndexLagMs) || searchIndexLagMs < 0) {
  console.error(`--search-lag must be 0 or more milliseconds (got "${values['search-lag'] ?? process.env['SANDBOX_SEARCH_LAG_MS']}")`);
  process.exit(2);
}
// One file per data set: both sites number their projects alike, so one store would mix them.
const storageFile = join(REPO_ROOT, '.sandbox', data === 'demo' ? 'storage.json' : `storage-${data}.json`);

const host = await startHost({
  port,
  data,
  storageFile,
  fresh: values.fresh,
  searchIndexLagMs,
  log: (line) => console.log(`  invoke ${line}`),
}).catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: start with PORT=<another port> npm start` : error);
  process.exit(1);
});
console.log(`Throughline sandbox: ${host.url}/  (data: ${data}; search index ${searchIndexLagMs} ms behind; storage ${values.fresh ? 'wiped' : 'kept'} in ${relative(REPO_ROOT, storageFile)}; API ${host.url}/__sandbox/state)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void host.close().finally(() => process.exit(0));
  });
}
