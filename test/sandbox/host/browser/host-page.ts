/**
 * The host page's script (served as a file: the page's CSP allows no inline script). It starts
 * the bridge host, then creates the app's iframe (so the host listens before the shim's first
 * call), and wires the switchers: every view change is a new URL, except the theme, which
 * switches live in the page and in every frame that enabled theming.
 */
import { BridgeHost } from './bridge-host';
import { readHostConfig, resourceUrl } from './host-config';
import type { GadgetFrames } from './host-config';
import { applyTheme } from './frame-theme';
import { hostUrl } from './navigation';

const config = readHostConfig();
// The server filled in defaults (user, project, epic): write them into the URL, so it reproduces the view.
window.history.replaceState(null, '', hostUrl({ hostOrigin: '' }, config.view));
const flags = document.getElementById('flags');
const modals = document.getElementById('modals');
if (!flags || !modals) throw new Error('host page: #flags or #modals missing');
const host = new BridgeHost(config, { flags, modals });

const slot = document.getElementById('app-frame-slot');
if (slot && config.frame) {
  const frame = document.createElement('iframe');
  frame.id = 'app-frame';
  frame.className = config.frame.autoHeight ? 'app-frame app-frame-auto' : 'app-frame';
  frame.title = slot.dataset['title'] ?? 'App';
  host.attach(frame, config.frame);
  frame.src = resourceUrl(config.frame.resourceKey, config.pseudo);
  slot.replaceChildren(frame);
}

// The Dashboard view: each gadget's frame, its edit view on Edit, Jira's refresh on Refresh and on its interval.
const gadgetTimers = new Map<string, ReturnType<typeof setInterval>>();

function mountGadget(gadget: GadgetFrames, mode: 'view' | 'edit'): void {
  const slot = document.querySelector<HTMLElement>(`[data-gadget-slot="${CSS.escape(gadget.id)}"]`);
  if (!slot) return;
  const frameConfig = mode === 'edit' && gadget.edit ? gadget.edit : gadget.view;
  const old = slot.querySelector('iframe');
  if (old) host.detach(old);
  const frame = document.createElement('iframe');
  frame.className = 'app-frame app-frame-auto gadget-frame';
  frame.title = mode === 'edit' ? `${gadget.title} (edit)` : gadget.title;
  frame.dataset['gadgetFrame'] = gadget.id;
  frame.dataset['mode'] = mode;
  host.attach(frame, frameConfig);
  frame.src = resourceUrl(frameConfig.resourceKey, config.pseudo);
  slot.replaceChildren(frame);
  const edit = document.querySelector<HTMLButtonElement>(`[data-gadget-edit="${CSS.escape(gadget.id)}"]`);
  if (edit) {
    edit.textContent = mode === 'edit' ? 'Cancel edit' : 'Edit';
    edit.onclick = () => mountGadget(gadgets.get(gadget.id) ?? gadget, mode === 'edit' ? 'view' : 'edit');
  }
  const refresh = document.querySelector<HTMLButtonElement>(`[data-gadget-refresh="${CSS.escape(gadget.id)}"]`);
  if (refresh) refresh.onclick = () => host.refreshGadget(frame, gadget.id);
  clearInterval(gadgetTimers.get(gadget.id));
  if (mode === 'view' && gadget.refresh) gadgetTimers.set(gadget.id, setInterval(() => host.refreshGadget(frame, gadget.id), gadget.refresh * 60_000));
}

const gadgets = new Map((config.gadgets ?? []).map((gadget) => [gadget.id, gadget]));
for (const gadget of gadgets.values()) mountGadget(gadget, 'view');

host.onGadgetSubmit = async (frame, configuration) => {
  const gadgetId = frame.invoke.gadget ?? '';
  const response = await fetch('/__sandbox/dashboard/gadget', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gadgetId, configuration, user: config.view.user, theme: config.view.theme }),
  });
  const answer = (await response.json()) as { frames?: GadgetFrames; error?: { message?: string } };
  if (!response.ok || !answer.frames) throw new Error(answer.error?.message ?? `Saving the gadget failed (${response.status})`);
  const saved = answer.frames;
  gadgets.set(gadgetId, saved);
  return () => mountGadget(saved, 'view');
};

const form = document.getElementById('view-form');
if (form instanceof HTMLFormElement) {
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLSelectElement)) return;
    // A new project has other epics: let the server pick the first one.
    if (target.name === 'project') form.querySelector<HTMLSelectElement>('select[name="issue"]')?.setAttribute('disabled', '');
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value !== '') query.set(name, value);
    }
    window.location.assign(`/?${query.toString()}`);
  });
}

function setTheme(colorMode: 'light' | 'dark'): void {
  config.view.theme = colorMode;
  applyTheme(colorMode);
  host.setColorMode(colorMode);
  const url = new URL(window.location.href);
  url.searchParams.set('theme', colorMode);
  window.history.replaceState(window.history.state, '', url);
  // Links rendered by the server carry the theme too: keep them in step.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-view-link]')) {
    const href = new URL(link.href);
    href.searchParams.set('theme', colorMode);
    link.href = href.toString();
  }
  const input = document.querySelector<HTMLInputElement>('input[name="theme"]');
  if (input) input.value = colorMode;
  const toggle = document.getElementById('theme-toggle');
  toggle?.setAttribute('aria-checked', String(colorMode === 'dark'));
}

document.getElementById('theme-toggle')?.addEventListener('click', () => {
  setTheme(config.view.theme === 'dark' ? 'light' : 'dark');
});

// Back/forward within the app's own routes (history.push in the frame) stays in the frame.
window.addEventListener('popstate', () => {
  const params = new URL(window.location.href).searchParams;
  const sameView = (['project', 'module', 'issue', 'user'] as const).every((name) => (params.get(name) ?? '') === (config.view[name] ?? ''));
  if (!sameView) {
    window.location.reload();
    return;
  }
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  if (theme !== config.view.theme) setTheme(theme);
  host.popHistory(params.get('path') ?? undefined);
});
