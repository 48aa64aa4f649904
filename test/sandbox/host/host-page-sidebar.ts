/** The left sidebar: a project's navigation (with the app's page), or Jira's apps/settings navigation. */
import type { SimProject } from '../jira/model';
import { html } from './html-template';
import type { SafeHtml } from './html-template';
import { navIcon, projectAvatar } from './host-page-parts';
import { link } from './host-page-view';
import { MODULE_SLUGS } from './manifest';
import type { HostManifest } from './manifest';
import type { HostViewState } from './view-state';

export function projectSidebar(state: HostViewState, manifest: HostManifest, project: SimProject): SafeHtml {
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

export function appsSidebar(state: HostViewState, manifest: HostManifest, type: 'jira:globalPage' | 'jira:adminPage'): SafeHtml {
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
