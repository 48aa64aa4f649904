/** router.navigate / router.getUrl mapping: Jira URLs the sandbox can show become host URLs. */
import { hostUrlOfJiraUrl, jiraUrlOf } from './browser/navigation';
import type { NavigationSite } from './browser/navigation';

const site: NavigationSite = {
  siteUrl: 'https://demo.atlassian.net',
  appUuid: 'app-1',
  environmentId: 'env-1',
  hostOrigin: 'http://127.0.0.1:4300',
  modules: {
    page: { type: 'jira:projectPage', slug: 'project-page' },
    panel: { type: 'jira:issuePanel', slug: 'issue-panel' },
    settings: { type: 'jira:adminPage', slug: 'admin-page' },
  },
  keep: { user: 'developer', theme: 'dark' },
  currentProject: 'THR',
};

describe('jiraUrlOf', () => {
  test.each([
    [{ target: 'issue', issueKey: 'THR-7' }, 'https://demo.atlassian.net/browse/THR-7'],
    [{ target: 'module', moduleKey: 'page' }, 'https://demo.atlassian.net/jira/software/projects/THR/apps/app-1/env-1'],
    [{ target: 'module', moduleKey: 'page', projectKey: 'MOB', path: '/roadmap' }, 'https://demo.atlassian.net/jira/software/projects/MOB/apps/app-1/env-1/roadmap'],
    [{ target: 'module', moduleKey: 'settings' }, 'https://demo.atlassian.net/jira/settings/apps/app-1/env-1'],
    [{ target: 'userProfile', accountId: '712020:x' }, 'https://demo.atlassian.net/jira/people/712020%3Ax'],
  ])('%j → %s', (location, url) => {
    expect(jiraUrlOf(site, location)).toBe(url);
  });

  test('refuses targets Jira has no page for', () => {
    expect(() => jiraUrlOf(site, { target: 'contentView', contentId: '1' })).toThrow('does not exist in Jira');
    expect(() => jiraUrlOf(site, { target: 'module', moduleKey: 'panel' })).toThrow('not a page');
  });
});

describe('hostUrlOfJiraUrl', () => {
  test.each([
    ['/browse/THR-7', 'http://127.0.0.1:4300/?module=issue-panel&issue=THR-7&user=developer&theme=dark'],
    ['https://demo.atlassian.net/browse/thr-7', 'http://127.0.0.1:4300/?module=issue-panel&issue=THR-7&user=developer&theme=dark'],
    [
      'https://demo.atlassian.net/jira/software/projects/MOB/apps/app-1/env-1/roadmap',
      'http://127.0.0.1:4300/?project=MOB&module=project-page&user=developer&theme=dark&path=%2Froadmap',
    ],
    ['https://demo.atlassian.net/jira/settings/apps/app-1/env-1', 'http://127.0.0.1:4300/?module=admin-page&user=developer&theme=dark'],
    ['http://127.0.0.1:4300/?project=FIN', 'http://127.0.0.1:4300/?project=FIN'],
  ])('%s → %s', (url, expected) => {
    expect(hostUrlOfJiraUrl(site, url)).toBe(expected);
  });

  test.each([['https://demo.atlassian.net/jira/dashboards/1'], ['https://example.com/'], ['https://demo.atlassian.net/jira/apps/app-1/env-1']])(
    'leaves %s to Jira (not modelled, or no such module)',
    (url) => {
      expect(hostUrlOfJiraUrl(site, url)).toBeUndefined();
    },
  );
});
