/** The host's request dispatcher: the host page, its assets, app resources and the sandbox API. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveStandIn, standInFor } from './avatar-hosts';
import { browserAssets } from './browser-assets';
import { HOST_PAGE_CSP, resourceCsp } from './csp';
import { appIdentity } from './host-context';
import type { HostContext } from './host-context';
import { renderHostPage } from './host-page-html';
import { HttpError, sendError } from './http-util';
import { dashboardOf } from './dashboard';
import { serveResourceFile } from './resource-files';
import { LOCALES_FOLDER, serveLocaleFile } from './locale-files';
import { sandboxApiRoute } from './sandbox-api';
import { resolveViewState } from './view-state';
import { localizedManifest } from './manifest';
import { pseudoManifest } from './pseudo-locale';
import { PSEUDO_PREFIX } from './browser/host-config';

function send(response: ServerResponse, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  response.end(body);
}

async function serveAsset(response: ServerResponse, pathname: string): Promise<boolean> {
  const assets = await browserAssets();
  const script = /^\/__sandbox\/([\w-]+\.js)$/.exec(pathname)?.[1];
  if (script && assets.scripts[script] !== undefined) {
    send(response, 'text/javascript; charset=utf-8', assets.scripts[script]);
    return true;
  }
  const theme = /^\/__sandbox\/tokens\/([\w-]+)\.css$/.exec(pathname)?.[1];
  if (theme && assets.tokenCss[theme] !== undefined) {
    send(response, 'text/css; charset=utf-8', assets.tokenCss[theme]);
    return true;
  }
  if (pathname === '/__sandbox/host.css') {
    send(response, 'text/css; charset=utf-8', assets.hostCss);
    return true;
  }
  return false;
}

async function serveResource(context: HostContext, response: ServerResponse, pathname: string, port: number): Promise<void> {
  // The pseudo-localised build: the same files, its `__LOCALES__/en-US.json` rewritten (pseudo-locale.ts).
  const pseudo = pathname.startsWith(`${PSEUDO_PREFIX}/`);
  if (pseudo) pathname = pathname.slice(PSEUDO_PREFIX.length);
  const match = /^\/resources\/([^/]+)(\/.*)?$/.exec(pathname);
  const key = decodeURIComponent(match?.[1] ?? '');
  const dir = context.manifest.resources[key];
  if (!match || !dir) throw new HttpError(404, 'unknown-resource', `manifest.yml declares no resource "${key}"`);
  if (match[2] === undefined) {
    // Relative asset URLs (Vite's base './') resolve against the directory, so it needs its slash.
    response.writeHead(308, { location: `${pseudo ? PSEUDO_PREFIX : ''}/resources/${match[1]}/` });
    response.end();
    return;
  }
  const csp = resourceCsp(context.manifest, { siteUrl: context.world.jira.site.baseUrl, standInPort: port });
  if (match[2].startsWith(`/${LOCALES_FOLDER}/`)) {
    serveLocaleFile(pseudo ? pseudoManifest(context.manifest) : context.manifest, response, match[2].slice(LOCALES_FOLDER.length + 2), csp);
    return;
  }
  await serveResourceFile({ response, resourceKey: key, dir, relativePath: match[2].slice(1), csp });
}

export async function handleRequest(context: HostContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    const method = request.method ?? 'GET';
    // Avatar hosts' stand-ins share the port but are other origins, with nothing else behind them.
    const standIn = standInFor(request.headers.host);
    if (standIn) return serveStandIn(standIn, url, response, request.socket.localPort ?? 0);
    const api = sandboxApiRoute(method, url.pathname);
    if (api) return await api(context, request, response, url);
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method-not-allowed', `${method} ${url.pathname} is not served`);
    if (url.pathname === '/') {
      const site = context.world.jira.site;
      const state = resolveViewState(site, context.manifest, url.searchParams);
      const dashboard = state.moduleType === 'jira:dashboardGadget' ? { dashboard: dashboardOf(context) } : {};
      const manifest = state.pseudo ? pseudoManifest(context.manifest) : context.manifest;
      const page = renderHostPage({ site, manifest: localizedManifest(manifest, state.locale), identity: appIdentity(context), state, dataSet: context.world.data, ...dashboard });
      send(response, 'text/html; charset=utf-8', page, { 'content-security-policy': HOST_PAGE_CSP });
      return;
    }
    if (url.pathname.startsWith('/resources/') || url.pathname.startsWith(`${PSEUDO_PREFIX}/resources/`)) return await serveResource(context, response, url.pathname, request.socket.localPort ?? 0);
    if (await serveAsset(response, url.pathname)) return;
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    throw new HttpError(404, 'not-found', `Nothing at ${url.pathname}`);
  } catch (error) {
    if (response.headersSent) {
      response.destroy(error instanceof Error ? error : undefined);
      return;
    }
    sendError(response, error);
  }
}
