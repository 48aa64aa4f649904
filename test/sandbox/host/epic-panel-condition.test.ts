/**
 * The real manifest's epic panel under its display condition: the host renders the panel where
 * Jira would (epics, whatever their type is called) and nowhere else.
 */
import { startHost } from './host';
import type { RunningHost } from './host';
import type { SimIssue } from '../jira/model';

let host: RunningHost;

async function page(query: string): Promise<{ html: string; frame?: { context: { extension: { issue: { key: string; type: string } } } } }> {
  const html = await (await fetch(`${host.url}/${query}`)).text();
  const attribute = /<body data-host="([^"]*)"/.exec(html)?.[1] ?? '{}';
  const decoded = attribute.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return { html, ...(JSON.parse(decoded) as { frame?: never }) };
}

function issueOfLevel(projectKey: string, level: number): SimIssue {
  const site = host.jira.site;
  const project = site.projects.find((candidate) => candidate.key === projectKey);
  const types = new Set(site.issueTypes.filter((type) => type.hierarchyLevel === level).map((type) => type.id));
  const issue = site.issues.find((candidate) => candidate.projectId === project?.id && types.has(candidate.issueTypeId));
  if (!issue) throw new Error(`no level-${level} issue in ${projectKey}`);
  return issue;
}

beforeAll(async () => {
  host = await startHost({ port: 0 });
});

afterAll(async () => {
  await host.close();
});

test('the manifest shows the panel by hierarchy level, not by the type name', () => {
  const panel = host.manifest.modules.find((module) => module.type === 'jira:issuePanel');
  expect(panel?.displayConditions).toMatchObject({ of: [{ kind: 'jiraExpression', source: 'issue.issueType.hierarchyLevel == 1' }] });
});

test('shows the panel on an epic', async () => {
  const epic = issueOfLevel('THR', 1);
  const { html, frame } = await page(`?module=issue-panel&issue=${epic.key}`);
  expect(frame?.context.extension.issue).toMatchObject({ key: epic.key, type: 'Epic' });
  expect(html).toContain('id="app-frame-slot"');
});

test('does not render the panel on a story, and says why', async () => {
  const story = issueOfLevel('THR', 0);
  const type = host.jira.site.issueTypes.find((candidate) => candidate.id === story.issueTypeId)?.name;
  const { html, frame } = await page(`?module=issue-panel&issue=${story.key}`);
  expect(frame).toBeUndefined();
  expect(html).not.toContain('id="app-frame-slot"');
  expect(html).not.toContain('class="issue-panel"');
  expect(html).toContain(`<option value="${story.key}" selected>`);
  expect(html).toContain(
    `Jira does not show Product context on ${story.key} (${type}): its display condition (jiraExpression: issue.issueType.hierarchyLevel == 1) is false here.`,
  );
});

test('shows the panel on a team-managed epic type an admin renamed (here: translated to Spanish)', async () => {
  const epic = issueOfLevel('MOB', 1);
  const epicType = host.jira.site.issueTypes.find((type) => type.id === epic.issueTypeId);
  if (!epicType?.scopeProjectId) throw new Error('MOB should have its own, team-managed epic type');
  epicType.name = 'Épica';
  try {
    const { html, frame } = await page(`?module=issue-panel&issue=${epic.key}`);
    expect(frame?.context.extension.issue).toMatchObject({ key: epic.key, type: 'Épica' });
    expect(html).toContain('<span class="type-icon type-epic" title="Épica" aria-label="Épica"></span>');
  } finally {
    epicType.name = 'Epic';
  }
});
