/**
 * Serves a Custom UI resource's directory under `/resources/<key>/` as Forge's CDN would: the
 * files as built, `index.html` with the bridge shim as the first element of <head>, every
 * response under the resource CSP.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { HttpError } from './http-util';

export const SHIM_TAG = '<script src="/__sandbox/bridge-shim.js"></script>';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Puts the shim first in <head>, so it runs before any script of the app (module or classic). */
export function injectShim(htmlText: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(htmlText);
  if (head) {
    const at = head.index + head[0].length;
    return htmlText.slice(0, at) + SHIM_TAG + htmlText.slice(at);
  }
  const root = /<html(\s[^>]*)?>/i.exec(htmlText);
  if (root) {
    const at = root.index + root[0].length;
    return `${htmlText.slice(0, at)}<head>${SHIM_TAG}</head>${htmlText.slice(at)}`;
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(htmlText);
  const at = doctype ? doctype[0].length : 0;
  return `${htmlText.slice(0, at)}<head>${SHIM_TAG}</head>${htmlText.slice(at)}`;
}

/** The file a request path names inside `dir`, refusing anything that climbs out of it. */
export function resolveResourceFile(dir: string, relativePath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    throw new HttpError(400, 'bad-path', `Malformed path ${relativePath}`);
  }
  const file = normalize(join(dir, decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) {
    throw new HttpError(403, 'outside-resource', 'Path leaves the resource directory');
  }
  return file;
}

export async function serveResourceFile(options: {
  response: ServerResponse;
  resourceKey: string;
  dir: string;
  relativePath: string;
  csp: string;
}): Promise<void> {
  const { response, resourceKey, dir, relativePath, csp } = options;
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    throw new HttpError(404, 'resource-not-built', `Resource "${resourceKey}" has no directory ${dir}: run npm run build`);
  }
  const file = resolveResourceFile(dir, relativePath);
  const fileStat = await stat(file).catch(() => undefined);
  if (!fileStat?.isFile()) throw new HttpError(404, 'not-found', `No ${relativePath || 'index.html'} in resource "${resourceKey}"`);
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const isHtml = type.startsWith('text/html');
  const body = isHtml ? Buffer.from(injectShim(await readFile(file, 'utf8'))) : await readFile(file);
  response.writeHead(200, {
    'content-type': type,
    'content-length': String(body.length),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}
