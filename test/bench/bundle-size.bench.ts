/**
 * Gzipped JavaScript of each built Custom UI resource (run `npm run build` first): the entry script
 * a page loads with the chunks it imports statically (bundle-entry.ts), and all of its JS including
 * chunks loaded on demand (later tabs, themes, the bridge's resizer).
 * Targets (issue 4): the Product page ≤ 300 KB, the epic panel ≤ 80 KB (issue 14: the gadgets too).
 *
 * `npx tsx test/bench/bundle-size.bench.ts`
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { entryFiles, gzipKb } from './bundle-entry';
import { report } from './report';

// The dashboard gadgets (issue 14): one resource for all three, ≤ 80 KB like the epic panel.
const targetsKb: Record<string, number> = { product: 300, 'epic-panel': 80, gadget: 80 };
const staticDir = join(process.cwd(), 'static');

for (const resource of readdirSync(staticDir).sort()) {
  const assets = join(staticDir, resource, 'build', 'assets');
  if (!existsSync(assets)) continue;
  const js = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const entryKb = gzipKb(assets, entryFiles(assets));
  const target = targetsKb[resource];
  report({
    bench: 'bundle-size',
    scenario: resource,
    figures: { 'entry KB': Math.round(entryKb * 10) / 10, 'all JS KB': Math.round(gzipKb(assets, js) * 10) / 10 },
    ...(target ? { target: { text: `entry ≤ ${target} KB gzipped`, met: entryKb <= target } } : {}),
  });
}
