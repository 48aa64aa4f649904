/** The KVS on disk for `npm start`: one JSON file, replaced atomically so a crash never leaves half a file. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRecord } from './body';
import type { KvsSnapshot } from './store';

export function readSnapshot(file: string): KvsSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Sandbox storage file ${file} is not valid JSON; delete it to start empty`, { cause: error });
  }
  if (!isSnapshot(parsed)) throw new Error(`Sandbox storage file ${file} is not a KVS snapshot (version 1); delete it to start empty`);
  return parsed;
}

export function writeSnapshot(file: string, snapshot: KvsSnapshot): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  // rename() replaces the target in one step on the same file system.
  renameSync(temporary, file);
}

function isSnapshot(value: unknown): value is KvsSnapshot {
  return (
    isRecord(value) &&
    value.version === 1 &&
    isRecord(value.kv) &&
    isRecord(value.secrets) &&
    isRecord(value.entities) &&
    Object.values(value.entities).every(isRecord)
  );
}
