/**
 * Avatars from other origins, as on a real site. Jira answers avatar URLs on Atlassian's avatar
 * CDN and on Gravatar, and Forge's CSP decides whether a Custom UI frame may load them. This
 * machine reaches neither host, so the host stands in for each: a real host `H` answers at
 * `http://H.localhost:<port>` (browsers resolve every `*.localhost` name to this machine, and each
 * name is an origin of its own, apart from the app frame's `127.0.0.1`). The simulator keeps
 * answering the real URLs; only what the host hands the browser is mapped, like a DNS override,
 * and the frame's CSP is mapped the same way, so a host the CSP does not allow stays blocked.
 */
import type { ServerResponse } from 'node:http';
import { ATLASSIAN_AVATAR_ORIGIN, GRAVATAR_ORIGIN } from '../jira/routes/shapes/common';

/**
 * The image sources Forge's CSP allows every Custom UI resource in production before the manifest
 * adds any (`img-src` of @forge/csp 6.3.2, `CSPInjectionService.getInjectableCSP`: the product
 * site, `EXTERNAL_ALLOW_LISTED_IMAGES_HOSTS` and `getAtlassianImageHost('prod')`). Atlassian's
 * avatar host and Gravatar are in it, so avatars need no `permissions.external.images`; declaring
 * them would be egress that costs the app its Runs on Atlassian eligibility
 * (https://developer.atlassian.com/platform/forge/runs-on-atlassian/).
 */
export const FORGE_PLATFORM_IMAGE_SOURCES = [
  'https://secure.gravatar.com',
  'https://images.unsplash.com',
  ATLASSIAN_AVATAR_ORIGIN,
  // Gravatar sends a missing avatar's `d` fallback through its image proxy, i0.wp.com/<host>/<path>.
  `https://*.wp.com/${new URL(ATLASSIAN_AVATAR_ORIGIN).host}/`,
  'https://api.atlassian.com',
  'https://api.media.atlassian.com',
  'https://pf-emoji-service.prod-east.frontend.public.atl-paas.net',
  'https://pf-reactions-service.prod-east.frontend.public.atl-paas.net',
  'https://assets-media.atlassian.com',
  'https://teams-directory-frontend.prod-east.frontend.public.atl-paas.net/assets/',
  'https://teams-directory-frontend.prod-east.frontend.public.atl-paas.net/assets/gradients/',
  'https://tdp-os.services.atlassian.com/fos-eap/download/',
  'https://tdp-os.services.atlassian.com/fos/app/download/',
  'https://tdp-os.services.atlassian.com/fos/cdn/download/',
  'https://object-store.atlassian.com/os/ecosystem/installation/',
] as const;

const STAND_IN_SUFFIX = '.localhost';

/** `https://H[:p]/path` or `H/path` (CSP source, `*.` allowed) → the stand-in on this host's port. */
export function standInSource(source: string, port: number): string {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:]+)(?::\d+)?(\/.*)?$/i.exec(source);
  if (!match || source.startsWith("'") || /^[a-z]+:$/i.test(source)) return source; // 'self', data:, blob:
  return `http://${match[1]}${STAND_IN_SUFFIX}:${port}${match[2] ?? ''}`;
}

const MAPPED_ORIGINS = [ATLASSIAN_AVATAR_ORIGIN, GRAVATAR_ORIGIN];

/**
 * Maps the avatar hosts in a Jira answer (plain, and URL-encoded as in Gravatar's `d` fallback)
 * to their stand-ins. Only what the browser will load is mapped; the simulator stays real.
 */
export function mapAvatarHosts(body: string, port: number): string {
  let mapped = body;
  for (const origin of MAPPED_ORIGINS) {
    const standIn = standInSource(origin, port);
    mapped = mapped.replaceAll(origin, standIn).replaceAll(encodeURIComponent(origin), encodeURIComponent(standIn));
  }
  return mapped;
}

type StandIn = 'atlassian-avatars' | 'gravatar' | 'wp-proxy';

/** Which real host a request's `Host` header stands in for, if any. */
export function standInFor(hostHeader: string | undefined): { kind: StandIn; host: string } | undefined {
  const name = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!name.endsWith(STAND_IN_SUFFIX)) return undefined;
  const host = name.slice(0, -STAND_IN_SUFFIX.length);
  if (host === new URL(ATLASSIAN_AVATAR_ORIGIN).host) return { kind: 'atlassian-avatars', host };
  if (host === new URL(GRAVATAR_ORIGIN).host) return { kind: 'gravatar', host };
  if (/^i\d\.wp\.com$/.test(host)) return { kind: 'wp-proxy', host };
  return { kind: 'atlassian-avatars', host: '' }; // any other stand-in name: nothing there
}

const COLOURS = ['#0055CC', '#206A83', '#216E4E', '#5E4DB2', '#AE2E24', '#A54800'];

function initialsImage(response: ServerResponse, label: string, colour: number): void {
  const text = label.replace(/[^A-Z0-9]/gi, '').slice(0, 2).toUpperCase();
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" fill="${COLOURS[(colour - 1 + COLOURS.length) % COLOURS.length]}"/><text x="24" y="31" font-family="sans-serif" font-size="20" font-weight="600" fill="#fff" text-anchor="middle">${text}</text></svg>`;
  // Cross-origin images need no CORS header; the CSP of the page that embeds them decides.
  response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('No avatar here');
}

/**
 * Answers a request made to a stand-in: the CDN's initials images (`/initials/MK-5.png`), Gravatar
 * (no picture for any hash here, so it redirects to its proxy of the `d` fallback, as Gravatar does
 * for an unknown address), and the proxy (`i0.wp.com/<avatar host>/initials/…`).
 */
export function serveStandIn(standIn: { kind: StandIn; host: string }, url: URL, response: ServerResponse, port: number): void {
  const initials = (path: string): RegExpExecArray | null => /^\/initials\/([A-Za-z0-9]{1,2})-(\d)\.png$/.exec(path);
  if (standIn.kind === 'atlassian-avatars' && standIn.host) {
    const match = initials(url.pathname);
    return match ? initialsImage(response, match[1] ?? '', Number(match[2])) : notFound(response);
  }
  if (standIn.kind === 'gravatar') {
    const fallback = url.searchParams.get('d');
    if (!/^\/avatar\/[0-9a-f]{32}$/.test(url.pathname) || !fallback) return notFound(response);
    const target = new URL(fallback);
    const realHost = target.hostname.endsWith(STAND_IN_SUFFIX) ? target.hostname.slice(0, -STAND_IN_SUFFIX.length) : target.hostname;
    response.writeHead(302, { location: `${standInSource('https://i0.wp.com', port)}/${realHost}${target.pathname}?ssl=1`, 'cache-control': 'no-store' });
    response.end();
    return;
  }
  if (standIn.kind === 'wp-proxy') {
    const avatarHost = new URL(ATLASSIAN_AVATAR_ORIGIN).host;
    const match = url.pathname.startsWith(`/${avatarHost}/`) ? initials(url.pathname.slice(avatarHost.length + 1)) : null;
    return match ? initialsImage(response, match[1] ?? '', Number(match[2])) : notFound(response);
  }
  notFound(response);
}
