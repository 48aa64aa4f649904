/** The content area: the app's frame on a page, or on an epic in a Jira-like issue view. */
import type { SimIssue, SimProject } from '../jira/model';
import { html } from './html-template';
import type { SafeHtml } from './html-template';
import { avatar, breadcrumbs, issueTypeIcon, statusLozenge } from './host-page-parts';
import { MODULE_LABELS, actorName } from './host-page-view';
import type { PageInput } from './host-page-view';
import { canBrowse, isJiraAdmin } from './view-state';
import type { HostViewState } from './view-state';

function notices(input: PageInput): SafeHtml {
  const { site, state } = input;
  const messages: string[] = [...state.corrections];
  const needsProject = state.moduleType === 'jira:projectPage' || state.moduleType === 'jira:issuePanel';
  if (state.module && needsProject && state.project && !canBrowse(state.project, state.actor)) {
    messages.push(
      `Jira would not show this page to ${actorName(state.actor)}: no Browse Projects permission on ${state.project.key}. It is shown anyway so you can check that the app refuses.`,
    );
  }
  if (state.module && state.hiddenBy) {
    const where = state.issue ? `${state.issue.key} (${site.issueTypes.find((type) => type.id === state.issue?.issueTypeId)?.name ?? 'unknown type'})` : 'this page';
    messages.push(`Jira does not show ${state.module.title} on ${where}: its display condition (${state.hiddenBy}) is false here.`);
  }
  if (state.module && state.moduleType === 'jira:adminPage' && !isJiraAdmin(site, state.actor)) {
    messages.push(`Jira shows admin pages to Jira administrators only; ${actorName(state.actor)} is not one. Shown anyway.`);
  }
  return html`${messages.map((message) => html`<div class="notice" role="note">${message}</div>`)}`;
}

function frameSlot(state: HostViewState, fill: boolean): SafeHtml {
  if (state.module && state.hiddenBy) return html``;
  if (!state.module) {
    return html`<div class="empty-state"><h2>Not in the manifest yet</h2><p>manifest.yml declares no <code>${state.moduleType}</code> module. Declare it (with a resource and a resolver) and restart <code>npm start</code>.</p></div>`;
  }
  return html`<div id="app-frame-slot" class="frame-slot${fill ? ' frame-fill' : ''}" data-title="${state.module.title}"><p class="frame-loading">Loading ${state.module.title}…</p></div>`;
}

function issueView(input: PageInput, issue: SimIssue, project: SimProject | undefined): SafeHtml {
  const { site, state } = input;
  const type = site.issueTypes.find((candidate) => candidate.id === issue.issueTypeId);
  const status = site.statuses.find((candidate) => candidate.id === issue.statusId);
  const person = (accountId: string | undefined): SafeHtml => {
    const user = site.users.find((candidate) => candidate.accountId === accountId);
    return user ? html`<span class="person">${avatar(user, 'small')}${user.displayName}</span>` : html`<span class="muted">Unassigned</span>`;
  };
  const children = site.issues.filter((candidate) => candidate.parentId === issue.id);
  const shown = children.slice(0, 8);
  const done = children.filter((child) => site.statuses.find((s) => s.id === child.statusId)?.category === 'done').length;
  return html`<main class="content issue-view">
  ${breadcrumbs(['Projects', project?.name ?? '', issue.key])}
  ${notices(input)}
  <div class="issue-layout">
    <div class="issue-main">
      <h1 class="issue-summary">${issueTypeIcon(type)}${issue.summary}</h1>
      <section class="issue-section"><h2>Description</h2><p class="muted">A ${type?.name ?? 'work item'} of the simulated site. Labels: ${issue.labels.join(', ') || 'none'}.</p></section>
      ${state.hiddenBy
        ? ''
        : html`<section class="issue-panel" aria-label="${state.module?.title ?? 'App'}">
        <header class="issue-panel-header"><span class="panel-icon" aria-hidden="true"></span>${state.module?.title ?? state.moduleType}</header>
        ${frameSlot(state, false)}
      </section>`}
      <section class="issue-section"><h2>Child issues <span class="muted">${done} of ${children.length} done</span></h2>
        <ul class="child-list">${shown.map((child) => {
          const childStatus = site.statuses.find((s) => s.id === child.statusId);
          const childType = site.issueTypes.find((t) => t.id === child.issueTypeId);
          return html`<li>${issueTypeIcon(childType)}<span class="child-key">${child.key}</span><span class="child-summary">${child.summary}</span>${childStatus ? statusLozenge(childStatus) : ''}</li>`;
        })}</ul>
        ${children.length > shown.length ? html`<p class="muted">and ${children.length - shown.length} more</p>` : ''}
      </section>
    </div>
    <aside class="issue-details">
      ${status ? html`<div class="issue-status">${statusLozenge(status, true)}</div>` : ''}
      <div class="details-box"><h2>Details</h2>
        <dl>
          <dt>Assignee</dt><dd>${person(issue.assigneeAccountId)}</dd>
          <dt>Reporter</dt><dd>${person(issue.reporterAccountId)}</dd>
          <dt>Priority</dt><dd>${issue.priorityName}</dd>
          <dt>Labels</dt><dd>${issue.labels.length ? issue.labels.map((label) => html`<span class="tag">${label}</span>`) : html`<span class="muted">None</span>`}</dd>
        </dl>
      </div>
      <p class="muted small">Created ${issue.created.slice(0, 10)} · Updated ${issue.updated.slice(0, 10)}</p>
    </aside>
  </div>
</main>`;
}

