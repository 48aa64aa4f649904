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

describe('demoSandbox', () => {
  test('builds the demo site, loads manifest.yml and installs the sandbox', async () => {
    const { sandbox, site } = demoSandbox();
    expect(sandbox.jira.site).toBe(site);
    expect(sandbox.appId).toBe(loadManifest('manifest.yml').appId);
    await kvs.set('ready', true);
    expect(sandbox.kvs.snapshot().kv.ready?.value).toBe(true);
  });
});
