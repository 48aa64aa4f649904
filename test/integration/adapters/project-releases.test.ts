/**
 * The project's versions as the app reads them, as the user: every version for someone who may
 * browse the project, nothing (not an error) for someone Jira hides the project from, dates kept
 * only when they are days; the shared copy is kept only from a list Jira gave.
 */
import { kvs } from '@forge/kvs';
import { createJiraClient } from '../../../src/adapters/jira/client';
import { projectReleases } from '../../../src/adapters/jira/versions';
import { loadProjectReleases, releasesKey } from '../../../src/adapters/delivery/project-releases';
import { buildDemoSite, DEMO_USERS } from '../../sandbox/demo';
import { ForgeSandbox } from '../../sandbox/forge/sandbox';
import { JiraSimulator } from '../../sandbox/jira/simulator';

const site = buildDemoSite();
const jira = new JiraSimulator(site);
const forge = new ForgeSandbox({ jira, manifest: { scopes: ['read:jira-work', 'storage:app'], entities: [] } });
forge.install();
const thr = site.projects.find((project) => project.key === 'THR')!;
const fin = site.projects.find((project) => project.key === 'FIN')!;
const as = (accountId: string) => ({ accountId });

beforeEach(() => forge.kvs.clear());

test('someone who browses the project reads every version, archived and released ones included', async () => {
  const releases = await forge.run(() => projectReleases(createJiraClient({ actor: 'user' }), thr.id), as(DEMO_USERS.developer));
  expect(releases?.map((release) => release.name)).toEqual(['2.0', '2.1', '2.2', '2.3', '2.4', '3.0']);
  expect(releases?.[0]).toEqual({ id: releases![0]!.id, name: '2.0', released: true, archived: true, startDate: '2026-04-01', releaseDate: '2026-06-30' });
});

test('a project Jira hides from the user gives no releases, and no shared copy is kept', async () => {
  const releases = await forge.run(() => loadProjectReleases(createJiraClient({ actor: 'user' }), { projectId: fin.id, now: '2026-11-20T09:00:00.000Z' }), as(DEMO_USERS.productManager));
  expect(releases).toBeUndefined();
  expect(await forge.run(() => kvs.get(releasesKey(fin.id)), as(DEMO_USERS.productManager))).toBeUndefined();
});

test('a release date that is not a day (an older instant format) is left out rather than misread', async () => {
  const version = site.versions!.find((candidate) => candidate.projectId === thr.id && candidate.name === '2.4')!;
  const saved = version.releaseDate;
  version.releaseDate = '2026-12-18T00:00:00.000Z';
  try {
    const releases = await forge.run(() => projectReleases(createJiraClient({ actor: 'user' }), thr.id), as(DEMO_USERS.developer));
    expect(releases?.find((release) => release.name === '2.4')).toEqual({ id: version.id, name: '2.4', released: false, archived: false, startDate: '2026-11-16' });
  } finally {
    version.releaseDate = saved;
  }
});
