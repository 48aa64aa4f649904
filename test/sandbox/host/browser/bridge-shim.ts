/**
 * The bridge shim: loaded first in every app iframe, it defines `window.__bridge` so the real
 * `@forge/bridge` runs in a plain browser. Ops are forwarded to the host page by postMessage;
 * anything holding a function (modal onClose, flag actions, event listeners, history) is kept
 * here and the host refers to it by id, as Jira's own bridge keeps callbacks in the frame.
 */
import { CHANNEL, isChannelMessage } from './protocol';
import type { BridgeCall, FlagMessage, HistoryLocation, HostMessage, ModalMessage } from './protocol';
import { createFrameHistory } from './frame-history';
import type { FrameHistory } from './frame-history';
import { applyTheme, enableThemeStyles } from './frame-theme';

type Callback = (payload?: unknown) => unknown;

const host = window.parent;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const listeners = new Map<string, Set<Callback>>();
const flagActions = new Map<string, Callback[]>();
const modalCallbacks = new Map<string, Callback>();
let nextId = 1;
let themingEnabled = false;
let history: FrameHistory | undefined;

function send(op: string, payload?: unknown): Promise<unknown> {
  if (host === window) {
    return Promise.reject(new Error('The bridge shim runs only inside the sandbox host page (open it via http://127.0.0.1:<port>/).'));
  }
  const id = nextId++;
  const message: BridgeCall = { channel: CHANNEL, type: 'call', id, op, payload };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      host.postMessage(message, window.location.origin);
    } catch (error) {
      pending.delete(id);
      // DataCloneError: a function or DOM node in the payload; Forge cannot carry those either.
      reject(new Error(`@forge/bridge op "${op}": payload cannot leave the iframe (${(error as Error).message})`));
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function subscribe(op: 'on' | 'onPublic', payload: unknown): Promise<{ unsubscribe: () => void }> {
  if (!isRecord(payload) || typeof payload['event'] !== 'string' || typeof payload['callback'] !== 'function') {
    return Promise.reject(new Error(`${op} needs {event, callback}`));
  }
  const event = payload['event'];
  const callback = payload['callback'] as Callback;
  const set = listeners.get(event) ?? new Set<Callback>();
  listeners.set(event, set);
  set.add(callback);
  return send(op, { event }).then(() => ({
    unsubscribe: () => {
      set.delete(callback);
      if (set.size === 0) {
        listeners.delete(event);
        void send('off', { event });
      }
    },
  }));
}

function showFlag(payload: unknown): Promise<unknown> {
  if (!isRecord(payload)) return Promise.reject(new Error('showFlag needs options'));
  const actions = Array.isArray(payload['actions']) ? (payload['actions'] as unknown[]) : [];
  const id = String(payload['id']);
  flagActions.set(
    id,
    actions.map((action) => (isRecord(action) && typeof action['onClick'] === 'function' ? (action['onClick'] as Callback) : () => undefined)),
  );
  const flag: FlagMessage = {
    id,
    type: (payload['type'] as FlagMessage['type'] | undefined) ?? 'info',
    actions: actions.map((action) => (isRecord(action) ? String(action['text'] ?? '') : '')),
    ...(typeof payload['title'] === 'string' ? { title: payload['title'] } : {}),
    ...(typeof payload['description'] === 'string' ? { description: payload['description'] } : {}),
    ...(typeof payload['appearance'] === 'string' ? { appearance: payload['appearance'] as FlagMessage['appearance'] } : {}),
    ...(typeof payload['isAutoDismiss'] === 'boolean' ? { isAutoDismiss: payload['isAutoDismiss'] } : {}),
  };
  return send('showFlag', flag);
}

function openModal(payload: unknown): Promise<unknown> {
  if (!isRecord(payload)) return Promise.reject(new Error('openModal needs options'));
  const modalId = `modal-${Date.now().toString(36)}-${nextId++}`;
  const onClose = payload['onClose'];
  modalCallbacks.set(modalId, typeof onClose === 'function' ? (onClose as Callback) : () => undefined);
  const modal: ModalMessage = {
    modalId,
    resource: typeof payload['resource'] === 'string' ? payload['resource'] : null,
    size: (payload['size'] as ModalMessage['size'] | undefined) ?? 'medium',
    context: payload['context'] ?? {},
    closeOnEscape: payload['closeOnEscape'] !== false,
    closeOnOverlayClick: payload['closeOnOverlayClick'] !== false,
    title: typeof payload['title'] === 'string' ? payload['title'] : '',
    icon: typeof payload['icon'] === 'string' ? payload['icon'] : '',
  };
  return send('openModal', modal).catch((error: unknown) => {
    modalCallbacks.delete(modalId);
    throw error;
  });
}

async function createHistory(): Promise<FrameHistory> {
  // One history per frame, as in Jira: a second createHistory() sees the same location.
  if (!history) {
    const initial = (await send('createHistory')) as HistoryLocation;
    history = createFrameHistory(initial, (action, location) => void send('historyUpdate', { action, location }), (delta) => void send('historyGo', { delta }));
  }
  return history;
}

async function enableTheming(): Promise<unknown> {
  const reply = (await send('enableTheming')) as { colorMode: 'light' | 'dark' };
  enableThemeStyles();
  applyTheme(reply.colorMode);
  themingEnabled = true;
  return undefined;
}

function callBridge(op: string, payload?: unknown): Promise<unknown> {
  switch (op) {
    case 'on':
    case 'onPublic':
      return subscribe(op, payload);
    case 'showFlag':
      return showFlag(payload);
    case 'openModal':
      return openModal(payload);
    case 'createHistory':
      return createHistory();
    case 'enableTheming':
      return enableTheming();
    case 'onClose':
      // Its argument is a function; Jira calls it when a closable view closes. Not modelled.
      return Promise.resolve(true);
    default:
      return send(op, payload);
  }
}

function handleHostMessage(message: HostMessage): void {
  switch (message.type) {
    case 'reply': {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      return;
    }
    case 'theme':
      if (themingEnabled) applyTheme(message.colorMode);
      return;
    case 'event':
      for (const callback of listeners.get(message.event) ?? []) callback(message.payload);
      return;
    case 'flag-action':
      flagActions.get(message.flagId)?.[message.index]?.();
      return;
    case 'modal-closed': {
      const onClose = modalCallbacks.get(message.modalId);
      modalCallbacks.delete(message.modalId);
      onClose?.(message.payload);
      return;
    }
    case 'history':
      history?.pop(message.location);
      return;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== host || event.origin !== window.location.origin || !isChannelMessage(event.data)) return;
  handleHostMessage(event.data as HostMessage);
});

// Jira sizes panel iframes to their content (iframe-resizer); report the height so the host can.
// Measure the body, not <html>: <html> is as tall as the iframe, so it could never shrink.
let reportedHeight = -1;
function reportSize(): void {
  const body = document.body;
  if (!body) return;
  const style = getComputedStyle(body);
  const height = Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  if (height === reportedHeight) return;
  reportedHeight = height;
  void send('__resize', { height }).catch(() => undefined);
}
if (host !== window) {
  const observer = new ResizeObserver(reportSize);
  observer.observe(document.documentElement);
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body));
}

Object.defineProperty(window, '__bridge', { value: Object.freeze({ callBridge }), configurable: false, writable: false });
