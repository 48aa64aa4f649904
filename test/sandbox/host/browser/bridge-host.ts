/**
 * The host page's half of the bridge: it answers each op a frame's shim posts, as Jira's frame
 * would. Resolver calls and product requests go to the sandbox server as the acting user; UI ops
 * (flags, modals, navigation, history, events, theme) are drawn here.
 */
import { CHANNEL, isChannelMessage } from './protocol';
import type { BridgeCall, FlagMessage, HistoryLocation, HostMessage, HostPush, ModalMessage } from './protocol';
import type { FrameConfig, HostConfig } from './host-config';
import { resourceUrl } from './host-config';
import { FlagStack } from './flags';
import { modalDimensions, renderModal } from './modals';
import type { OpenModal } from './modals';
import { hostUrlOfJiraUrl, jiraUrlOf } from './navigation';
import { fetchProduct, invokeResolver } from './server-calls';
import type { NavigationSite } from './navigation';

interface Frame {
  element: HTMLIFrameElement;
  config: FrameConfig;
  /** Events this frame listens to (`events.on`). */
  subscriptions: Set<string>;
  modal?: { open: OpenModal; opener: Frame };
}

type OpHandler = (frame: Frame, payload: unknown) => unknown;

const MAX_MODAL_HEIGHT_MARGIN = 120;
/** The event Jira sends a gadget that refreshes itself. */
const GADGET_REFRESH_EVENT = 'JIRA_DASHBOARD_GADGET_REFRESH';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function parsePath(path: string | undefined): HistoryLocation {
  const url = new URL(path && path.startsWith('/') ? path : `/${path ?? ''}`, 'http://frame');
  return { pathname: url.pathname, search: url.search, hash: url.hash, state: undefined, key: 'initial' };
}

export class BridgeHost {
  private readonly frames: Frame[] = [];
  private readonly flags: FlagStack;
  private colorMode: 'light' | 'dark';
  private readonly handlers: Record<string, OpHandler>;

