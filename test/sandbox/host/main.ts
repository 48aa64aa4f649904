/**
 * `npm start`: the sandbox host on http://127.0.0.1:4300 (PORT), demo data (`--data large` or
 * SANDBOX_DATA=large for the big site), storage kept in .sandbox/storage.json (`--fresh` wipes it).
 */
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startHost } from './host';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    port: { type: 'string' },
  },
});

const data = values.data ?? process.env['SANDBOX_DATA'] ?? 'demo';
if (data !== 'demo' && data !== 'large') {
  console.error(`--data must be demo or large (got "${data}")`);
  process.exit(2);
}
const port = Number(values.port ?? process.env['PORT'] ?? 4300);
// One file per data set: both sites number their projects alike, so one store would mix them.
const storageFile = join(REPO_ROOT, '.sandbox', data === 'demo' ? 'storage.json' : `storage-${data}.json`);

const host = await startHost({
  port,
  data,
  storageFile,
  fresh: values.fresh,
  log: (line) => console.log(`  invoke ${line}`),
}).catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: start with PORT=<another port> npm start` : error);
  process.exit(1);
});
console.log(`Throughline sandbox: ${host.url}/  (data: ${data}; storage ${values.fresh ? 'wiped' : 'kept'} in ${relative(REPO_ROOT, storageFile)}; API ${host.url}/__sandbox/state)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void host.close().finally(() => process.exit(0));
  });
}
