/**
 * "Throughline settings" as a Jira admin uses it: the real page, bridge and resolver over the
 * sandbox. Settings saved with their errors said next to the field, a conflict shown with the
 * setting as it is now, an import previewed then applied, and the refusals.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createSandbox } from '../integration/harness';
import type { Actor } from '../integration/harness';
import { seedGoal } from '../integration/resolvers/strategy/kit';
import { epicsOf, seedItem } from '../integration/resolvers/roadmap/kit';
import { epicLinksPropertyKey } from '../../src/domain/epic-links';
import { installBridgeDouble } from './forge-bridge-double';

// Every click runs the real resolver against the simulated Jira: seconds, not milliseconds.
jest.setTimeout(20_000);

const onAdminPage = { module: 'jira:adminPage' } as const;
const sandbox = createSandbox();
const bridge = installBridgeDouble(sandbox, { as: 'admin', in: onAdminPage });
let AdminPage: typeof import('../../static/admin/src/admin-page').AdminPage;

beforeAll(async () => {
  // Only now: @forge/bridge looks for the host's `__bridge` when it is first imported.
  ({ AdminPage } = await import('../../static/admin/src/admin-page'));
});

beforeEach(() => sandbox.forge.kvs.clear());

async function open(options: { as?: Actor; license?: Record<string, unknown> } = {}) {
  bridge.setView({ as: options.as ?? 'admin', in: onAdminPage, ...(options.license ? { license: options.license } : {}) });
  const user = userEvent.setup({ delay: null });
  render(<AdminPage />);
  await screen.findByRole('heading', { level: options.as && options.as !== 'admin' ? 2 : 1 }, { timeout: 8000 });
  return user;
}

const region = (name: string) => screen.getByRole('region', { name });
const storedRule = async () => {
  const answer = await sandbox.call('getAdminSettings', { as: 'admin', in: onAdminPage });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.editRule;
};

function jsonFile(data: unknown, name = 'throughline-export.json'): File {
  const text = JSON.stringify(data);
  const file = new File([text], name, { type: 'application/json' });
  // jsdom's File has no text(); the browser's does.
  Object.defineProperty(file, 'text', { value: async () => text });
  return file;
}

describe('Who may edit products', () => {
  test('the admin widens the rule with the keyboard and hears it saved', async () => {
    const user = await open();
    const section = region('Who may edit products');
    expect((within(section).getByRole('radio', { name: 'Project administrators' }) as HTMLInputElement).checked).toBe(true);
    // The keyboard path: Space on the other option, Tab to Save, Enter.
    within(section).getByRole('radio', { name: 'Everyone who can edit issues in the project' }).focus();
    await user.keyboard(' ');
    expect((within(section).getByRole('radio', { name: 'Everyone who can edit issues in the project' }) as HTMLInputElement).checked).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Save' }));
    await user.keyboard('{Enter}');
    await within(section).findByText('Saved: everyone who can edit issues may edit products.');
    expect(screen.getByTestId('announcer').textContent).toContain('Saved: everyone who can edit issues may edit products.');
    expect(await storedRule()).toEqual({ rule: 'issue-editors', version: 1 });
  });

  test('a rule changed by another admin meanwhile is a conflict showing their rule', async () => {
    const user = await open();
    await sandbox.setEditRule('issue-editors');
    const section = region('Who may edit products');
    await user.click(within(section).getByRole('radio', { name: 'Everyone who can edit issues in the project' }));
    await user.click(within(section).getByRole('button', { name: 'Save' }));
    await within(section).findByRole('heading', { name: 'Someone else changed this setting' });
    expect((within(section).getByRole('radio', { name: 'Everyone who can edit issues in the project' }) as HTMLInputElement).checked).toBe(true);
    expect(await storedRule()).toEqual({ rule: 'issue-editors', version: 1 });
  });
});

describe('Per project', () => {
  test('shows the story-point field in use and saves an override', async () => {
    const user = await open();
    const section = region('Per project');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Project' }), 'Thrive Web (THR)');
    expect((await within(section).findByTestId('effective-story-points', {}, { timeout: 8000 })).textContent).toContain('Story Points (customfield_10028), the field its board estimates with.');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'For THR' }), 'Story point estimate (customfield_10016)');
    await user.click(within(section).getAllByRole('button', { name: 'Save' })[0] as HTMLElement);
    await waitFor(() => expect(within(section).getByTestId('effective-story-points').textContent).toContain('Story point estimate (customfield_10016), chosen here.'), { timeout: 8000 });
  });

  test('choosing no board at all is refused next to the boards', async () => {
    const user = await open();
    const section = region('Per project');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Project' }), 'Thrive Web (THR)');
    await user.click(await within(section).findByRole('radio', { name: 'Only the boards chosen below' }, { timeout: 8000 }));
    const boards = await within(section).findByRole('group', { name: 'Scrum and team-managed boards' });
    // THR's own board and the release train it shares with MOB.
    await user.click(within(boards).getByRole('checkbox', { name: 'THR board' }));
    await user.click(within(boards).getByRole('checkbox', { name: 'Thrive release train' }));
    const saves = within(section).getAllByRole('button', { name: 'Save' });
    await user.click(saves[saves.length - 1] as HTMLElement);
    expect((await within(boards).findByRole('alert')).textContent).toContain('Choose at least one board');
    expect(boards.getAttribute('aria-describedby')).toBe('board-choice-error');
  });

  test('a team-managed project’s board is offered, marked team-managed', async () => {
    const user = await open();
    const section = region('Per project');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Project' }), 'Thrive Mobile (MOB)');
    await user.click(await within(section).findByRole('radio', { name: 'Only the boards chosen below' }, { timeout: 8000 }));
    const boards = await within(section).findByRole('group', { name: 'Scrum and team-managed boards' });
    expect(within(boards).getAllByRole('checkbox').map((box) => box.parentElement?.textContent)).toEqual([
      'MOB board (team-managed: supplies sprints when the project has sprints on)',
      'Thrive release train',
    ]);
  });
});

describe('Import', () => {
  test('a file that is not JSON is refused next to the file field', async () => {
    const user = await open();
    const section = region('Import');
    const file = new File(['not json'], 'notes.json', { type: 'application/json' });
    Object.defineProperty(file, 'text', { value: async () => 'not json' });
    await user.upload(within(section).getByLabelText('Export file (.json)'), file);
    expect((await within(section).findByRole('alert')).textContent).toContain('This file is not JSON.');
    expect(within(section).getByLabelText('Export file (.json)').getAttribute('aria-invalid')).toBe('true');
  });

  test('an export is previewed with counts per kind, then imported', async () => {
    await seedGoal(sandbox, { title: 'Faster checkout' });
    const exported = await sandbox.call('exportData', { as: 'admin', in: onAdminPage });
    if (!exported.ok) throw new Error(exported.error.message);
    await seedGoal(sandbox, { title: 'Added later' });
    const user = await open();
    const section = region('Import');
    await user.upload(within(section).getByLabelText('Export file (.json)'), jsonFile(exported.value.data));
    const table = await within(section).findByRole('table', { name: 'Records per kind: in the file, replaced, added and removed' }, { timeout: 8000 });
    expect(within(table).getByRole('row', { name: 'Goals 1 1 0 1' })).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Import now' }));
    const applied = await within(section).findByTestId('import-applied', {}, { timeout: 8000 });
    expect(applied.textContent).toContain('storage writes applied.');
    const strategy = await sandbox.call('getStrategy', { as: 'productManager' });
    expect(strategy.ok && strategy.value.goals.map((goal) => goal.title)).toEqual(['Faster checkout']);
  });
});

describe('Import: choosing projects, and a site that changed since the preview', () => {
  const inProject = (project: string) => ({ module: 'jira:projectPage' as const, project });

  test('unticking a project previews again without it; the import leaves that project alone', async () => {
    await seedGoal(sandbox, { title: 'Faster checkout' });
    await seedGoal(sandbox, { title: 'Mobile retention' }, { as: 'admin', in: inProject('MOB') });
    const exported = await sandbox.call('exportData', { as: 'admin', in: onAdminPage });
    if (!exported.ok) throw new Error(exported.error.message);
    await seedGoal(sandbox, { title: 'Added to MOB later' }, { as: 'admin', in: inProject('MOB') });
    const user = await open();
    const section = region('Import');
    await user.upload(within(section).getByLabelText('Export file (.json)'), jsonFile(exported.value.data));
    const choice = await within(section).findByRole('group', { name: /Projects to import/ }, { timeout: 8000 });
    await user.click(within(choice).getByRole('checkbox', { name: 'MOB' }));
    await waitFor(() => expect(within(section).getByText(/Replaces the data of: THR\./)).toBeTruthy(), { timeout: 8000 });
    expect((within(choice).getByRole('checkbox', { name: 'MOB' }) as HTMLInputElement).checked).toBe(false);
    await user.click(within(section).getByRole('button', { name: 'Import now' }));
    await within(section).findByTestId('import-applied', {}, { timeout: 8000 });
    const mob = await sandbox.call('getStrategy', { as: 'admin', in: inProject('MOB') });
    expect(mob.ok && mob.value.goals.map((goal) => goal.title)).toEqual(['Mobile retention', 'Added to MOB later']);
  });

  test('an edit between preview and import imports nothing and shows the new preview, saying why', async () => {
    await seedGoal(sandbox, { title: 'Faster checkout' });
    const exported = await sandbox.call('exportData', { as: 'admin', in: onAdminPage });
    if (!exported.ok) throw new Error(exported.error.message);
    const user = await open();
    const section = region('Import');
    await user.upload(within(section).getByLabelText('Export file (.json)'), jsonFile(exported.value.data));
    const table = await within(section).findByRole('table', { name: 'Records per kind: in the file, replaced, added and removed' }, { timeout: 8000 });
    expect(within(table).getByRole('row', { name: 'Goals 1 1 0 0' })).toBeTruthy();
    await seedGoal(sandbox, { title: 'Added meanwhile' });
    await user.click(within(section).getByRole('button', { name: 'Import now' }));
    await within(section).findByText('The data changed since the preview', {}, { timeout: 8000 });
    expect(within(section).getByRole('row', { name: 'Goals 1 1 0 1' })).toBeTruthy();
    expect(within(section).queryByTestId('import-applied')).toBeNull();
  });
});

describe('Rebuild link index', () => {
  test('the report says which project the app may not browse, and why, instead of failing', async () => {
    const user = await open();
    const section = region('Rebuild link index');
    await user.click(within(section).getByRole('button', { name: 'Rebuild link index' }));
    const report = await within(section).findByTestId('link-index-report', {}, { timeout: 15_000 });
    expect(within(report).getByText(/^FIN: not checked\. The project’s permission scheme does not let Throughline browse it/)).toBeTruthy();
    expect(within(report).getByText(/^THR: \d+ linked epics? checked/)).toBeTruthy();
  });
});

describe('Rebuild link index while Jira fails', () => {
  test('an epic Jira does not answer for is reported as still being written in the background', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });
    const [epic] = epicsOf(sandbox, 'THR');
    await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [{ epicId: epic!.id, linksVersion: 0 }], unlink: [] } });
    // Someone's automation dropped the derived goals from the property.
    const property = epic!.properties[epicLinksPropertyKey] as Record<string, unknown>;
    epic!.properties[epicLinksPropertyKey] = { ...property, goalIds: [] };
    const user = await open();
    sandbox.jira.setFaults({ serverError: { count: 20, status: 500, match: /\/properties\// } });
    try {
      const section = region('Rebuild link index');
      await user.click(within(section).getByRole('button', { name: 'Rebuild link index' }));
      const report = await within(section).findByTestId('link-index-report', {}, { timeout: 15_000 });
      expect(within(report).getByText(`Jira did not answer for ${epic!.key}; the app keeps trying in the background.`)).toBeTruthy();
    } finally {
      sandbox.jira.setFaults({});
    }
    expect(sandbox.forge.queue.snapshot().map((event) => event.queueName)).toContain('epic-link-sync');
    delete epic!.properties[epicLinksPropertyKey];
    sandbox.forge.queue.clear();
  });
});

describe('Refusals and licence', () => {
  test('a project administrator who is not a Jira admin gets the refusal, and no form', async () => {
    await open({ as: 'productManager' });
    expect(screen.getByTestId('admin-failed').textContent).toContain('Only Jira administrators');
    expect(screen.queryByRole('radio')).toBeNull();
  });

  test('while the licence is inactive the page says so and offers no change', async () => {
    const user = await open({ license: { isActive: false } });
    expect(screen.getByTestId('unlicensed-notice').textContent).toContain('Read-only');
    const section = region('Who may edit products');
    await user.click(within(section).getByRole('radio', { name: 'Everyone who can edit issues in the project' }));
    expect(within(section).getByRole('button', { name: 'Save' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Rebuild link index' }).getAttribute('aria-disabled')).toBe('true');
  });

  test('has no axe violations', async () => {
    await open();
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
