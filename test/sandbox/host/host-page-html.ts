/**
 * The host page: a sandbox bar (project, module, epic, acting user, theme) above a Jira-like
 * frame (top bar, sidebar, content) with the module's resource in an iframe. Rendered on the
 * server from the URL's state; the page's script (browser/host-page.ts) adds the bridge.
 */
import type { SimSite, SimUser } from '../jira/model';
import { DEMO_USERS } from '../demo/users';
import type { DemoUserRole } from '../demo/users';
import { ROLE_LABELS, userParam } from './acting-user';
import { gadgetFrames } from './dashboard';
import { fullContext, viewTarget } from './extension-context';
import type { HostConfig } from './browser/host-config';
import { THEME_ATTRIBUTE, TOKEN_THEMES } from './browser/frame-theme';
import { html } from './html-template';
import { PSEUDO_LANG } from './pseudo-locale';
import type { SafeHtml } from './html-template';
import { MODULE_SLUGS, UI_MODULE_TYPES } from './manifest';
import { avatar, jiraLogo, option } from './host-page-parts';
import { content } from './host-page-content';
import { appsSidebar, projectSidebar } from './host-page-sidebar';
import { MODULE_LABELS, actorName, link, viewOf } from './host-page-view';
import type { PageInput } from './host-page-view';
import type { HostViewState } from './view-state';

function hostConfig(input: PageInput): HostConfig {
  const { site, manifest, identity, state } = input;
  const modules: HostConfig['modules'] = {};
  for (const module of manifest.modules) {
    modules[module.key] = { type: module.type, slug: MODULE_SLUGS[module.type], resourceKey: module.resourceKey };
  }
  const view = viewOf(state);
  const config: HostConfig = {
    siteUrl: site.baseUrl,
    appUuid: identity.appUuid,
    environmentId: identity.environmentId,
    modules,
    resources: Object.keys(manifest.resources),
    view,
    ...(state.pseudo ? { pseudo: true as const } : {}),
  };
  const { module } = state;
  if (state.moduleType === 'jira:dashboardGadget') {
    config.gadgets = gadgetFrames({ site, manifest, identity, gadgets: input.dashboard ?? [], actor: state.actor, colorMode: state.colorMode, locale: state.locale });
    return config;
  }
  const showable =
    module && !state.hiddenBy && (module.type !== 'jira:issuePanel' || state.issue) && (module.type !== 'jira:projectPage' || state.project);
  if (module && showable) {
    const target = viewTarget(site, module, { project: state.project?.key, issue: state.issue?.key });
    config.frame = {
      resourceKey: module.resourceKey,
      moduleType: module.type,
      context: fullContext({ site, identity, target, actor: state.actor, colorMode: state.colorMode, locale: state.locale }),
      invoke: {
        user: view.user,
        locale: state.locale,
        module: module.key,
        ...(state.project ? { project: state.project.key } : {}),
        ...(state.issue ? { issue: state.issue.key } : {}),
      },
      autoHeight: module.type === 'jira:issuePanel',
    };
  }
  return config;
}

/** The languages the switcher offers: the app's translated ones (manifest translations), each in its own language. */
const HOST_LANGUAGES: ReadonlyArray<[string, string]> = [
  ['en-US', 'English (US)'],
  ['de-DE', 'Deutsch'],
  ['ja-JP', '日本語'],
  [PSEUDO_LANG, 'Pseudo (accented, +40%)'],
];

function userLabel(site: SimSite, role: DemoUserRole): string {
  const user = site.users.find((candidate) => candidate.accountId === DEMO_USERS[role]);
  return `${user?.displayName ?? role} · ${ROLE_LABELS[role]}`;
}

