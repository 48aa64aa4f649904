/**
 * What a page loads before its first render: the built entry script (`index-*.js`) and every chunk
 * it imports statically, transitively. Chunks behind a dynamic `import()` (later tabs, themes, the
 * bridge's resizer) are not in it. Counting only `index-*.js` would reward a bundler that moves
 * shared code into a chunk the entry imports anyway.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static imports in minified ES module output: `import{a}from"./x.js"`, `import"./x.js"` (never `import("./x.js")`). */
const staticImport = /(?:\bfrom\s*|\bimport\s*)["']\.\/([^"'/]+\.js)["']/g;

/** The file names of a resource's entry and its static import closure, under `assets`. */
export function entryFiles(assets: string): string[] {
  const entries = readdirSync(assets).filter((name) => name.startsWith('index-') && name.endsWith('.js'));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name) || !existsSync(join(assets, name))) continue;
    seen.add(name);
    for (const match of readFileSync(join(assets, name), 'utf8').matchAll(staticImport)) queue.push(match[1]!);
  }
  return [...seen].sort();
}

/** Gzipped KB of `names` under `assets`, each file gzipped on its own (as a CDN serves them). */
export function gzipKb(assets: string, names: readonly string[]): number {
  return names.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0) / 1024;
}
