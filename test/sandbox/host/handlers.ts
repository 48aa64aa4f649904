/**
 * Finds the function behind a manifest `handler` the way Forge does: `index.resolver` is the
 * export `resolver` of `src/index`, `resolvers/admin.run` the export `run` of `src/resolvers/admin`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A Forge function as the runtime calls it: (event, context) → result. */
export type ForgeHandler = (event: never, context: never) => unknown;

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs'];

export function splitHandlerRef(ref: string): { modulePath: string; exportName: string } {
  const dot = ref.lastIndexOf('.');
  if (dot <= 0 || dot === ref.length - 1) throw new Error(`Handler "${ref}" is not "<file>.<export>"`);
  return { modulePath: ref.slice(0, dot), exportName: ref.slice(dot + 1) };
}

export async function loadHandler(sourceDir: string, ref: string): Promise<ForgeHandler> {
  const { modulePath, exportName } = splitHandlerRef(ref);
  const file = SOURCE_EXTENSIONS.map((ext) => join(sourceDir, modulePath + ext)).find((path) => existsSync(path));
  if (!file) throw new Error(`Handler "${ref}": no ${modulePath}{${SOURCE_EXTENSIONS.join(',')}} in ${sourceDir}`);
  const loaded: Record<string, unknown> = await import(pathToFileURL(file).href);
  const handler = loaded[exportName];
  if (typeof handler !== 'function') throw new Error(`Handler "${ref}": ${file} exports no function "${exportName}"`);
  return handler as ForgeHandler;
}
