import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { ForgeSandbox } from './sandbox';
import { offlineJira, TEST_ENTITIES } from './test-fixtures';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'forge-sandbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sandboxWith = (storageFile: string): ForgeSandbox => {
  const sandbox = new ForgeSandbox({ jira: offlineJira, storageFile, manifest: { entities: TEST_ENTITIES } });
  sandbox.install();
  return sandbox;
};

describe('storage that survives a restart (npm start)', () => {
  test('every write lands in the file, and a new sandbox starts from it', async () => {
    const file = join(dir, 'nested', 'kvs.json');
    sandboxWith(file);
    await kvs.set('settings', { editRule: 'admins' });
    await kvs.entity('goal').set('g1', { title: 'Grow' });
    await kvs.setSecret('token', 'abc');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, kv: { settings: { value: { editRule: 'admins' } } } });

    const restarted = sandboxWith(file);
    expect(await kvs.get('settings')).toEqual({ editRule: 'admins' });
    expect(await kvs.entity('goal').get('g1')).toEqual({ title: 'Grow' });
    expect(await kvs.getSecret('token')).toBe('abc');
    expect(restarted.kvs.snapshot().entities.goal?.g1?.value).toEqual({ title: 'Grow' });
    // Written through a temporary file and a rename: nothing else is left behind.
    expect(readdirSync(join(dir, 'nested'))).toEqual(['kvs.json']);
  });

  test('clear() empties the store and the file', async () => {
    const file = join(dir, 'kvs.json');
    const sandbox = sandboxWith(file);
    await kvs.set('a', 1);
    sandbox.kvs.clear();
    expect(await kvs.get('a')).toBeUndefined();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, kv: {}, secrets: {}, entities: {} });
  });

  test('a file that is not a snapshot is refused with a way out', () => {
    const file = join(dir, 'kvs.json');
    writeFileSync(file, '{"hello": "world"}');
    expect(() => sandboxWith(file)).toThrow(/delete it to start empty/);
  });

  test('snapshot() is a copy: changing it changes nothing stored', async () => {
    const sandbox = sandboxWith(join(dir, 'kvs.json'));
    await kvs.set('a', { n: 1 });
    const snapshot = sandbox.kvs.snapshot();
    (snapshot.kv.a as { value: { n: number } }).value.n = 99;
    expect(await kvs.get('a')).toEqual({ n: 1 });
  });
});
