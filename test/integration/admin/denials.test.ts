/**
 * Every admin call, refused to everyone who is not a Jira administrator: a project administrator,
 * a developer, an outsider and an anonymous visitor. Refused before the payload is even read, and
 * nothing changes. The table is typed by the contract: a new admin call not listed fails to compile.
 */
import type { Defs } from '../../../src/contract';
import { DEMO_USERS } from '../../sandbox/demo';
import { createSandbox } from '../harness';
import type { Actor } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { adminCall, appData } from './kit';

const sandbox = createSandbox();

type AdminFunction = Extract<
  keyof Defs,
  'getAdminSettings' | 'getAdminProjectSettings' | 'saveEditRule' | 'saveStoryPointOverride' | 'saveSprintBoards' | 'exportData' | 'previewImport' | 'applyImport' | 'rebuildLinkIndex'
>;

const thr = () => sandbox.project('THR').id;

/** A payload that succeeds for the Jira admin, and whether the call changes anything. */
const calls: Record<AdminFunction, { writes: boolean; payload: () => Record<string, unknown> | undefined }> = {
  getAdminSettings: { writes: false, payload: () => undefined },
  getAdminProjectSettings: { writes: false, payload: () => ({ projectId: thr() }) },
  saveEditRule: { writes: true, payload: () => ({ rule: 'issue-editors', baseVersion: 0 }) },
  saveStoryPointOverride: { writes: true, payload: () => ({ projectId: thr(), fieldId: 'customfield_10016', baseVersion: 0 }) },
  saveSprintBoards: { writes: true, payload: () => ({ projectId: thr(), boardIds: [1], baseVersion: 0 }) },
  exportData: { writes: false, payload: () => undefined },
  previewImport: { writes: false, payload: () => ({ data: { format: 'throughline-export' } }) },
  applyImport: { writes: true, payload: () => ({ data: { format: 'throughline-export' } }) },
  rebuildLinkIndex: { writes: true, payload: () => undefined },
};

const outsiders: Actor[] = ['productManager', 'developer', 'outsider', 'anonymous'];
const table = outsiders.flatMap((actor) => (Object.keys(calls) as AdminFunction[]).map((call) => [actor, call] as const));

describe('Admin calls refused to everyone but Jira administrators', () => {
  beforeAll(() => {
    sandbox.forge.kvs.clear();
    expect(sandbox.site.jiraAdmins).toEqual([DEMO_USERS.admin]);
  });

  test.each(table)('%s calling %s is forbidden and nothing changes', async (actor, call) => {
    const before = appData(sandbox);
    const answer = await sandbox.call(call, { as: actor, in: { module: 'jira:adminPage' }, ...(calls[call].payload() ? { payload: calls[call].payload() } : {}) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(appData(sandbox)).toEqual(before);
  });

  test('a project administrator is refused even when the call comes from their own project page', async () => {
    const answer = await sandbox.call('saveEditRule', { as: 'productManager', payload: { rule: 'issue-editors', baseVersion: 0 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Jira administrators') } });
  });

  test('the Jira administrator may make every one of these calls', async () => {
    for (const call of ['getAdminSettings', 'getAdminProjectSettings', 'exportData'] as const) {
      expect(await adminCall(sandbox, call, calls[call].payload() as never)).toMatchObject({ ok: true });
    }
  });
});

describe('Admin calls while the licence is inactive', () => {
  const inactive = { isActive: false };

  test('reads still answer, and say the app is unlicensed', async () => {
    const settings = valueOf(await adminCall(sandbox, 'getAdminSettings', undefined, { license: inactive }));
    expect(settings.viewer.licensed).toBe(false);
    valueOf(await adminCall(sandbox, 'exportData', undefined, { license: inactive }));
  });

  test.each((Object.keys(calls) as AdminFunction[]).filter((call) => calls[call].writes))('%s is refused as unlicensed and nothing changes', async (call) => {
    const before = appData(sandbox);
    const answer = await sandbox.call(call, { as: 'admin', in: { module: 'jira:adminPage' }, license: inactive, ...(calls[call].payload() ? { payload: calls[call].payload() } : {}) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('licence is not active') } });
    expect(appData(sandbox)).toEqual(before);
  });
});
