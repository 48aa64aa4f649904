import { kvs, WhereConditions } from '@forge/kvs';
import { KVS_LIMITS } from './kvs/limits';
import { ForgeSandbox } from './sandbox';
import { offlineJira, TEST_ENTITIES } from './test-fixtures';

const sandbox = new ForgeSandbox({ jira: offlineJira, manifest: { entities: TEST_ENTITIES } });

beforeAll(() => sandbox.install());
beforeEach(() => sandbox.kvs.clear());

/** A string value whose JSON text is exactly `bytes` long (two bytes go to the quotes). */
const valueOfBytes = (bytes: number): string => 'x'.repeat(bytes - 2);

/** Objects nested `depth` deep: depth 1 is `{v: 0}`. */
function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i += 1) value = { v: value };
  return value;
}

const rejectsWith = (promise: Promise<unknown>, code: string, status = 400) =>
  expect(promise).rejects.toMatchObject({ code, responseDetails: { status } });

describe('storage limits and their platform error codes', () => {
  test('keys: at most 500 characters', async () => {
    await kvs.set('k'.repeat(KVS_LIMITS.maxKeyLength), 1);
    await rejectsWith(kvs.set('k'.repeat(KVS_LIMITS.maxKeyLength + 1), 1), 'KEY_TOO_LONG');
  });

  test('keys: not empty (KEY_TOO_SHORT for the KVS, EMPTY_KEY for entities)', async () => {
    await rejectsWith(kvs.set('', 1), 'KEY_TOO_SHORT');
    await rejectsWith(kvs.entity('goal').set('', { title: 'x' }), 'EMPTY_KEY');
  });

  test('keys: only letters, digits, whitespace and : . _ - #, and not only whitespace', async () => {
    await kvs.set('goal:THR-1_a.b #2', 1);
    await rejectsWith(kvs.set('goal/1', 1), 'INVALID_KEY');
    await rejectsWith(kvs.set('ünïcode', 1), 'INVALID_KEY');
    await rejectsWith(kvs.set('   ', 1), 'INVALID_KEY');
    await rejectsWith(kvs.get('a?b'), 'INVALID_KEY');
  });

  test('values: at most 240 KiB of JSON', async () => {
    await kvs.set('big', valueOfBytes(KVS_LIMITS.maxValueBytes));
    await rejectsWith(kvs.set('too-big', valueOfBytes(KVS_LIMITS.maxValueBytes + 1)), 'MAX_SIZE');
    await rejectsWith(kvs.entity('goal').set('too-big', { title: valueOfBytes(KVS_LIMITS.maxValueBytes) }), 'MAX_SIZE');
  });

  test('values: at most 31 nested objects or arrays (depth 32 counting the value itself)', async () => {
    await kvs.set('deep', nested(31));
    await rejectsWith(kvs.set('too-deep', nested(32)), 'MAX_DEPTH');
  });

  test('values: null is not a storable value', async () => {
    await rejectsWith(kvs.set('nothing', null), 'BAD_REQUEST');
  });

  test('queries: limit between 1 and 100, for keys and entities', async () => {
    await kvs.query().limit(100).getMany();
    await rejectsWith(kvs.query().limit(101).getMany(), 'INVALID_LIMIT');
    await rejectsWith(kvs.query().where('key', WhereConditions.beginsWith('a')).limit(0).getMany(), 'INVALID_LIMIT');
    await kvs.entity('goal').query().index('weight').limit(100).getMany();
    await rejectsWith(kvs.entity('goal').query().index('weight').limit(101).getMany(), 'INVALID_LIMIT');
  });

  test('batches: at most 25 keys', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: i }));
    await kvs.batchSet(items(KVS_LIMITS.maxBatchItems));
    await rejectsWith(kvs.batchSet(items(KVS_LIMITS.maxBatchItems + 1)), 'TOO_MANY_OPERATIONS');
    await rejectsWith(kvs.batchGet(items(KVS_LIMITS.maxBatchItems + 1)), 'TOO_MANY_OPERATIONS');
  });

  test('transactions and batches: at most 4 MB of payload', async () => {
    const chunk = valueOfBytes(KVS_LIMITS.maxValueBytes - 1024);
    const transaction = kvs.transact();
    for (let i = 0; i < 18; i += 1) transaction.set(`part${i}`, chunk);
    await rejectsWith(transaction.execute(), 'PAYLOAD_TOO_LARGE');
    await rejectsWith(kvs.batchSet(Array.from({ length: 18 }, (_, i) => ({ key: `part${i}`, value: chunk }))), 'PAYLOAD_TOO_LARGE');
  });

  test('entity names: 3 to 60 characters of a-z 0-9 : - _ .', async () => {
    await rejectsWith(kvs.entity('ab').get('k'), 'ENTITY_TYPE_TOO_SHORT');
    await rejectsWith(kvs.entity('e'.repeat(61)).get('k'), 'ENTITY_TYPE_TOO_LARGE');
    await rejectsWith(kvs.entity('Goal').get('k'), 'INVALID_ENTITY_TYPE');
  });
});
