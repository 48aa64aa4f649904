import { kvs } from '@forge/kvs';
import { demoSandbox } from './demo-sandbox';
import { loadManifest, parseManifest } from './manifest';
import { ForgeSandbox } from './sandbox';
import { offlineJira } from './test-fixtures';

describe('loadManifest', () => {
  test("reads the app's manifest.yml: app id and scopes", () => {
    const manifest = loadManifest('manifest.yml');
    expect(manifest.appId).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.scopes).toContain('read:jira-work');
    expect(Array.isArray(manifest.entities)).toBe(true);
  });

  test('declares custom entities, their attributes and indexes for the KVS', async () => {
    const manifest = parseManifest(`
app:
  id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555
  storage:
    entities:
      - name: roadmap-item
        attributes:
          projectId: { type: string }
          rank: { type: string }
        indexes:
          - rank
          - name: by-project
            partition: [projectId]
            range: [rank]
permissions:
  scopes: [storage:app]
`);
    expect(manifest).toEqual({
      appId: '11111111-2222-4333-8444-555555555555',
      scopes: ['storage:app'],
      entities: [
        {
          name: 'roadmap-item',
          attributes: { projectId: { type: 'string' }, rank: { type: 'string' } },
          indexes: ['rank', { name: 'by-project', partition: ['projectId'], range: ['rank'] }],
        },
      ],
      functions: {},
      modules: [],
    });

    const sandbox = new ForgeSandbox({ jira: offlineJira, manifest });
    sandbox.install();
    expect(sandbox.appId).toBe('11111111-2222-4333-8444-555555555555');
    await kvs.entity('roadmap-item').set('r1', { projectId: '10000', rank: 'm' });
    const { results } = await kvs.entity('roadmap-item').query().index('by-project', { partition: ['10000'] }).getMany();
    expect(results).toEqual([{ key: 'r1', value: { projectId: '10000', rank: 'm' } }]);
  });

  test('an index over an undeclared attribute is a manifest error', () => {
    const manifest = parseManifest(`
app:
  storage:
    entities:
      - name: lane
        attributes: { title: { type: string } }
        indexes: [{ name: by-rank, range: [rank] }]
`);
    expect(() => new ForgeSandbox({ jira: offlineJira, manifest })).toThrow("index 'by-rank' uses undeclared attribute 'rank'");
  });
});

describe("Forge's custom entity limits (20 entities an app, 7 indexes an entity)", () => {
  const entities = (count: number, indexes = 0) =>
    Array.from({ length: count }, (_, n) => {
      const declared = Array.from({ length: indexes }, (_, i) => `          - name: by-${i}\n            range: [a${i}]`).join('\n');
      const attributes = Array.from({ length: Math.max(indexes, 1) }, (_, i) => `a${i}: { type: string }`).join(', ');
      return `      - name: e${n}\n        attributes: { ${attributes} }${indexes ? `\n        indexes:\n${declared}` : ''}`;
    }).join('\n');
  const manifestWith = (body: string) => `app:\n  storage:\n    entities:\n${body}\n`;

  test('20 entities with 7 indexes each load; 21 entities, or 8 indexes on one, are refused as forge deploy would', () => {
    const atLimit = parseManifest(manifestWith(entities(20, 7)));
    expect(atLimit.entities).toHaveLength(20);
    expect(() => new ForgeSandbox({ jira: offlineJira, manifest: atLimit })).not.toThrow();
    expect(() => parseManifest(manifestWith(entities(21)))).toThrow('declares 21 custom entities; Forge allows at most 20');
    expect(() => parseManifest(manifestWith(entities(1, 8)))).toThrow("Custom entity 'e0' declares 8 indexes; Forge allows at most 7");
  });

  test('a manifest object built by hand is held to the same limits', () => {
    const manifest = parseManifest(manifestWith(entities(20)));
    const over = { ...manifest, entities: [...manifest.entities, { name: 'one-more', attributes: { a0: { type: 'string' as const } } }] };
    expect(() => new ForgeSandbox({ jira: offlineJira, manifest: over })).toThrow('Forge allows at most 20');
  });
});

describe('demoSandbox', () => {
  test('builds the demo site, loads manifest.yml and installs the sandbox', async () => {
    const { sandbox, site } = demoSandbox();
    expect(sandbox.jira.site).toBe(site);
    expect(sandbox.appId).toBe(loadManifest('manifest.yml').appId);
    await kvs.set('ready', true);
    expect(sandbox.kvs.snapshot().kv.ready?.value).toBe(true);
  });
});
