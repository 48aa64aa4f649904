/**
 * Messages between the bridge shim (in each app iframe) and the host page (the stand-in for
 * Jira's frame). They travel by postMessage, so structured cloning guarantees that no function
 * leaves the iframe: callbacks (modal onClose, flag actions, event and history listeners) stay
 * in the shim, and the host only ever sends back ids that name them.
 */

export const CHANNEL = 'throughline-sandbox';

export interface BridgeCall {
  channel: typeof CHANNEL;
  type: 'call';
  id: number;
  op: string;
  payload: unknown;
}

export type BridgeReply = { channel: typeof CHANNEL; type: 'reply'; id: number } & (
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string } }
);

export interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

/** What the host pushes to a frame without being asked. */
export type HostPush =
  | { channel: typeof CHANNEL; type: 'theme'; colorMode: 'light' | 'dark' }
  | { channel: typeof CHANNEL; type: 'event'; event: string; payload: unknown }
  | { channel: typeof CHANNEL; type: 'flag-action'; flagId: string; index: number }
  | { channel: typeof CHANNEL; type: 'modal-closed'; modalId: string; payload: unknown }
  | { channel: typeof CHANNEL; type: 'history'; action: 'POP'; location: HistoryLocation };

export type HostMessage = BridgeReply | HostPush;

/** `showFlag` options once the shim has replaced each action's onClick by its index. */
export interface FlagMessage {
  id: string;
  title?: string;
  description?: string;
  type: 'info' | 'success' | 'warning' | 'error';
  appearance?: 'info' | 'success' | 'warning' | 'error';
  actions: string[];
  isAutoDismiss?: boolean;
}

/** `Modal.open()` options once the shim has kept onClose and named the modal. */
export interface ModalMessage {
  modalId: string;
  resource: string | null;
  size: string | { width: string; height?: string };
  context: unknown;
  closeOnEscape: boolean;
  closeOnOverlayClick: boolean;
  title: string;
  icon: string;
}

export function isChannelMessage(data: unknown): data is { channel: typeof CHANNEL; type: string } {
  return typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === CHANNEL;
}
