// The "Libraries covered" section of a rule doc names every module and API of the mode's catalog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { EMITTER_LIBRARIES, HANDLER_DECORATORS, IO_EVENTS } from '../../src/modes/internal-events/catalog';
import { JOB_REGISTRIES, SCHEDULE_APIS } from '../../src/modes/scheduled-jobs/catalog';
import { ROOT } from './helpers';

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** `node-cron:schedule` → module `node-cron`, API `schedule`; `cron:CronJob.#new` → `cron`, `CronJob`. */
function parseKey(key: string): { module: string; api: string } {
  const [module = '', path = ''] = key.split(':');
  const parts = path.split('.').filter((part) => part !== '#new' && part !== '#call' && part !== 'promises');
  return { module, api: parts[parts.length - 1] ?? '' };
}

/** The table rows (lines starting with `|`) that name `module` in backticks. */
function rowsNaming(covered: string, module: string): string {
  return covered
    .split('\n')
    .filter((line) => line.startsWith('|') && line.includes(`\`${module}\``))
    .join('\n');
}

const word = (name: string) => new RegExp(`(?<![\\w-])${name}(?![\\w-])`);

describe('docs/rules/scheduled-job-tracing.md lists the catalog', () => {
  const covered = section(readFileSync(join(ROOT, 'docs', 'rules', 'scheduled-job-tracing.md'), 'utf8'), 'Libraries covered');

  it('has a "Libraries covered" section', () => {
    expect(covered).not.toBe('');
  });

  const rows = SCHEDULE_APIS.flatMap((api) => api.keys.map((key) => ({ key, ...parseKey(key) })));
  it.each(rows)('$key', ({ module, api }) => {
    if (module !== '') expect(covered).toContain(`\`${module}\``);
    expect(covered).toMatch(new RegExp(`\\b${api}\\b`));
  });

  it.each(JOB_REGISTRIES.methods)('SchedulerRegistry.%s', (method) => {
    expect(covered).toContain(`\`${JOB_REGISTRIES.module}\``);
    expect(covered).toContain(`${method}(`);
  });
});

describe('docs/rules/internal-event-tracing.md lists the catalog', () => {
  const covered = section(readFileSync(join(ROOT, 'docs', 'rules', 'internal-event-tracing.md'), 'utf8'), 'Libraries covered');

  it('has a "Libraries covered" section', () => {
    expect(covered).not.toBe('');
  });

  const instances = EMITTER_LIBRARIES.flatMap((library) => library.instances.map((key) => ({ key, ...parseKey(key) })));
  it.each(instances)('$key', ({ module, api }) => {
    const rows = rowsNaming(covered, module);
    expect(rows, `a row names \`${module}\``).not.toBe('');
    if (api !== '') expect(rows).toMatch(word(api));
  });

  // Every registering and removing method is in a row of each module that has it.
  const methods = EMITTER_LIBRARIES.flatMap((library) =>
    [...Object.keys(library.methods), ...library.removers].flatMap((method) =>
      [...new Set(library.instances.map((key) => parseKey(key).module))].map((module) => ({ module, method })),
    ),
  );
  it.each(methods)('$module $method', ({ module, method }) => {
    expect(rowsNaming(covered, module)).toMatch(word(method));
  });

  const decorators = HANDLER_DECORATORS.flatMap((decorator) =>
    decorator.keys.map((key) => ({ key, ...parseKey(key), handlerMethod: decorator.handlerMethod })),
  );
  it.each(decorators)('$key', ({ module, api, handlerMethod }) => {
    const rows = rowsNaming(covered, module);
    expect(rows).toContain(`@${api}(`);
    if (handlerMethod) expect(rows).toMatch(word(handlerMethod));
  });

  it.each([...IO_EVENTS])('I/O event %s is listed as never reported', (event) => {
    expect(covered).toContain(`\`${event}\``);
  });
});
