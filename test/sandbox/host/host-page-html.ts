/**
 * The host page: a sandbox bar (project, module, epic, acting user, theme) above a Jira-like
 * frame (top bar, project sidebar, content) with the module's resource in an iframe. Rendered on
 * the server from the URL's state; the page's script (browser/host-page.ts) adds the bridge.
 */
import type { SimIssue, SimProject, SimSite, SimUser } from '../jira/model';
import { DEMO_USERS } from '../demo/users';
import type { DemoUserRole } from '../demo/users';
import { ROLE_LABELS, userParam } from './acting-user';
import type { ActingUser } from './acting-user';
import { fullContext, viewTarget } from './extension-context';
import type { AppIdentity } from './extension-context';
import type { HostConfig } from './browser/host-config';
import { THEME_ATTRIBUTE, TOKEN_THEMES } from './browser/frame-theme';
import { hostUrl } from './browser/navigation';
import type { HostView } from './browser/navigation';
import { html } from './html-template';
import type { SafeHtml } from './html-template';
import { MODULE_SLUGS, UI_MODULE_TYPES } from './manifest';
import type { HostManifest, UiModuleType } from './manifest';
import { canBrowse, isJiraAdmin } from './view-state';
import type { HostViewState } from './view-state';
import { avatar, issueTypeIcon, jiraLogo, navIcon, projectAvatar, statusLozenge } from './host-page-parts';

const MODULE_LABELS: Record<UiModuleType, string> = {
  'jira:projectPage': 'Project page',
  'jira:issuePanel': 'Epic panel',
  'jira:globalPage': 'Global page',
  'jira:adminPage': 'Admin page',
};

interface PageInput {
  site: SimSite;
  manifest: HostManifest;
  identity: AppIdentity;
  state: HostViewState;
  dataSet: string;
}

function viewOf(state: HostViewState): HostView & { module: string; user: string; theme: 'light' | 'dark' } {
  return {
    module: MODULE_SLUGS[state.moduleType],
    user: userParam(state.actor),
    theme: state.colorMode,
    ...(state.project ? { project: state.project.key } : {}),
    ...(state.issue ? { issue: state.issue.key } : {}),
    ...(state.path ? { path: state.path } : {}),
  };
}

/** A relative link to another view that keeps the user and theme. */
function link(state: HostViewState, change: HostView): string {
  const { user, theme } = viewOf(state);
  return hostUrl({ hostOrigin: '' }, { user, theme, ...change });
}

function hostConfig({ site, manifest, identity, state }: PageInput): HostConfig {
  const modules: HostConfig['modules'] = {};
  for (const module of manifest.modules) {
    modules[module.key] = { type: module.type, slug: MODULE_SLUGS[module.type], resourceKey: module.resourceKey };
  }
  const view = viewOf(state);
  const config: HostConfig = { siteUrl: site.baseUrl, appUuid: identity.appUuid, environmentId: identity.environmentId, modules, view };
  const { module } = state;
  const showable = module && (module.type !== 'jira:issuePanel' || state.issue) && (module.type !== 'jira:projectPage' || state.project);
  if (module && showable) {
    const target = viewTarget(site, module, { project: state.project?.key, issue: state.issue?.key });
    config.frame = {
      resourceKey: module.resourceKey,
      moduleType: module.type,
      context: fullContext({ site, identity, target, actor: state.actor, colorMode: state.colorMode }),
      invoke: {
        user: view.user,
        module: module.key,
        ...(state.project ? { project: state.project.key } : {}),
        ...(state.issue ? { issue: state.issue.key } : {}),
      },
      autoHeight: module.type === 'jira:issuePanel',
    };
  }
  return config;
}

