/**
 * "Today" and the forecast's days are the viewer's (the Forge context's `timezone`), not UTC's.
 * Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours apart: on any clock they are on
 * different days, so a view that takes UTC's day is wrong for at least one of them.
 */
import { resolver } from '../../../src/index';
import type { PortfolioView, RoadmapView } from '../../../src/contract';
import { dayIn } from '../../../src/domain/calendar';
import { DEMO_USERS } from '../../sandbox/demo';
import type { ResolverHandler } from '../../sandbox/forge/sandbox';
import { createSandbox } from '../harness';

const sandbox = createSandbox();

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  await sandbox.setEditRule('project-admins');
});

async function roadmapIn(timezone: string): Promise<RoadmapView> {
  const thr = sandbox.project('THR');
  const answer = (await sandbox.forge.callResolver(resolver as unknown as ResolverHandler, {
    functionKey: 'getRoadmap',
    payload: {},
    extension: { type: 'jira:projectPage', project: { id: thr.id, key: thr.key, type: 'software' }, location: `${sandbox.site.baseUrl}/jira/software/projects/THR/apps` },
    moduleKey: 'throughline-product',
    accountId: DEMO_USERS.productManager,
    timezone,
  })) as { ok: true; value: RoadmapView } | { ok: false; error: unknown };
  if (!answer.ok) throw new Error(`getRoadmap failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

test('the roadmap’s today is the viewer’s day, wherever they are', async () => {
  const before = Date.now();
  const [east, west] = [await roadmapIn('Pacific/Kiritimati'), await roadmapIn('Pacific/Pago_Pago')];
  const after = Date.now();
  expect(east.today).not.toBe(west.today);
  expect([dayIn(before, 'Pacific/Kiritimati'), dayIn(after, 'Pacific/Kiritimati')]).toContain(east.today);
  expect([dayIn(before, 'Pacific/Pago_Pago'), dayIn(after, 'Pacific/Pago_Pago')]).toContain(west.today);
});

test('the portfolio’s today, which decides what is overdue, is the viewer’s day too', async () => {
  const portfolioIn = async (timezone: string) => {
    const answer = (await sandbox.forge.callResolver(resolver as unknown as ResolverHandler, {
      functionKey: 'getPortfolio',
      payload: {},
      extension: { type: 'jira:globalPage', location: `${sandbox.site.baseUrl}/jira/apps/throughline-portfolio` },
      moduleKey: 'throughline-portfolio',
      accountId: DEMO_USERS.productManager,
      timezone,
    })) as { ok: true; value: PortfolioView } | { ok: false; error: unknown };
    if (!answer.ok) throw new Error(`getPortfolio failed: ${JSON.stringify(answer.error)}`);
    return answer.value;
  };
  const before = Date.now();
  const [east, west] = [await portfolioIn('Pacific/Kiritimati'), await portfolioIn('Pacific/Pago_Pago')];
  const after = Date.now();
  expect(east.today).not.toBe(west.today);
  expect([dayIn(before, 'Pacific/Kiritimati'), dayIn(after, 'Pacific/Kiritimati')]).toContain(east.today);
  expect([dayIn(before, 'Pacific/Pago_Pago'), dayIn(after, 'Pacific/Pago_Pago')]).toContain(west.today);
});
