// The "Libraries covered" section of a rule doc names every module and API of the mode's catalog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

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
  const parts = path.split('.').filter((part) => part !== '#new' && part !== 'promises');
  return { module, api: parts[parts.length - 1] ?? '' };
}

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
