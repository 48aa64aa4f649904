import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import { ForgeSandbox } from './sandbox';
import { offlineJira, TEST_ENTITIES } from './test-fixtures';

const sandbox = new ForgeSandbox({ jira: offlineJira, manifest: { entities: TEST_ENTITIES } });
const goals = kvs.entity<{ title: string; version: number }>('goal');

beforeAll(() => sandbox.install());
beforeEach(() => sandbox.kvs.clear());

/** The app's optimistic write: replace a record only if it still has the version the caller read. */
function versionIs(version: number) {
  return new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));
}

describe('transactions', () => {
  test('sets and deletes plain keys and entities together', async () => {
    await kvs.set('stale', true);
    await kvs
      .transact()
      .set('index:goal:g1', 'g1')
      .set('g1', { title: 'Grow', version: 1 }, { entityName: 'goal' })
      .delete('stale')
      .execute();
    expect(await kvs.get('index:goal:g1')).toBe('g1');
    expect(await goals.get('g1')).toEqual({ title: 'Grow', version: 1 });
    expect(await kvs.get('stale')).toBeUndefined();
  });

  test('a version check passes on the current version and fails on a stale one, leaving nothing written', async () => {
    await goals.set('g1', { title: 'Grow', version: 1 });
    await kvs.transact().set('g1', { title: 'Grow more', version: 2 }, { entityName: 'goal', conditions: versionIs(1) }).execute();

    const stale = kvs
      .transact()
      .set('g1', { title: 'Lost update', version: 2 }, { entityName: 'goal', conditions: versionIs(1) })
      .set('audit:1', 'written only if the goal is')
      .execute();
    await expect(stale).rejects.toBeInstanceOf(ForgeKvsAPIError);
    await expect(
      kvs.transact().set('g1', { title: 'Lost update', version: 2 }, { entityName: 'goal', conditions: versionIs(1) }).execute(),
    ).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED', responseDetails: { status: 409 } });
    expect(await goals.get('g1')).toEqual({ title: 'Grow more', version: 2 });
    expect(await kvs.get('audit:1')).toBeUndefined();
  });

  test('notExists makes a create that fails when the record already exists', async () => {
    const create = () =>
      kvs
        .transact()
        .set('g1', { title: 'New', version: 1 }, { entityName: 'goal', conditions: new Filter<{ version: number }>().and('version', FilterConditions.notExists()) })
        .execute();
    await create();
    await expect(create()).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED' });
  });

  test('check guards a write on another record, and fails when that record is missing', async () => {
    await goals.set('parent', { title: 'Parent', version: 3 });
    await kvs.transact().check('parent', { entityName: 'goal', conditions: versionIs(3) }).set('child', 'ok').execute();
    expect(await kvs.get('child')).toBe('ok');
    await expect(
      kvs.transact().check('missing', { entityName: 'goal', conditions: versionIs(3) }).set('child', 'again').execute(),
    ).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED' });
    expect(await kvs.get('child')).toBe('ok');
  });

  test('a conditional delete only deletes a matching record', async () => {
    await goals.set('g1', { title: 'Grow', version: 5 });
    await expect(kvs.transact().delete('g1', { entityName: 'goal', conditions: versionIs(4) }).execute()).rejects.toMatchObject({
      code: 'CONDITIONAL_CHECK_FAILED',
    });
    await kvs.transact().delete('g1', { entityName: 'goal', conditions: versionIs(5) }).execute();
    expect(await goals.get('g1')).toBeUndefined();
  });

  test('each key may appear once; at most 25 operations', async () => {
    await expect(kvs.transact().set('a', 1).delete('a').execute()).rejects.toMatchObject({ code: 'DUPLICATE_KEYS', responseDetails: { status: 400 } });
    // The same key in the KVS and in an entity are different keys.
    await kvs.transact().set('a', 1).set('a', { title: 'A', version: 1 }, { entityName: 'goal' }).execute();

    const full = kvs.transact();
    for (let i = 0; i < 25; i += 1) full.set(`k${i}`, i);
    await full.execute();
    const tooMany = kvs.transact();
    for (let i = 0; i < 26; i += 1) tooMany.set(`k${i}`, i);
    await expect(tooMany.execute()).rejects.toMatchObject({ code: 'TOO_MANY_OPERATIONS', responseDetails: { status: 400 } });
  });

  test('a transaction counts as one transaction plus its writes and deletes', async () => {
    sandbox.kvs.resetStats();
    await kvs.transact().set('a', 1).set('b', 2).delete('c').execute();
    expect(sandbox.kvs.stats).toMatchObject({ operations: 1, transactions: 1, writes: 2, deletes: 1 });
  });
});
