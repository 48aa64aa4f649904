import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import * as entryPoints from '../../src/index';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface ManifestShape {
  modules: Record<string, Array<{ key: string; handler?: string; resource?: string; function?: string }>>;
  resources?: Array<{ key: string; path: string }>;
}

async function loadManifest() {
  const result = await validate(false, join(root, 'manifest.yml'));
  return { result, manifest: result.manifestObject?.typedContent as unknown as ManifestShape };
}

describe('manifest.yml', () => {
  test('passes Forge’s full offline validation with no errors', async () => {
    const { result } = await loadManifest();
    // Warnings are printed so a reviewer sees them; README "Manifest warnings" explains any that stay.
    for (const warning of result.errors?.filter((e) => e.level === 'warning') ?? []) console.warn(warning.message);
    expect(result.errors?.filter((e) => e.level === 'error') ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  test('every function it names is exported from src/index.ts', async () => {
    const { manifest } = await loadManifest();
    const handlers = (manifest.modules.function ?? []).map((fn) => fn.handler ?? '');
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) {
      const [file, exportName] = handler.split('.');
      expect(file).toBe('index');
      expect(typeof (entryPoints as Record<string, unknown>)[exportName ?? '']).toBe('function');
    }
  });

  test('every resource it names is built, with an index.html (run `npm run build` first)', async () => {
    const { manifest } = await loadManifest();
    for (const resource of manifest.resources ?? []) {
      expect(existsSync(join(root, resource.path, 'index.html'))).toBe(true);
    }
  });

  // Forge allows 20 custom entities an app and 7 indexes an entity ("Limitations",
  // https://developer.atlassian.com/platform/forge/runtime-reference/custom-entities/); `forge deploy`
  // refuses more, but the offline validate() above does not check it.
  test('declares at most 20 custom entities, with at most 7 indexes each', () => {
    const text = readFileSync(join(root, 'manifest.yml'), 'utf8');
    const entities = (parse(text) as { app: { storage: { entities: Array<{ name: string; indexes?: unknown[] }> } } }).app.storage.entities;
    expect(entities.length).toBeLessThanOrEqual(20);
    expect(entities.filter((entity) => (entity.indexes?.length ?? 0) > 7).map((entity) => entity.name)).toEqual([]);
  });

  test('runs on Node 22 and asks only for the scopes the app uses', async () => {
    const { manifest } = await loadManifest();
    const typed = manifest as unknown as { app: { runtime: { name: string } }; permissions: { scopes: string[]; external?: unknown } };
    expect(typed.app.runtime.name).toBe('nodejs22.x');
    expect(typed.permissions.external).toBeUndefined(); // no egress: eligible for "Runs on Atlassian"
    expect([...typed.permissions.scopes].sort()).toEqual(
      ['read:board-scope:jira-software', 'read:board-scope.admin:jira-software', 'read:jira-user', 'read:jira-work', 'read:project:jira', 'read:sprint:jira-software', 'storage:app', 'write:jira-work'].sort(),
    );
  });
});
