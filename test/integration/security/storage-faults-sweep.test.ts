/**
 * Issue 9, "nothing lost, nothing half-written", swept: every function, with a valid payload, meets
 * Forge storage failing from its 1st, 2nd, … request on. Each answer is a valid `ok` or a typed
 * failure (never a throw, Forge's 500), and the app's data is never half-written, and the reply is
 * honest: after a typed failure the data is as before the call; once the write committed the reply is
 * `ok` and the data as after the same call when nothing failed (a later read for the reply failing
 * must not turn a saved change into "failed").
 */
import type { Defs, ErrorCode } from '../../../src/contract';
import { handlers } from '../../../src/resolvers/handlers';
import { createSandbox } from '../harness';
import type { ModuleContext } from '../harness';
import type { SeededProduct } from './kit';
import { seedProduct, storedData, validPayload } from './kit';

const sandbox = createSandbox();
let own: SeededProduct;
let baseline: ReturnType<typeof sandbox.forge.kvs.snapshot>;
let baselineData: string;
let baselineProperties: Array<Record<string, unknown>>;

const adminFunctions = new Set<string>(['getAdminSettings', 'getAdminProjectSettings', 'saveEditRule', 'saveStoryPointOverride', 'saveSprintBoards', 'exportData', 'previewImport', 'applyImport', 'rebuildLinkIndex']);
/** The import is being rewritten alongside (its own interrupted-import tests cover it). */
const leftOut = new Set<string>(['previewImport', 'applyImport']);
const closedCodes: ErrorCode[] = ['forbidden', 'not-found', 'invalid', 'conflict', 'jira-unavailable', 'rate-limited', 'scope-missing', 'storage-unavailable'];

beforeAll(async () => {
  own = await seedProduct(sandbox, 'THR');
  await seedProduct(sandbox, 'MOB');
  await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
  baseline = sandbox.forge.kvs.snapshot();
  baselineData = storedData(sandbox, { caches: 'left out' });
  baselineProperties = sandbox.site.issues.map((issue) => structuredClone(issue.properties));
}, 120_000);

afterEach(() => sandbox.forge.kvs.setFaults({}));

function restoreSeed(): void {
  sandbox.forge.kvs.restore(baseline);
  sandbox.site.issues.forEach((issue, index) => {
    issue.properties = structuredClone(baselineProperties[index] ?? {});
  });
}

function where(key: string): { as: 'admin' | 'productManager'; in: ModuleContext } {
  if (key === 'getEpicContext' || key === 'setEpicLinks') return { as: 'productManager', in: { module: 'jira:issuePanel', issue: own.epicKey } };
  if (key === 'getPortfolio') return { as: 'productManager', in: { module: 'jira:globalPage' } };
  if (adminFunctions.has(key)) return { as: 'admin', in: { module: 'jira:adminPage' } };
  return { as: 'productManager', in: { module: 'jira:projectPage', project: 'THR' } };
}

/**
 * Stored data with what differs between two runs of the same call masked: instants and fresh ids.
 * Left out: `link-sync` records, the outbox of link changes written in the same transaction as the
 * change (one left behind is a change the epic-link-sync consumer finishes), and the
 * `recent-epic-link-writes` hint, a cache of which epics were written lately (for Jira's search lag).
 */
function comparable(data: string): string {
  const parsed = JSON.parse(data) as { kv: Record<string, unknown>; entities: Record<string, unknown> };
  delete parsed.entities['link-sync'];
  delete parsed.kv['recent-epic-link-writes'];
  return JSON.stringify(parsed)
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<instant>')
    // Storage's own clocks: write times and TTL expiry (the feed's activity entries carry one).
    .replace(/"(createdAt|updatedAt|expiresAt)":\d+/g, '"$1":0')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}

const keys = (Object.keys(handlers) as Array<keyof Defs>).filter((key) => !leftOut.has(key));

test.each(keys)('%s: storage failing at any request gives a typed answer, nothing half-written, and a saved change answered ok', async (key) => {
  // How many storage requests the call makes when nothing fails: the sweep fails each in turn.
  restoreSeed();
  const before = sandbox.forge.kvs.stats.operations;
  const first = await sandbox.call(key, { ...where(key), payload: validPayload(key, own) });
  const requests = sandbox.forge.kvs.stats.operations - before;
  const whole = comparable(storedData(sandbox, { caches: 'left out' }));
  const untouched = comparable(baselineData);

  // An outage (every request from the n-th on fails) and a blip (only the n-th fails).
  const faults = Array.from({ length: requests }, (_, after) => [
    { after },
    { after, times: 1 },
  ]).flat();
  for (const { after, times } of faults as Array<{ after: number; times?: number }>) {
    restoreSeed();
    sandbox.forge.kvs.setFaults({ failure: { status: 500, code: 'INTERNAL_SERVER_ERROR', after, ...(times === undefined ? {} : { times }) } });
    let answer: { ok: boolean; error?: { code: ErrorCode } };
    try {
      answer = (await sandbox.call(key, { ...where(key), payload: validPayload(key, own) })) as typeof answer;
    } catch (error) {
      throw new Error(`${key} threw when storage failed after ${after} of ${requests} requests (${times ? 'once' : 'from then on'}): ${String(error)}`);
    } finally {
      sandbox.forge.kvs.setFaults({});
    }
    const now = comparable(storedData(sandbox, { caches: 'left out' }));
    if (answer.ok && key === 'createEpicFromItem') {
      // The one call whose change lands in Jira before storage, and a new epic (a new id, the key of
      // its link record) each time. Once the epic exists the answer is the epic, never a failure
      // (issue 10.4): saved whole, or, storage out from then on, nothing stored and the link held by
      // the epic's own property, set in the create itself, which every read adopts.
      const epicOf = (reply: unknown) => (reply as { value: { epic: { id: string } } }).value.epic.id;
      const epicId = epicOf(answer);
      const savedWhole = now.split(`"${epicId}"`).join(`"${epicOf(first)}"`) === whole;
      const property = sandbox.site.issues.find((issue) => issue.id === epicId)?.properties['throughline-links'] as { roadmapItemIds?: string[] } | undefined;
      expect({ after, times, savedWholeOrUntouched: savedWhole || now === untouched, linkedInJira: property?.roadmapItemIds?.includes(own.itemId) }).toEqual({ after, times, savedWholeOrUntouched: true, linkedInJira: true });
      continue;
    }
    if (answer.ok) {
      // A storage failure the call rode out (a blip on a read it could do without) still saved it whole.
      expect({ after, times, whole: now === whole }).toEqual({ after, times, whole: true });
      continue;
    }
    expect(closedCodes).toContain(answer.error?.code);
    // A refusal changed nothing: once the write committed the reply is `ok`, never a failure for a saved change.
    expect({ after, times, untouched: now === untouched }).toEqual({ after, times, untouched: true });
  }
}, 60_000);
