// Builds every Custom UI resource (a folder of static/ with an index.html) into <folder>/build,
// the path manifest.yml's resources point at. Forge serves the files as they are, so: relative
// asset URLs (base './') and no inline scripts (Forge's CSP allows only 'self').
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const staticDir = resolve(import.meta.dirname, '..', 'static');
const only = process.argv.slice(2);
const resources = readdirSync(staticDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && existsSync(join(staticDir, entry.name, 'index.html')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name));

/**
 * The small resources (a panel in Jira's issue view, the portfolio, the settings page, the dashboard gadgets) run on Preact's React-compatible core
 * (about 4 KB instead of react-dom's 40 KB, gzipped). Their source is plain React; jsdom tests run
 * it on React, and the browser tests run this build.
 */
const preactResources = new Set(['epic-panel', 'admin', 'portfolio', 'gadget']);
const preactAliases = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

for (const name of resources) {
  const root = join(staticDir, name);
  await build({
    root,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    ...(preactResources.has(name) ? { resolve: { alias: preactAliases } } : {}),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: join(root, 'build'),
      emptyOutDir: true,
      sourcemap: false,
      // One module script, no inline preload helper: Forge's CSP forbids inline scripts.
      modulePreload: false,
      chunkSizeWarningLimit: 1500,
    },
  });
  console.log(`built static/${name}/build`);
}
