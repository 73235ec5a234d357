/**
 * What workers tell the CLI. jscodeshift workers cannot return data, so each one appends JSON
 * lines to a file whose path the CLI passes as the `reportFile` option.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

import type { ManualFinding } from './engine';

export type RunRecord =
  | { type: 'changed'; file: string; importsWrapper: boolean }
  | ({ type: 'manual'; file: string } & ManualFinding)
  | { type: 'failed'; file: string; reason: string };

/** One `appendFileSync` call per line, so lines from concurrent workers never interleave. */
export function appendRecords(reportFile: string, records: readonly RunRecord[]): void {
  if (records.length === 0) return;
  appendFileSync(reportFile, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
}

export function readRecords(reportFile: string): RunRecord[] {
  if (!existsSync(reportFile)) return [];
  return readFileSync(reportFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RunRecord);
}
