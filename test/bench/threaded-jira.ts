/**
 * A `JiraBackend` for the Forge sandbox that forwards requests, after a network latency, to Jira
 * simulators on their own threads (`jira-worker.ts`): as on Forge, Jira's work then happens beside
 * the app rather than inside its measured time. Several simulator threads answer in turn, as Jira's
 * servers answer parallel requests in parallel; site edits go to all of them.
 */
import { Worker } from 'node:worker_threads';
import type { JiraBackend, JiraRequest, JiraResponse } from '../sandbox/forge/sandbox';
import type { SimSite } from '../sandbox/jira/model';
import type { WorkerMessage } from './jira-worker';

type Reply = { id: number; reply?: JiraResponse; busyMs?: number };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface ThreadedJira extends JiraBackend {
  readonly stats: { requests: number; byRoute: Record<string, number> };
  /** Milliseconds the simulator threads spent answering, since the start (summed over threads). */
  readonly simulatorBusyMs: number;
  resetStats(): void;
  edit(edits: Array<{ issueId: string; statusId: string; updated?: string }>): Promise<void>;
  close(): Promise<void>;
}

export async function threadedJira(
  site: Pick<SimSite, 'cloudId' | 'baseUrl'>,
  options: { latencyMs: number; threads: number; workerSite?: { site: 'large' | 'huge'; childrenPerEpic?: number; clock?: 'wall' } },
): Promise<ThreadedJira> {
  // A worker's entry is loaded before `--import` hooks apply there, so it registers tsx itself first.
  const entry = new URL('./jira-worker.ts', import.meta.url).href;
  const pending = new Map<number, (reply: Reply) => void>();
  const busy = new Array<number>(options.threads).fill(0);
  const workers = await Promise.all(
    Array.from({ length: options.threads }, async (_, index) => {
      const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true, ...(options.workerSite ? { workerData: options.workerSite } : {}) });
      await new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', () => resolve());
      });
      worker.on('message', (message: Reply) => {
        if (message.busyMs !== undefined) busy[index] = message.busyMs;
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      });
      return worker;
    }),
  );
  let nextId = 1;
  let turn = 0;
  const send = (worker: Worker, message: WithoutId<WorkerMessage>) =>
    new Promise<Reply>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...message, id });
    });
  const stats = { requests: 0, byRoute: {} as Record<string, number> };
  return {
    site: { cloudId: site.cloudId, baseUrl: site.baseUrl },
    stats,
    get simulatorBusyMs() {
      return busy.reduce((sum, ms) => sum + ms, 0);
    },
    resetStats() {
      stats.requests = 0;
      stats.byRoute = {};
    },
    async handle(request: JiraRequest): Promise<JiraResponse> {
      stats.requests += 1;
      const route = `${request.method} ${request.path.split('?')[0]?.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
      stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const worker = workers[turn++ % workers.length] as Worker;
      const { reply } = await send(worker, { kind: 'request', request });
      if (!reply) throw new Error('the simulator thread gave no reply');
      return reply;
    },
    async edit(edits) {
      await Promise.all(workers.map((worker) => send(worker, { kind: 'edit', edits })));
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
