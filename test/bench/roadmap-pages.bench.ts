/**
 * What one load of a 5,000-item roadmap costs, page by page, through the real resolvers: the items
 * carry 2,000 characters of description each (the longest a card's text is likely to be), so the
 * board is about three times Forge's 5 MB per answer and comes in several pages
 * (src/resolvers/roadmap/roadmap-pages.ts). For each answer: its size, the storage read units and
 * operations it used, the Jira requests it made and its server time; then the whole load against
 * Forge's 4,000 read units a minute (test/sandbox/forge/kvs/quotas.ts), once counted and once with
 * the quotas armed (a refused page is a `storage-unavailable` answer the page must wait out).
 *
 * The items are written through the app's storage adapter (5,000 resolver calls would each read
 * the whole board); quotas are armed only after seeding, as if that took a few minutes.
 *
 * `npx tsx test/bench/roadmap-pages.bench.ts` (`ROADMAP_PAGES_ITEMS=2000` for another size).
 */
import type { Result, RoadmapItemsPage, RoadmapView } from '../../src/contract';
import { KVS_QUOTAS } from '../sandbox/forge/kvs/quotas';
import { createSandbox } from '../integration/harness';
import { horizonsInTurn, seedRoadmapItems } from '../integration/roadmap-seed';
import { report } from './report';

const count = Number(process.env['ROADMAP_PAGES_ITEMS'] ?? 5_000);
const descriptionChars = 2_000;
const sandbox = createSandbox();
const thr = { module: 'jira:projectPage', project: 'THR' } as const;

await seedRoadmapItems(sandbox, 'THR', count, {
  description: (i) => {
    const head = `Item ${i + 1}. `;
    return head + 'Why it matters to customers and what done looks like. '.repeat(40).slice(0, descriptionChars - head.length);
  },
  horizon: horizonsInTurn,
});

interface Answer {
  label: string;
  bytes: number;
  readUnits: number;
  writeUnits: number;
  operations: number;
  jira: number;
  ms: number;
  /** CPU of this process (the resolver and the platform doubles alike), beside the wall clock of a shared machine. */
  cpuMs: number;
  ok: boolean;
}

/** One resolver call with what it cost the installation's storage and the viewer's Jira. */
async function measured<T>(label: string, call: () => Promise<Result<T>>): Promise<{ answer: Result<T>; cost: Answer }> {
  const units = sandbox.forge.kvs.quotaStats;
  const operations = sandbox.forge.kvs.stats.operations;
  const jira = sandbox.jira.stats.requests;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const answer = await call();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const after = sandbox.forge.kvs.quotaStats;
  return {
    answer,
    cost: {
      label,
      bytes: Buffer.byteLength(JSON.stringify(answer), 'utf8'),
      readUnits: after.readUnits - units.readUnits,
      writeUnits: after.writeUnits - units.writeUnits,
      operations: sandbox.forge.kvs.stats.operations - operations,
      jira: sandbox.jira.stats.requests - jira,
      ms,
      cpuMs: (used.user + used.system) / 1000,
      ok: answer.ok,
    },
  };
}

/** The page's own load: the first answer, then every further page. */
async function loadWhole(): Promise<{ costs: Answer[]; items: number; refused?: string }> {
  const costs: Answer[] = [];
  const first = await measured('getRoadmap', () => sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }) as Promise<Result<RoadmapView>>);
  costs.push(first.cost);
  if (!first.answer.ok) return { costs, items: 0, refused: first.answer.error.code };
  let items = first.answer.value.items.length;
  let cursor = first.answer.value.itemsPage?.cursor;
  for (let page = 2; cursor !== undefined; page += 1) {
    const next = await measured(`getRoadmapItems #${page}`, () => sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor } }) as Promise<Result<RoadmapItemsPage>>);
    costs.push(next.cost);
    if (!next.answer.ok) return { costs, items, refused: next.answer.error.code };
    items += next.answer.value.items.length;
    cursor = next.answer.value.cursor;
  }
  return { costs, items };
}

// Warm first: the epics and roll-ups are cached, as on any load after the first of the day.
await loadWhole();

sandbox.forge.kvs.resetStats();
const counted = await loadWhole();
const peak = sandbox.forge.kvs.quotaStats.peakReadUnitsPerMinute;
for (const cost of counted.costs) {
  report({
    bench: 'roadmap-pages',
    scenario: `${count} items × ${descriptionChars} chars: ${cost.label}`,
    figures: {
      'answer MB': Number((cost.bytes / 1e6).toFixed(2)),
      'read units': cost.readUnits,
      'write units': cost.writeUnits,
      'storage ops': cost.operations,
      'Jira requests': cost.jira,
      'server ms': Math.round(cost.ms),
      'CPU ms': Math.round(cost.cpuMs),
    },
  });
}
const further = counted.costs.slice(1);
const total = (pick: (cost: Answer) => number, of = counted.costs) => of.reduce((sum, cost) => sum + pick(cost), 0);
report({
  bench: 'roadmap-pages',
  scenario: `${count} items × ${descriptionChars} chars: whole load`,
  figures: {
    answers: counted.costs.length,
    items: counted.items,
    'read units': total((cost) => cost.readUnits),
    'peak read units/min': peak,
    'further pages: read units': total((cost) => cost.readUnits, further),
    'further pages: Jira requests': total((cost) => cost.jira, further),
    'write units': total((cost) => cost.writeUnits),
    'server ms': Math.round(total((cost) => cost.ms)),
    'further pages: CPU ms': Math.round(total((cost) => cost.cpuMs, further)),
  },
  target: { text: `≤ ${KVS_QUOTAS.readUnitsPerMinute} read units a minute`, met: peak <= KVS_QUOTAS.readUnitsPerMinute && counted.items === count },
});

// The same load with Forge's quotas enforced, a minute after the last (a fresh window).
sandbox.forge.kvs.resetStats();
sandbox.forge.kvs.setQuotas(KVS_QUOTAS);
const armed = await loadWhole();
sandbox.forge.kvs.setQuotas(undefined);
report({
  bench: 'roadmap-pages',
  scenario: `${count} items × ${descriptionChars} chars: quotas armed`,
  figures: {
    items: armed.items,
    refused: armed.refused ?? 'none',
    'storage 429s': sandbox.forge.kvs.quotaStats.refused,
  },
  target: { text: 'every item, no storage refusal', met: armed.items === count && armed.refused === undefined },
});