function option(value: string, label: string, selected: boolean, disabled = false): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}${disabled ? html` disabled` : ''}>${label}</option>`;
}

function userLabel(site: SimSite, role: DemoUserRole): string {
  const user = site.users.find((candidate) => candidate.accountId === DEMO_USERS[role]);
  return `${user?.displayName ?? role} · ${ROLE_LABELS[role]}`;
}

function sandboxBar({ site, manifest, state, dataSet }: PageInput): SafeHtml {
  const currentUser = userParam(state.actor);
  const roles = Object.keys(DEMO_USERS) as DemoUserRole[];
  const moduleOptions = UI_MODULE_TYPES.map((type) => {
    const module = manifest.modules.find((candidate) => candidate.type === type);
    const label = module ? `${MODULE_LABELS[type]} · ${module.title}` : `${MODULE_LABELS[type]} (not in manifest yet)`;
    return option(MODULE_SLUGS[type], label, type === state.moduleType, !module);
  });
  const epicSelect =
    state.moduleType === 'jira:issuePanel'
      ? html`<label class="control"><span>Epic</span><select name="issue">${state.epics.map((epic) =>
          option(epic.key, `${epic.key} ${epic.summary}`, epic.key === state.issue?.key),
        )}</select></label>`
      : '';
  return html`<form id="view-form" class="sandbox-bar" method="get" action="/">
  <span class="sandbox-badge" title="Simulated Jira site ${site.baseUrl}, data set ${dataSet}">Sandbox · ${dataSet}</span>
  <label class="control"><span>Project</span><select name="project">${site.projects.map((project) =>
    option(project.key, `${project.name} (${project.key})`, project.key === state.project?.key),
  )}</select></label>
  <label class="control"><span>Module</span><select name="module">${moduleOptions}</select></label>
  ${epicSelect}
  <label class="control"><span>Acting as</span><select name="user">${roles.map((role) =>
    option(role, userLabel(site, role), currentUser === role),
  )}${option('anonymous', 'Anonymous · not logged in', currentUser === 'anonymous')}</select></label>
  <input type="hidden" name="theme" value="${state.colorMode}">
  <button type="button" id="theme-toggle" class="theme-toggle" role="switch" aria-checked="${state.colorMode === 'dark'}"><span class="theme-toggle-track" aria-hidden="true"><span class="theme-toggle-thumb"></span></span>Dark theme</button>
  <noscript><button type="submit">Show</button></noscript>
  <a class="sandbox-link" href="/__sandbox/state" target="_blank" rel="noopener">state</a>
</form>`;
}

function actorName(actor: ActingUser): string {
  return actor.kind === 'user' ? actor.user.displayName : 'Anonymous';
}

function topBar(state: HostViewState): SafeHtml {
  const user: SimUser | undefined = state.actor.kind === 'user' ? state.actor.user : undefined;
  const menu = ['Your work', 'Projects', 'Filters', 'Dashboards', 'Teams', 'Apps'];
  return html`<header class="topbar">
  <span class="topbar-grid" aria-hidden="true"></span>
  <a class="topbar-logo" href="${link(state, { project: state.project?.key })}" data-view-link>${jiraLogo()}<span>Jira</span></a>
  <nav class="topbar-menu" aria-label="Jira">${menu.map((item) => html`<span class="topbar-item${item === 'Projects' && state.project ? ' topbar-item-current' : ''}">${item}<span class="chevron" aria-hidden="true"></span></span>`)}<span class="topbar-create">Create</span></nav>
  <span class="topbar-search" aria-hidden="true">Search</span>
  <span class="topbar-user" title="${actorName(state.actor)}">${avatar(user, 'medium')}</span>
</header>`;
}

function projectSidebar(state: HostViewState, manifest: HostManifest, project: SimProject): SafeHtml {
  const pageModule = manifest.modules.find((module) => module.type === 'jira:projectPage');
  const kind = `${project.style === 'next-gen' ? 'Team-managed' : 'Company-managed'} ${project.projectTypeKey}`;
  const inert = (label: string): SafeHtml => html`<span class="nav-item nav-item-inert" aria-disabled="true">${navIcon(label)}${label}</span>`;
  const product = pageModule
    ? html`<a class="nav-item${state.moduleType === 'jira:projectPage' ? ' nav-item-current' : ''}" href="${link(state, { project: project.key, module: MODULE_SLUGS['jira:projectPage'] })}" data-view-link${state.moduleType === 'jira:projectPage' ? html` aria-current="page"` : ''}><span class="nav-icon nav-icon-app" aria-hidden="true"></span>${pageModule.title}</a>`
    : '';
  return html`<nav class="sidebar" aria-label="Project">
  <div class="sidebar-project">${projectAvatar(project)}<div><div class="sidebar-project-name">${project.name}</div><div class="sidebar-project-kind">${kind}</div></div></div>
  <div class="nav-group"><div class="nav-heading">Planning</div>${inert('Timeline')}${inert('Backlog')}${inert('Board')}${product}</div>
  <div class="nav-group"><div class="nav-heading">Development</div>${inert('Code')}${inert('Releases')}</div>
  <div class="nav-group nav-footer">${inert('Project settings')}</div>
</nav>`;
}

function appsSidebar(state: HostViewState, manifest: HostManifest, type: 'jira:globalPage' | 'jira:adminPage'): SafeHtml {
  const module = manifest.modules.find((candidate) => candidate.type === type);
  const heading = type === 'jira:adminPage' ? 'Jira settings' : 'Apps';
  const items = type === 'jira:adminPage' ? ['Manage apps', 'Find new apps'] : ['Explore apps', 'Manage your apps'];
  return html`<nav class="sidebar" aria-label="${heading}">
  <div class="sidebar-title">${heading}</div>
  <div class="nav-group"><div class="nav-heading">${type === 'jira:adminPage' ? 'Apps' : 'Your apps'}</div>
  ${items.map((item) => html`<span class="nav-item nav-item-inert" aria-disabled="true">${navIcon(item)}${item}</span>`)}
  ${module ? html`<a class="nav-item nav-item-current" aria-current="page" href="${link(state, { module: MODULE_SLUGS[type], project: state.project?.key })}" data-view-link><span class="nav-icon nav-icon-app" aria-hidden="true"></span>${module.title}</a>` : ''}
  </div>
