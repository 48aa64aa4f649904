/** "Rebuild link index" runs as the app, which sees only what each project's scheme grants the add-on role. */
import { jest } from '@jest/globals';
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { adminCall } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
});

test('a project whose scheme denies the app Browse Projects is reported and logged; the other projects are rebuilt', async () => {
  const fin = sandbox.project('FIN');
  expect(fin.addonRolePermissions).not.toContain('BROWSE_PROJECTS');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const report = valueOf(await adminCall(sandbox, 'rebuildLinkIndex'));
    expect(report.projects.map((project) => project.key).sort()).toEqual(['FIN', 'MOB', 'OPS', 'THR']);
    expect(report.projects.find((project) => project.key === 'FIN')).toEqual({
      id: fin.id, key: 'FIN', epicsChecked: 0, epicsUpdated: [], rollupsDropped: 0, refused: [], appCannotBrowse: true,
    });
    expect(report.projects.filter((project) => project.appCannotBrowse).map((project) => project.key)).toEqual(['FIN']);
    expect(warn.mock.calls.map((args) => String(args[0]))).toEqual([expect.stringContaining('may not browse project FIN')]);
  } finally {
    warn.mockRestore();
  }
});
