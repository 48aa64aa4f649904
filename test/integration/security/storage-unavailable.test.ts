/**
 * Issue 9, "nothing lost, nothing half-written": when Forge storage fails, every resolver answers the
 * typed `storage-unavailable` (the UI says "try again") instead of throwing into Forge's generic 500,
 * and a write that failed left storage as it was.
 */
import type { ErrorCode } from '../../../src/contract';
import { en, errorTitleOf } from '../../../static/shared/messages';
import { epicPanel } from '../../../static/shared/messages/epic-panel';
import { portfolio } from '../../../static/shared/messages/portfolio';
import { createSandbox } from '../harness';
import { storedData } from './kit';

const sandbox = createSandbox();
const goal = { title: 'Grow checkout conversion', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'quarter', year: 2027, quarter: 1 } };

afterEach(() => {
  sandbox.forge.kvs.setFaults({});
  sandbox.forge.setProxyFault(undefined);
});

test('a storage read failing (5xx) is storage-unavailable, not a thrown 500', async () => {
  sandbox.forge.kvs.setFaults({ failure: { status: 500, code: 'INTERNAL_SERVER_ERROR' } });
  const answer = await sandbox.call('getStrategy', { as: 'productManager' });
  expect(answer).toEqual({ ok: false, error: { code: 'storage-unavailable', message: expect.stringMatching(/Try again/) } });
});

test('storage throttling (429 RATE_LIMIT_EXCEEDED) is storage-unavailable too', async () => {
  sandbox.forge.kvs.setFaults({ failure: { status: 429, code: 'RATE_LIMIT_EXCEEDED' } });
  expect(await sandbox.call('getRoadmap', { as: 'developer', payload: {} })).toMatchObject({ ok: false, error: { code: 'storage-unavailable' } });
});

test('the Forge proxy failing in front of storage is storage-unavailable', async () => {
  sandbox.forge.setProxyFault({ remote: 'kvs' });
  expect(await sandbox.call('getPortfolio', { as: 'developer', in: { module: 'jira:globalPage' } })).toMatchObject({
    ok: false,
    error: { code: 'storage-unavailable' },
  });
});

test('a write whose transaction fails changes nothing, answers storage-unavailable, and succeeds when retried', async () => {
  const before = storedData(sandbox);
  sandbox.forge.kvs.setFaults({ failure: { status: 503, code: 'SERVICE_UNAVAILABLE', paths: ['/api/v1/transaction'], times: 1 } });
  const failed = await sandbox.call('createGoal', { as: 'productManager', payload: { goal } });
  expect(failed).toMatchObject({ ok: false, error: { code: 'storage-unavailable' } });
  expect(storedData(sandbox)).toBe(before);

  const retried = await sandbox.call('createGoal', { as: 'productManager', payload: { goal } });
  expect(retried).toMatchObject({ ok: true, value: { title: goal.title } });
  const strategy = await sandbox.call('getStrategy', { as: 'productManager' });
  expect(strategy.ok && strategy.value.goals.map((g) => g.title)).toEqual([goal.title]);
});

test('a failure part-way through a call (after some storage requests succeeded) is storage-unavailable', async () => {
  for (const after of [1, 2, 3, 5, 8]) {
    sandbox.forge.kvs.setFaults({ failure: { status: 500, code: 'INTERNAL_SERVER_ERROR', after } });
    const answer = await sandbox.call('getStrategy', { as: 'productManager' });
    sandbox.forge.kvs.setFaults({});
    if (!answer.ok) expect(answer.error.code).toBe('storage-unavailable');
  }
});

test('storage refusing what the app sent (a 400) is still a bug: it throws, so Forge logs it', async () => {
  sandbox.forge.kvs.setFaults({ failure: { status: 400, code: 'MAX_SIZE' } });
  await expect(sandbox.call('getStrategy', { as: 'productManager' })).rejects.toThrow();
});

test('every error code of the contract has its own title in each catalog that titles errors', () => {
  // A Record over the closed union: adding a code to the contract without a title here stops tsc.
  const codes: Record<ErrorCode, true> = {
    forbidden: true,
    'not-found': true,
    invalid: true,
    conflict: true,
    'jira-unavailable': true,
    'rate-limited': true,
    'scope-missing': true,
    'storage-unavailable': true,
  };
  const generic = errorTitleOf('no-such-code');
  for (const code of Object.keys(codes)) expect(en.errorTitle[code]).toBeDefined();
  expect(errorTitleOf('storage-unavailable')).not.toBe(generic);
  expect(portfolio.errorTitle('storage-unavailable')).not.toBe(portfolio.errorTitle('no-such-code'));
  expect(epicPanel.errorTitle('storage-unavailable')).not.toBe(epicPanel.errorTitle('no-such-code'));
});
