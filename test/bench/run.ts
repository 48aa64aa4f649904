/**
 * `npm run bench`: runs every `*.bench.ts` in this folder in its own Node process (each installs the
 * Forge sandbox's globals) with tsx, and prints what they measured as one table. Exits non-zero
 * when a benchmark fails or misses its target.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchMarker } from './report';
import type { BenchRow } from './report';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts') && (!filter || name.includes(filter)))
  .sort();

const rows: BenchRow[] = [];
let failed = false;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith(benchMarker)) rows.push(JSON.parse(line.slice(benchMarker.length)) as BenchRow);
    else if (line.trim() !== '') console.log(`  ${file}: ${line}`);
  }
  if (run.status !== 0) {
    failed = true;
    console.error(`${file} failed (exit ${run.status}):\n${run.stderr}`);
  }
}

printTable(rows);
if (rows.some((row) => row.target && !row.target.met)) failed = true;
process.exit(failed ? 1 : 0);

function printTable(table: BenchRow[]): void {
  const figureNames = [...new Set(table.flatMap((row) => Object.keys(row.figures)))];
  const header = ['bench', 'scenario', ...figureNames, 'target'];
  const lines = table.map((row) => [
    row.bench,
    row.scenario,
    ...figureNames.map((name) => String(row.figures[name] ?? '')),
    row.target ? `${row.target.met ? 'met' : 'MISSED'}: ${row.target.text}` : '',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines) console.log(format(line));
}
