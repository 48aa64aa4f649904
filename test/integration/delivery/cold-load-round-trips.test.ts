/**
 * Issue 13, first useful paint: a cold roadmap of a big project (its roll-ups left to the queue)
 * waits on Jira round trips one after another; each costs Jira's latency, so the chain's length is
 * the call's floor. The chain: the viewer's permissions, the epic types (beside releases and
 * boards), the viewer's epic ids (beside the boards' sprints and the estimation setup), the epic
 * cards by id in one wave, and the crawl's start (the app's permission and the children's count).
 * Jira answers each request after 300 ms here, so "in a row" is read from when requests start and end.
 */
import { jest } from '@jest/globals';
import type { RoadmapView } from '../../../src/contract';
import { rollupCrawl } from '../../../src/index';
import { buildLargeSite, loadEntityPropertyIndexes } from '../../sandbox/demo';
import type { ConsumerHandler } from '../../sandbox/forge/sandbox';
import type { JiraRequest, JiraResponse } from '../../sandbox/jira/simulator';
import { createSandbox, manifestPath } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';

jest.setTimeout(60_000);

const sandbox = createSandbox({ site: buildLargeSite({ epics: 280, childrenPerEpic: 3, sprints: 12, entityPropertyIndexes: loadEntityPropertyIndexes(manifestPath) }) });
sandbox.forge.registerConsumer('rollup-crawl', rollupCrawl as unknown as ConsumerHandler);

const spans: Array<{ start: number; end: number; path: string }> = [];
const handle = sandbox.jira.handle.bind(sandbox.jira);
sandbox.jira.handle = async (request: JiraRequest): Promise<JiraResponse> => {
  const span = { start: performance.now(), end: Number.POSITIVE_INFINITY, path: `${request.method} ${request.path.split('?')[0]}` };
  spans.push(span);
  try {
    return await handle(request);
  } finally {
    span.end = performance.now();
  }
};

/** The longest chain of requests each started after the previous one answered. */
function inARow(): string[] {
  const sorted = [...spans].sort((a, b) => a.end - b.end);
  const chains: string[][] = [];
  sorted.forEach((span, i) => {
    let best: string[] = [];
    for (let j = 0; j < i; j += 1) if (sorted[j]!.end <= span.start && chains[j]!.length > best.length) best = chains[j]!;
    chains.push([...best, span.path]);
  });
  return chains.reduce((longest, chain) => (chain.length > longest.length ? chain : longest), []);
}

test('a cold roadmap of 98 epics asks Jira at most 4 round trips in a row (6 before), and lists every epic', async () => {
  sandbox.jira.setFaults({ latency: { fixedMs: 300 } });
  try {
    spans.length = 0;
    const view: RoadmapView = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: { module: 'jira:projectPage', project: 'THR' }, payload: {} }));
    expect(view.crawl).toMatchObject({ finished: false });
    expect(view.epics.length).toBeGreaterThan(50);
    const chain = inARow();
    expect({ length: chain.length, chain }).toEqual({ length: Math.min(chain.length, 4), chain });
  } finally {
    sandbox.jira.setFaults({});
  }
});
