/**
 * Payload bounds the fuzz suite (payload-fuzz.test.ts) found broken, pinned as plain cases: each was
 * a thrown error (Forge's 500) before, and is a typed refusal that changes nothing now.
 */
import { createSandbox } from '../harness';
import { goalInput, seedProduct, storedData } from './kit';
import type { SeededProduct } from './kit';

const sandbox = createSandbox();
const onAdminPage = { module: 'jira:adminPage' } as const;
let thr: SeededProduct;

beforeAll(async () => {
  thr = await seedProduct(sandbox, 'THR');
}, 60_000);

describe('a baseVersion of 2^31 − 1 is refused as invalid: the save would store 2^31, past storage’s 32-bit integers', () => {
  test.each([
    ['saveEditRule', { rule: 'issue-editors', baseVersion: 2 ** 31 - 1 }],
    ['saveStoryPointOverride', { projectId: '10000', fieldId: null, baseVersion: 2 ** 31 - 1 }],
    ['saveSprintBoards', { projectId: '10000', boardIds: null, baseVersion: 2 ** 31 - 1 }],
  ] as const)('%s', async (key, payload) => {
    const before = storedData(sandbox);
    expect(await sandbox.call(key, { as: 'admin', in: onAdminPage, payload })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'baseVersion' } });
    expect(storedData(sandbox)).toBe(before);
  });

  test('updateGoal', async () => {
    const before = storedData(sandbox);
    const answer = await sandbox.call('updateGoal', { as: 'productManager', payload: { id: thr.goalId, goal: goalInput, baseVersion: 2 ** 31 - 1 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field: 'baseVersion' } });
    expect(storedData(sandbox)).toBe(before);
  });

  test('the largest version storage can advance from (2^31 − 2) is still a version: a stale one is a conflict', async () => {
    const answer = await sandbox.call('updateGoal', { as: 'productManager', payload: { id: thr.goalId, goal: goalInput, baseVersion: 2 ** 31 - 2 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

test.each(['getVisionVersion', 'restoreVisionVersion'] as const)('%s refuses a version past 32-bit integers as invalid, not as a version that was not found', async (key) => {
  const answer = await sandbox.call(key, { as: 'productManager', payload: { version: 2 ** 31, baseVersion: thr.visionVersion } });
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field: 'version' } });
});
