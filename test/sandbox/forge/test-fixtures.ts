/**
 * Shared fixtures for this folder's tests: an inline entity declaration (until manifest.yml
 * declares the app's entities) and a Jira boundary for tests that never reach Jira.
 */
import type { EntityDeclaration } from './kvs/entity-schema';
import type { JiraBackend } from './jira-boundary';

/** Shaped like the app's records: partitioned by project id, ordered by rank or date. */
export const TEST_ENTITIES: EntityDeclaration[] = [
  {
    name: 'goal',
    attributes: {
      projectId: { type: 'string' },
      title: { type: 'string' },
      rank: { type: 'string' },
      status: { type: 'string' },
      weight: { type: 'integer' },
      score: { type: 'float' },
      archived: { type: 'boolean' },
      version: { type: 'integer' },
      tags: { type: 'any' },
      due: { type: 'string' },
    },
    indexes: [
      { name: 'by-project-rank', partition: ['projectId'], range: ['rank'] },
      { name: 'by-project-due', partition: ['projectId'], range: ['due'] },
      'weight',
    ],
  },
  {
    name: 'measurement',
    attributes: { kpiId: { type: 'string' }, at: { type: 'string' }, value: { type: 'float' } },
    indexes: [{ name: 'by-kpi', partition: ['kpiId'], range: ['at'] }],
  },
];

/** For tests that must not reach Jira: any product call fails the test loudly. */
export const offlineJira: JiraBackend = {
  site: { cloudId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', baseUrl: 'https://throughline-test.atlassian.net' },
  handle: (request) => Promise.reject(new Error(`This test does not expect a Jira request: ${request.method} ${request.path}`)),
};