</nav>`;
}

function notices(input: PageInput): SafeHtml {
  const { site, state } = input;
  const messages: string[] = [...state.corrections];
  const needsProject = state.moduleType === 'jira:projectPage' || state.moduleType === 'jira:issuePanel';
  if (state.module && needsProject && state.project && !canBrowse(state.project, state.actor)) {
    messages.push(
      `Jira would not show this page to ${actorName(state.actor)}: no Browse Projects permission on ${state.project.key}. It is shown anyway so you can check that the app refuses.`,
    );
  }
  if (state.module && state.moduleType === 'jira:adminPage' && !isJiraAdmin(site, state.actor)) {
    messages.push(`Jira shows admin pages to Jira administrators only; ${actorName(state.actor)} is not one. Shown anyway.`);
  }
  return html`${messages.map((message) => html`<div class="notice" role="note">${message}</div>`)}`;
}

function frameSlot(state: HostViewState, fill: boolean): SafeHtml {
  if (!state.module) {
    return html`<div class="empty-state"><h2>Not in the manifest yet</h2><p>manifest.yml declares no <code>${state.moduleType}</code> module. Declare it (with a resource and a resolver) and restart <code>npm start</code>.</p></div>`;
  }
  return html`<div id="app-frame-slot" class="frame-slot${fill ? ' frame-fill' : ''}" data-title="${state.module.title}"><p class="frame-loading">Loading ${state.module.title}…</p></div>`;
}

function breadcrumbs(items: string[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs">${items.map((item, index) => html`${index > 0 ? html`<span class="breadcrumb-sep" aria-hidden="true">/</span>` : ''}<span>${item}</span>`)}</nav>`;
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
      <h1 class="issue-summary">${issueTypeIcon(type?.name ?? '')}${issue.summary}</h1>
      <section class="issue-section"><h2>Description</h2><p class="muted">An epic of the simulated site. Labels: ${issue.labels.join(', ') || 'none'}.</p></section>
      <section class="issue-panel" aria-label="${state.module?.title ?? 'App'}">
        <header class="issue-panel-header"><span class="panel-icon" aria-hidden="true"></span>${state.module?.title ?? state.moduleType}</header>
        ${frameSlot(state, false)}
      </section>
      <section class="issue-section"><h2>Child issues <span class="muted">${done} of ${children.length} done</span></h2>
        <ul class="child-list">${shown.map((child) => {
          const childStatus = site.statuses.find((s) => s.id === child.statusId);
          const childType = site.issueTypes.find((t) => t.id === child.issueTypeId);
          return html`<li>${issueTypeIcon(childType?.name ?? '')}<span class="child-key">${child.key}</span><span class="child-summary">${child.summary}</span>${childStatus ? statusLozenge(childStatus) : ''}</li>`;
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

function content(input: PageInput): SafeHtml {
  const { state } = input;
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

function pageTitle(state: HostViewState): string {
  const title = state.module?.title ?? MODULE_LABELS[state.moduleType];
  if (state.issue) return `[${state.issue.key}] ${state.issue.summary}`;
  if (state.moduleType === 'jira:projectPage' && state.project) return `${title} - ${state.project.name}`;
  return title;
}

export function renderHostPage(input: PageInput): string {
  const { state, manifest } = input;
  const sidebar =
    state.moduleType === 'jira:globalPage' || state.moduleType === 'jira:adminPage'
      ? appsSidebar(state, manifest, state.moduleType)
      : state.project
        ? projectSidebar(state, manifest, state.project)
        : '';
  return html`<!doctype html>
<html lang="en" data-theme="${THEME_ATTRIBUTE}" data-color-mode="${state.colorMode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle(state)} - Jira (Throughline sandbox)</title>
<link rel="icon" href="data:,">
${TOKEN_THEMES.map((theme) => html`<link rel="stylesheet" href="/__sandbox/tokens/${theme}.css">\n`)}<link rel="stylesheet" href="/__sandbox/host.css">
<script src="/__sandbox/host-page.js" defer></script>
</head>
<body data-host="${JSON.stringify(hostConfig(input))}">
${sandboxBar(input)}
<div class="jira">
${topBar(state)}
<div class="layout">
${sidebar}
${content(input)}
</div>
</div>
<div id="flags" class="flags" aria-live="polite"></div>
<div id="modals"></div>
</body>
</html>
`.value;
}
