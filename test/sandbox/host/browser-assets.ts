/**
 * The browser side of the host, built in memory at start: the bridge shim and the host page's
 * script are TypeScript (checked with the rest of the repo), bundled by esbuild into one classic
 * script each; the design-token stylesheets come straight from @atlaskit/tokens.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN_THEMES } from './browser/frame-theme';

const HOST_DIR = dirname(fileURLToPath(import.meta.url));

/** URL name → entry file. */
const SCRIPTS: Record<string, string> = {
  'bridge-shim.js': 'browser/bridge-shim.ts',
  'host-page.js': 'browser/host-page.ts',
};

export interface BrowserAssets {
  scripts: Record<string, string>;
  /** Theme name (e.g. `atlassian-dark`) → CSS text. */
  tokenCss: Record<string, string>;
  hostCss: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(HOST_DIR, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

function tokenCss(theme: string): string {
  // The CJS artifact exports the stylesheet as its default string (tokens 20.x layout).
  const require = createRequire(import.meta.url);
  const loaded: unknown = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`);
  const css = (loaded as { default?: unknown }).default;
  if (typeof css !== 'string') throw new Error(`@atlaskit/tokens: no CSS string for theme ${theme}`);
  return css;
}

let cached: Promise<BrowserAssets> | undefined;

export function browserAssets(): Promise<BrowserAssets> {
  cached ??= (async () => {
    const names = Object.keys(SCRIPTS);
    const bundles = await Promise.all(names.map((name) => bundle(SCRIPTS[name] ?? '')));
    return {
      scripts: Object.fromEntries(names.map((name, index) => [name, bundles[index] ?? ''])),
      tokenCss: Object.fromEntries(TOKEN_THEMES.map((theme) => [theme, tokenCss(theme)])),
      hostCss: await readFile(join(HOST_DIR, 'public', 'host.css'), 'utf8'),
    };
  })();
  cached.catch(() => {
    cached = undefined; // a syntax error fixed while the server runs should not need a restart
  });
  return cached;
}