  constructor(
    private readonly config: HostConfig,
    private readonly roots: { flags: HTMLElement; modals: HTMLElement },
  ) {
    this.colorMode = config.view.theme;
    this.flags = new FlagStack(roots.flags, {
      onAction: (flagId, index) => {
        const source = roots.flags.querySelector<HTMLElement>(`[data-flag-id="${CSS.escape(flagId)}"]`)?.dataset['source'];
        const frame = this.frames.find((candidate) => candidate.element.dataset['frameId'] === source);
        if (frame) this.push(frame, { channel: CHANNEL, type: 'flag-action', flagId, index });
      },
    });
    this.handlers = this.opHandlers();
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.onMessage(event));
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.dismissTopModal();
    });
  }

  /**
   * Set by the page for the Dashboard view: saves what a gadget's edit view submitted (Jira keeps
   * it for that gadget) and shows the gadget's view with it. A rejection rejects `view.submit`.
   */
  onGadgetSubmit?: (frame: FrameConfig, configuration: unknown) => Promise<() => void>;

  /** Forgets a frame the page removed (a gadget switching between its view and its edit view). */
  detach(element: HTMLIFrameElement): void {
    const index = this.frames.findIndex((frame) => frame.element === element);
    if (index >= 0) this.frames.splice(index, 1);
  }

  /**
   * Jira refreshing a gadget (its Refresh action, or the `refresh` interval): a gadget that handles
   * the refresh itself (`refreshable: false` and `events.on(JIRA_DASHBOARD_GADGET_REFRESH)`) gets
   * the event; any other is rendered again.
   */
  refreshGadget(element: HTMLIFrameElement, gadgetId: string): void {
    const frame = this.frames.find((candidate) => candidate.element === element);
    if (!frame) return;
    if (frame.subscriptions.has(GADGET_REFRESH_EVENT)) {
      this.push(frame, { channel: CHANNEL, type: 'event', event: GADGET_REFRESH_EVENT, payload: { gadgetId } });
      return;
    }
    element.contentWindow?.location.reload();
  }

  /** Registers an iframe before it loads, so its first bridge call finds the host listening. */
  attach(element: HTMLIFrameElement, config: FrameConfig, modal?: Frame['modal']): Frame {
    element.dataset['frameId'] = `frame-${this.frames.length + 1}`;
    const frame: Frame = { element, config, subscriptions: new Set(), ...(modal ? { modal } : {}) };
    this.frames.push(frame);
    return frame;
  }

  setColorMode(colorMode: 'light' | 'dark'): void {
    this.colorMode = colorMode;
    for (const frame of this.frames) this.push(frame, { channel: CHANNEL, type: 'theme', colorMode });
  }

  /** Browser back/forward inside the app's routes. */
  popHistory(path: string | undefined): void {
    const main = this.frames.find((frame) => !frame.modal);
    if (main) this.push(main, { channel: CHANNEL, type: 'history', action: 'POP', location: parsePath(path) });
  }

  private push(frame: Frame, message: HostPush | HostMessage): void {
    frame.element.contentWindow?.postMessage(message, window.location.origin);
  }

  private onMessage(event: MessageEvent<unknown>): void {
    if (event.origin !== window.location.origin || !isChannelMessage(event.data) || event.data.type !== 'call') return;
    const frame = this.frames.find((candidate) => candidate.element.contentWindow === event.source);
    if (!frame) return;
    const call = event.data as BridgeCall;
    const handler = this.handlers[call.op];
    const run = async (): Promise<unknown> => {
      if (!handler) throw new Error(`@forge/bridge op "${call.op}" is not modelled by the Throughline sandbox`);
      return handler(frame, call.payload);
    };
    run().then(
      (value) => this.push(frame, { channel: CHANNEL, type: 'reply', id: call.id, ok: true, value }),
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        // The bridge often rewords failures ("Unable to open modal."): keep the cause visible.
        console.warn(`[sandbox] @forge/bridge ${call.op} failed: ${failure.message}`);
        this.push(frame, { channel: CHANNEL, type: 'reply', id: call.id, ok: false, error: { name: failure.name, message: failure.message } });
      },
    );
  }

  private navigationSite(frame: Frame): NavigationSite {
    const { config } = this;
    return {
      siteUrl: config.siteUrl,
      appUuid: config.appUuid,
      environmentId: config.environmentId,
      hostOrigin: window.location.origin,
      modules: config.modules,
      keep: { user: config.view.user, theme: this.colorMode, ...(config.view.lang ? { lang: config.view.lang } : {}) },
      ...(frame.config.invoke.project ? { currentProject: frame.config.invoke.project } : {}),
    };
  }

  private opHandlers(): Record<string, OpHandler> {
    return {
      getContext: (frame) => ({ ...frame.config.context, theme: { ...record(frame.config.context['theme']), colorMode: this.colorMode } }),
      enableTheming: () => ({ colorMode: this.colorMode }),
      invoke: (frame, payload) => invokeResolver(frame.config.invoke, frame.modal?.open.modal.context, payload),
      fetchProduct: (frame, payload) => fetchProduct(frame.config.invoke.user, payload),
      showFlag: (frame, payload) => {
        this.flags.show(payload as FlagMessage, frame.element.dataset['frameId'] ?? '');
        return true;
      },
      closeFlag: (_frame, payload) => this.flags.close(String(record(payload)['id'])),
      openModal: (frame, payload) => this.openModal(frame, payload as ModalMessage),
      close: (frame, payload) => this.closeModal(frame, payload),
      // In a gadget's edit view, submit saves its configuration; in a modal it closes the modal.
      submit: (frame, payload) => (frame.config.invoke.edit && !frame.modal ? this.submitGadget(frame, payload) : this.closeModal(frame, payload)),
      navigate: (frame, payload) => this.navigate(frame, payload),
      getUrl: (frame, payload) => {
        const site = this.navigationSite(frame);
        const jiraUrl = jiraUrlOf(site, payload);
        return hostUrlOfJiraUrl(site, jiraUrl) ?? jiraUrl;
      },
      reload: (frame) => {
        frame.element.contentWindow?.location.reload();
      },
      createHistory: () => parsePath(this.config.view.path),
      historyUpdate: (_frame, payload) => {
        const { action, location } = payload as { action: 'PUSH' | 'REPLACE'; location: HistoryLocation };
        const url = new URL(window.location.href);
        url.searchParams.set('path', location.pathname + location.search + location.hash);
        if (action === 'PUSH') window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
      },
      historyGo: (_frame, payload) => window.history.go(Number(record(payload)['delta'] ?? 0)),
      emit: (_frame, payload) => this.emit(payload),
      emitPublic: (_frame, payload) => this.emit(payload),
      on: (frame, payload) => {
        frame.subscriptions.add(String(record(payload)['event']));
        return true;
      },
      onPublic: (frame, payload) => {
        frame.subscriptions.add(String(record(payload)['event']));
        return true;
      },
      off: (frame, payload) => frame.subscriptions.delete(String(record(payload)['event'])),
      changeWindowTitle: (_frame, payload) => {
        document.title = `${String(payload)} - Jira (sandbox)`;
      },
      emitReadyEvent: () => undefined,
      refresh: () => false,
      open: () => false,
      getFrameId: (frame) => frame.element.dataset['frameId'],
      isRovoEnabled: () => false,
      trackObjectStoreAction: () => undefined,
      emitFrontendCustomMetric: () => undefined,
      __resize: (frame, payload) => this.resize(frame, Number(record(payload)['height'] ?? 0)),
    };
  }

  /** Every frame that listens gets the event, the sender included (it may listen to itself). */
  private emit(payload: unknown): void {
    const { event, payload: body } = record(payload);
    for (const frame of this.frames) {
      if (frame.subscriptions.has(String(event))) this.push(frame, { channel: CHANNEL, type: 'event', event: String(event), payload: body });
    }
  }

  private navigate(frame: Frame, payload: unknown): void {
    const location = record(payload);
    const site = this.navigationSite(frame);
    const jiraUrl = typeof location['url'] === 'string' ? location['url'] : jiraUrlOf(site, location);
    const target = hostUrlOfJiraUrl(site, jiraUrl);
    if (target && location['type'] === 'new-tab') window.open(target, '_blank', 'noopener');
    else if (target) window.location.assign(target);
    else {
      this.flags.show(
        { id: `navigate-${Date.now()}`, type: 'info', title: 'Navigation not modelled', description: `Jira would open ${jiraUrl}`, actions: [], isAutoDismiss: true },
        '',
      );
    }
  }

  private openModal(opener: Frame, modal: ModalMessage): boolean {
    const resourceKey = modal.resource ?? opener.config.resourceKey;
    // The bridge turns any refusal into "Unable to open modal."; the console says why.
    if (!this.config.resources.includes(resourceKey)) throw new Error(`Modal: manifest.yml declares no resource "${resourceKey}"`);
    const open = renderModal({
      root: this.roots.modals,
      modal,
      src: resourceUrl(resourceKey, this.config.pseudo),
      onDismiss: () => this.dismiss(modal.modalId),
    });
    const extension = { ...record(opener.config.context['extension']), modal: modal.context };
    this.attach(
      open.frame,
      { ...opener.config, resourceKey, autoHeight: modalDimensions(modal.size).height === 'auto', context: { ...opener.config.context, extension } },
      { open, opener },
    );
    return true;
  }

  private async submitGadget(frame: Frame, configuration: unknown): Promise<boolean> {
    if (!this.onGadgetSubmit) return false;
    const showView = await this.onGadgetSubmit(frame.config, configuration);
    // Reply first, then swap the frame: the edit view's submit() promise settles before it goes.
    setTimeout(showView, 0);
    return true;
  }

  /** close/submit from inside a modal: close it and hand the payload to the opener's onClose. */
  private closeModal(frame: Frame, payload: unknown): boolean {
    if (!frame.modal) return false; // Jira: "this resource's view is not closable"
    // Reply first, then remove: the frame's close() promise settles before its iframe goes.
    setTimeout(() => this.removeModal(frame, payload), 0);
    return true;
  }

  private removeModal(frame: Frame, payload: unknown): void {
    if (!frame.modal) return;
    frame.modal.open.element.remove();
    this.frames.splice(this.frames.indexOf(frame), 1);
    this.push(frame.modal.opener, { channel: CHANNEL, type: 'modal-closed', modalId: frame.modal.open.modal.modalId, payload });
  }

  private dismiss(modalId: string): void {
    const frame = this.frames.find((candidate) => candidate.modal?.open.modal.modalId === modalId);
    if (!frame) return;
    this.removeModal(frame, undefined);
  }

  private dismissTopModal(): void {
    const top = [...this.frames].reverse().find((frame) => frame.modal);
    if (top?.modal?.open.modal.closeOnEscape) this.dismiss(top.modal.open.modal.modalId);
  }

  private resize(frame: Frame, height: number): void {
    if (!frame.config.autoHeight || !Number.isFinite(height) || height <= 0) return;
    const limit = frame.modal ? window.innerHeight - MAX_MODAL_HEIGHT_MARGIN : Number.POSITIVE_INFINITY;
    frame.element.style.height = `${Math.min(height, limit)}px`;
  }
}
