/**
 * The Content-Security-Policy a Custom UI resource runs under. Forge serves resources with
 * `script-src 'self'` and `style-src 'self'` and widens them only for what the manifest's
 * `permissions.content` and `permissions.external` declare, so an app that needs inline styles
 * (Emotion, Compiled) or an external image must say so. Serving the same policy here makes a
 * missing permission fail in the sandbox instead of after `forge deploy`.
 */
import { FORGE_PLATFORM_IMAGE_SOURCES, standInSource } from './avatar-hosts';
import type { HostManifest } from './manifest';

function quoteKeyword(value: string): string {
  // The manifest writes keywords bare or quoted (`unsafe-inline` or `'unsafe-inline'`).
  const bare = value.replace(/^'(.*)'$/, '$1');
  return ['unsafe-inline', 'unsafe-eval', 'unsafe-hashes', 'wasm-unsafe-eval'].includes(bare) ? `'${bare}'` : bare;
}

export interface ResourceCspOptions {
  /** The product site (Forge allows images from it). */
  siteUrl?: string;
  /** Map image hosts to the host's stand-ins on this port (avatar-hosts.ts); real hosts when absent. */
  standInPort?: number;
}

/**
 * Images: what Forge allows every resource (the site, Atlassian's image hosts, Gravatar) plus the
 * manifest's `permissions.external.images`, and nothing else.
 */
function imageSources(manifest: HostManifest, options: ResourceCspOptions): string[] {
  const sources = [...(options.siteUrl ? [options.siteUrl] : []), ...FORGE_PLATFORM_IMAGE_SOURCES, ...manifest.external.images];
  const port = options.standInPort;
  return port === undefined ? sources : sources.map((source) => standInSource(source, port));
}

export function resourceCsp(manifest: HostManifest, options: ResourceCspOptions = {}): string {
  const { content, external } = manifest;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...content.scripts.map(quoteKeyword), ...external.scripts]],
    ['style-src', ["'self'", ...content.styles.map(quoteKeyword), ...external.styles]],
    ['img-src', ["'self'", 'data:', 'blob:', ...imageSources(manifest, options)]],
    ['font-src', ["'self'", 'data:', ...external.fonts]],
    ['connect-src', ["'self'", ...external.fetchClient]],
    ['frame-ancestors', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}

/** The host page is ours: strict too, so our own page proves it needs no inline script. */
export const HOST_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');