function sandboxBar({ site, manifest, state, dataSet }: PageInput): SafeHtml {
  const currentUser = userParam(state.actor);
  const roles = Object.keys(DEMO_USERS) as DemoUserRole[];
  const moduleOptions = UI_MODULE_TYPES.map((type) => {
    const module = manifest.modules.find((candidate) => candidate.type === type);
    const gadgetCount = manifest.modules.filter((candidate) => candidate.type === 'jira:dashboardGadget').length;
    const label = !module
      ? `${MODULE_LABELS[type]} (not in manifest yet)`
      : type === 'jira:dashboardGadget'
        ? `${MODULE_LABELS[type]} · ${gadgetCount} ${gadgetCount === 1 ? 'gadget' : 'gadgets'}`
        : `${MODULE_LABELS[type]} · ${module.title}`;
    return option(MODULE_SLUGS[type], label, type === state.moduleType, !module);
  });
  // An issue that is not an epic (opened by URL or navigation) stays selectable, so the view shows it.
  const issueChoices = state.issue && !state.epics.includes(state.issue) ? [state.issue, ...state.epics] : state.epics;
  const epicSelect =
    state.moduleType === 'jira:issuePanel'
      ? html`<label class="control"><span>Epic</span><select name="issue">${issueChoices.map((epic) =>
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
  <label class="control"><span>Language</span><select name="lang">${HOST_LANGUAGES.map(([code, name]) =>
    option(code, name, code === (state.pseudo ? PSEUDO_LANG : state.locale)),
  )}</select></label>
  <input type="hidden" name="theme" value="${state.colorMode}">
  <button type="button" id="theme-toggle" class="theme-toggle" role="switch" aria-checked="${state.colorMode === 'dark'}"><span class="theme-toggle-track" aria-hidden="true"><span class="theme-toggle-thumb"></span></span>Dark theme</button>
  <noscript><button type="submit">Show</button></noscript>
  <a class="sandbox-link" href="/__sandbox/state" target="_blank" rel="noopener">state</a>
</form>`;
}

function topBar(state: HostViewState): SafeHtml {
  const user: SimUser | undefined = state.actor.kind === 'user' ? state.actor.user : undefined;
  const menu = ['Your work', 'Projects', 'Filters', 'Dashboards', 'Teams', 'Apps'];
  const inProject = state.moduleType === 'jira:projectPage' || state.moduleType === 'jira:issuePanel';
  const current = inProject ? 'Projects' : state.moduleType === 'jira:dashboardGadget' ? 'Dashboards' : 'Apps';
  return html`<header class="topbar">
  <span class="topbar-grid" aria-hidden="true"></span>
  <a class="topbar-logo" href="${link(state, { project: state.project?.key })}" data-view-link>${jiraLogo()}<span>Jira</span></a>
  <nav class="topbar-menu" aria-label="Jira">${menu.map((item) => html`<span class="topbar-item${item === current ? ' topbar-item-current' : ''}">${item}<span class="chevron" aria-hidden="true"></span></span>`)}<span class="topbar-create">Create</span></nav>
  <span class="topbar-search" aria-hidden="true">Search</span>
  <span class="topbar-user" title="${actorName(state.actor)}">${avatar(user, 'medium')}</span>
</header>`;
}

function pageTitle(state: HostViewState): string {
  const title = state.module?.title ?? MODULE_LABELS[state.moduleType];
  if (state.issue) return `[${state.issue.key}] ${state.issue.summary}`;
  if (state.moduleType === 'jira:projectPage' && state.project) return `${title} - ${state.project.name}`;
  if (state.moduleType === 'jira:dashboardGadget') return 'Sandbox dashboard';
  return title;
}

export function renderHostPage(input: PageInput): string {
  const { state, manifest } = input;
  const sidebar =
    state.moduleType === 'jira:dashboardGadget'
      ? ''
      : state.moduleType === 'jira:globalPage' || state.moduleType === 'jira:adminPage'
      ? appsSidebar(state, manifest, state.moduleType)
      : state.project
        ? projectSidebar(state, manifest, state.project)
        : '';
  return html`<!doctype html>
<html lang="${state.locale}" data-theme="${THEME_ATTRIBUTE}" data-color-mode="${state.colorMode}">
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
