/**
 * What the server tells the host page's script about the view it rendered: read from the
 * `data-host` attribute of <body>, because the page's CSP forbids inline scripts.
 */
import type { HostView } from './navigation';

export interface InvokeTarget {
  user: string;
  module: string;
  /** The language the host shows: resolvers get it as `context.locale`. */
  locale?: string;
  project?: string;
  issue?: string;
  /** A dashboard gadget's id; `edit`: the call comes from its edit view. */
  gadget?: string;
  edit?: true;
}

export interface FrameConfig {
  resourceKey: string;
  moduleType: string;
  /** What view.getContext() resolves to, theme aside (the page keeps that live). */
  context: Record<string, unknown>;
  invoke: InvokeTarget;
  /** Size the iframe to its content (panels), rather than filling the page. */
  autoHeight: boolean;
}

export interface HostConfig {
  siteUrl: string;
  appUuid: string;
  environmentId: string;
  modules: Record<string, { type: string; slug: string; resourceKey: string }>;
  /** Every resource key of the manifest (a modal may open one no module uses). */
  resources: string[];
  view: HostView & { module: string; user: string; theme: 'light' | 'dark' };
  frame?: FrameConfig;
  /** The Dashboard view: each gadget's frame, and its edit view's when the module has one. */
  gadgets?: GadgetFrames[];
  /** The pseudo-locale: every frame loads its resource from the pseudo-localised build (resourceUrl). */
  pseudo?: true;
}

export interface GadgetFrames {
  id: string;
  title: string;
  /** Minutes between automatic refreshes: the `refresh` its edit view submitted. */
  refresh?: number;
  view: FrameConfig;
  edit?: FrameConfig;
}

export const HOST_CONFIG_ATTRIBUTE = 'data-host';

export function readHostConfig(doc: Document = document): HostConfig {
  const raw = doc.body.getAttribute(HOST_CONFIG_ATTRIBUTE);
  if (!raw) throw new Error('The host page has no data-host configuration');
  return JSON.parse(raw) as HostConfig;
}

/**
 * Where a frame loads `resourceKey` from. The pseudo-locale's frames load it under `/pseudo/`: the
 * bridge fetches `__LOCALES__/` relative to the page, so only the path can tell the host which
 * build's texts to serve (as each Forge deployment has its own resource URL).
 */
export function resourceUrl(resourceKey: string, pseudo?: boolean): string {
  return `${pseudo ? PSEUDO_PREFIX : ''}/resources/${encodeURIComponent(resourceKey)}/`;
}

/** The path prefix of the pseudo-localised build's resources. */
export const PSEUDO_PREFIX = '/pseudo';
