/** Small pieces of Jira's look for the host page: avatars, logo, issue-type icons, lozenges. */
import type { SimIssueType, SimProject, SimStatus, SimUser } from '../jira/model';
import { html } from './html-template';
import type { SafeHtml } from './html-template';

const AVATAR_COLOURS = 8;

/** Stable colour class per id: the page's CSP forbids inline styles, so colours are classes. */
function colourClass(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `colour-${hash % AVATAR_COLOURS}`;
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

export function avatar(user: SimUser | undefined, size: 'small' | 'medium'): SafeHtml {
  if (!user) return html`<span class="avatar avatar-${size} avatar-anonymous" aria-label="Anonymous"></span>`;
  return html`<span class="avatar avatar-${size} ${colourClass(user.accountId)}" aria-hidden="true">${initials(user.displayName)}</span>`;
}

export function projectAvatar(project: SimProject): SafeHtml {
  return html`<span class="project-avatar ${colourClass(project.key)}" aria-hidden="true">${project.key.slice(0, 2)}</span>`;
}

export function jiraLogo(): SafeHtml {
  return html`<svg class="jira-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path fill="currentColor" d="M11.53 2c0 2.4 1.97 4.35 4.35 4.35h1.78v1.7c0 2.4 1.94 4.34 4.34 4.35V2.84a.84.84 0 0 0-.84-.84H11.53Z"/><path fill="currentColor" opacity=".8" d="M6.77 6.8a4.36 4.36 0 0 0 4.34 4.34h1.8v1.72a4.36 4.36 0 0 0 4.34 4.34V7.63a.84.84 0 0 0-.83-.83H6.77Z"/><path fill="currentColor" opacity=".6" d="M2 11.6c0 2.4 1.95 4.34 4.35 4.34h1.78v1.72c.01 2.39 1.95 4.33 4.34 4.34v-9.57a.84.84 0 0 0-.84-.84H2Z"/></svg>`;
}

/** Epics and subtasks by hierarchy level (type names are renamed and translated), the rest by name. */
export function issueTypeIcon(type: SimIssueType | undefined): SafeHtml {
  const typeName = type?.name ?? '';
  const kind =
    type?.hierarchyLevel === 1 ? 'epic' : type?.hierarchyLevel === -1 ? 'subtask' : /bug/i.test(typeName) ? 'bug' : /task/i.test(typeName) ? 'task' : 'story';
  return html`<span class="type-icon type-${kind}" title="${typeName}" aria-label="${typeName}"></span>`;
}

export function statusLozenge(status: SimStatus, bold = false): SafeHtml {
  return html`<span class="lozenge lozenge-${status.category}${bold ? ' lozenge-bold' : ''}">${status.name}</span>`;
}

/** 16 px outline icons for the sidebar, drawn in currentColor (decorative: the label says it all). */
const NAV_ICON_PATHS: Record<string, string> = {
  Timeline: 'M2 4h8M5 8h9M3 12h6',
  Backlog: 'M2 4h12M2 8h12M2 12h12',
  Board: 'M2.5 2.5h3v11h-3zM6.5 2.5h3v7h-3zM10.5 2.5h3v9h-3z',
  Code: 'M5.5 4 2 8l3.5 4M10.5 4 14 8l-3.5 4',
  Releases: 'M3 14V2.5h9l-2 3 2 3H3',
  'Project settings': 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5ZM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  'Manage apps': 'M2.5 2.5h4v4h-4zM9.5 2.5h4v4h-4zM2.5 9.5h4v4h-4zM9.5 9.5h4v4h-4z',
  'Find new apps': 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9ZM10.5 10.5 14 14',
  'Explore apps': 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9ZM10.5 10.5 14 14',
  'Manage your apps': 'M2.5 2.5h4v4h-4zM9.5 2.5h4v4h-4zM2.5 9.5h4v4h-4zM9.5 9.5h4v4h-4z',
};

export function navIcon(label: string): SafeHtml {
  const path = NAV_ICON_PATHS[label] ?? 'M3 3h10v10H3z';
  return html`<svg class="nav-svg" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="${path}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

export function breadcrumbs(items: string[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs">${items.map((item, index) => html`${index > 0 ? html`<span class="breadcrumb-sep" aria-hidden="true">/</span>` : ''}<span>${item}</span>`)}</nav>`;
}

export function option(value: string, label: string, selected: boolean, disabled = false): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}${disabled ? html` disabled` : ''}>${label}</option>`;
}
