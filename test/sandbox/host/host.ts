/**
 * `startHost()`: the sandbox host in-process. `npm start` runs it through main.ts; e2e tests
 * start it on port 0 and drive it over HTTP or with a browser.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsumerHandler, ForgeSandbox, InvocationStats } from '../forge/sandbox';
import type { JiraSimulator } from '../jira/simulator';
import { DEMO_USERS } from '../demo/users';
import { browserAssets } from './browser-assets';
import { loadHandler } from './handlers';
import type { ForgeHandler } from './handlers';
import type { HostContext } from './host-context';
import { handleRequest } from './host-server';
import { readHostManifest } from './manifest';
import type { HostManifest } from './manifest';
import { World } from './world';
import type { DataSet } from './world';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const KEPT_INVOCATIONS = 200;

export interface HostOptions {
  /** 0 picks a free port. Default 4300. */
  port?: number;
  /** Default 127.0.0.1: the sandbox has no authentication, so it never listens beyond this machine. */
  hostname?: string;
  data?: DataSet;
  /** Persist the KVS here across restarts; in memory when omitted. */
  storageFile?: string;
  /** Delete `storageFile` before starting. */
  fresh?: boolean;
  /** How long Jira's search index trails writes, as on a real site; default 0 (search sees writes at once). */
  searchIndexLagMs?: number;
  /** The app's root (resource paths and `src/` are relative to it). Default: this repository. */
  rootDir?: string;
  manifestPath?: string;
  /** Where manifest handlers live (`index.resolver` → `<sourceDir>/index.ts`). Default `<rootDir>/src`. */
  sourceDir?: string;
  /** Handler reference → function, instead of importing it (test fixtures). */
  handlers?: Record<string, ForgeHandler>;
  /** One line per invocation; silent when omitted. */
  log?: (line: string) => void;
}

export interface RunningHost {
  url: string;
  port: number;
  manifest: HostManifest;
  /** The current simulator and runtime (replaced by POST /__sandbox/reset). */
  readonly jira: JiraSimulator;
  readonly forge: ForgeSandbox;
  close(): Promise<void>;
}

const ROLE_BY_ACCOUNT = new Map<string, string>(Object.entries(DEMO_USERS).map(([role, accountId]) => [accountId, role]));

function describeInvocation(stats: InvocationStats): string {
  const who = stats.accountId ? (ROLE_BY_ACCOUNT.get(stats.accountId) ?? stats.accountId) : 'anonymous';
  const what = stats.functionKey ?? stats.kind;
  return `${what} [${stats.moduleKey}] as ${who}: ${stats.outcome} in ${Math.round(stats.serverMs)} ms, ${stats.jiraRequests} Jira, ${stats.storageOps} storage`;
}

export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const manifestPath = options.manifestPath ?? join(rootDir, 'manifest.yml');
  const sourceDir = options.sourceDir ?? join(rootDir, 'src');
  if (options.fresh && options.storageFile) rmSync(options.storageFile, { force: true });
  const manifest = await readHostManifest(manifestPath, rootDir);
  await browserAssets(); // fail at start, not on the first page view, if the browser code does not build

  const invocations: InvocationStats[] = [];
  const loaded = new Map<string, Promise<ForgeHandler>>();
  let listeningPort: number | undefined;
  const world = new World({
    data: options.data ?? 'demo',
    standInPort: () => listeningPort,
    manifestPath,
    ...(options.storageFile ? { storageFile: options.storageFile } : {}),
    ...(options.searchIndexLagMs ? { searchIndexLagMs: options.searchIndexLagMs } : {}),
    functionHandler: async (functionKey) => {
      const ref = manifest.functions[functionKey];
      return ref ? ((await context.handler(ref)) as unknown as ConsumerHandler) : undefined;
    },
    onInvocation: (stats) => {
      invocations.push(stats);
      if (invocations.length > KEPT_INVOCATIONS) invocations.shift();
      options.log?.(describeInvocation(stats));
    },
  });
  const context: HostContext = {
    manifest,
    world,
    invocations,
    faults: { jira: {}, kvs: {} },
    handler(ref) {
      const override = options.handlers?.[ref];
      if (override) return Promise.resolve(override);
      let handler = loaded.get(ref);
      if (!handler) {
        handler = loadHandler(sourceDir, ref);
        loaded.set(ref, handler);
        handler.catch(() => loaded.delete(ref)); // retry after the source is fixed
      }
      return handler;
    },
  };

  const server = createServer((request, response) => void handleRequest(context, request, response));
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4300, hostname, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  listeningPort = port;
  return {
    url: `http://${hostname}:${port}`,
    port,
    manifest,
    get jira() {
      return world.jira;
    },
    get forge() {
      return world.forge;
    },
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        world.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}