/**
 * A Jira dashboard: each gadget in a card with its title, Refresh and (when it has an edit view)
 * Edit. The page's script puts the frames in (browser/host-page.ts).
 */
function dashboardView(input: PageInput): SafeHtml {
  const gadgets = input.dashboard ?? [];
  const titleOf = (moduleKey: string) => input.manifest.modules.find((module) => module.key === moduleKey)?.title ?? moduleKey;
  const editable = (moduleKey: string) => Boolean(input.manifest.modules.find((module) => module.key === moduleKey)?.editResourceKey);
  return html`<main class="content page-view dashboard-view">
  ${breadcrumbs(['Dashboards', 'Sandbox dashboard'])}
  ${notices(input)}
  <h1 class="dashboard-title">Sandbox dashboard</h1>
  ${gadgets.length === 0
    ? html`<div class="empty-state"><h2>No gadgets</h2><p>manifest.yml declares no <code>jira:dashboardGadget</code> module.</p></div>`
    : html`<div class="dashboard-grid">${gadgets.map(
        (gadget) => html`<section class="gadget" data-gadget-id="${gadget.id}" aria-labelledby="gadget-title-${gadget.id}">
      <header class="gadget-header"><h2 id="gadget-title-${gadget.id}" class="gadget-title">${titleOf(gadget.moduleKey)}</h2>
        <span class="gadget-actions">${editable(gadget.moduleKey) ? html`<button type="button" class="gadget-button" data-gadget-edit="${gadget.id}">Edit</button>` : ''}<button type="button" class="gadget-button" data-gadget-refresh="${gadget.id}">Refresh</button></span>
      </header>
      <div class="gadget-frame-slot" data-gadget-slot="${gadget.id}"><p class="frame-loading">Loading ${titleOf(gadget.moduleKey)}…</p></div>
    </section>`,
      )}</div>`}
</main>`;
}

export function content(input: PageInput): SafeHtml {
  const { state } = input;
  if (state.moduleType === 'jira:dashboardGadget' && state.module) return dashboardView(input);
  const title = state.module?.title ?? MODULE_LABELS[state.moduleType];
  if (state.moduleType === 'jira:issuePanel' && state.issue) return issueView(input, state.issue, state.project);
  const trail =
    state.moduleType === 'jira:projectPage'
      ? ['Projects', state.project?.name ?? '']
      : state.moduleType === 'jira:adminPage'
        ? ['Jira settings', 'Apps']
        : ['Apps'];
  return html`<main class="content page-view">
  ${breadcrumbs([...trail, title])}
  ${notices(input)}
  ${frameSlot(state, true)}
</main>`;
}
