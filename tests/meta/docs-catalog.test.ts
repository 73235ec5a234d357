// The "Libraries covered" section of a rule doc names every module and API of the mode's catalog (for modes 1
// and 3, also the instrumentation values that cover each client and the packages that set them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { INSTRUMENTATION_PACKAGES } from '../../src/core/instrumentation';
import { EMITTER_LIBRARIES, HANDLER_DECORATORS, IO_EVENTS } from '../../src/modes/internal-events/catalog';
import { AWS_COMMANDS, BULLMQ_WORKERS, CONSUMERS, DECORATED_CONSUMERS, PRODUCERS, PULLS } from '../../src/modes/message-queues/catalog';
import { isJobQueue } from '../../src/modes/message-queues/jobs';
import { JOB_REGISTRIES, SCHEDULE_APIS } from '../../src/modes/scheduled-jobs/catalog';
import { NODE_SERVER_COVERED_BY, OUTBOUND_CLIENTS, ROUTE_METHODS } from '../../src/modes/sync-request/catalog';
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

/** Every table row of a section as cells (the header and separator rows included). */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** `'http'`, `'xhr'`… quoted in a cell. */
const quotedValues = (cell: string) => [...cell.matchAll(/`'([\w-]+)'`/g)].map((match) => match[1]!).sort();

describe('docs/rules/sync-request-propagation.md lists the catalog', () => {
  const covered = section(readFileSync(join(ROOT, 'docs', 'rules', 'sync-request-propagation.md'), 'utf8'), 'Libraries covered');
  const rows = tableRows(covered);

  it('has a "Libraries covered" section', () => {
    expect(covered).not.toBe('');
  });

  /** The client rows whose first cell names `module` (`''` is the global `fetch`). */
  const clientRows = (module: string) =>
    rows.filter((cells) => (module === '' ? /^global `fetch`/.test(cells[0]!) : cells[0]!.includes(`\`${module}\``)));

  // Every client key names its module in a row that lists its APIs and exactly the instrumentation values that cover it.
  const clients = OUTBOUND_CLIENTS.flatMap((client) =>
    client.keys.map((key) => {
      const [module = '', path = ''] = key.split(':');
      const apis = path.split('.').filter((part) => part !== '' && part !== '#new' && part !== '#call');
      return { key, module, apis, coveredBy: [...client.coveredBy].sort() };
    }),
  );
  it.each(clients)('$key', ({ module, apis, coveredBy }) => {
    const found = clientRows(module);
    expect(found.length, `a row names \`${module || 'fetch'}\``).toBeGreaterThan(0);
    const row = found.map((cells) => cells.join(' | ')).join('\n');
    for (const api of apis) expect(row).toMatch(word(api));
    const coverage = found.map((cells) => quotedValues(cells[2] ?? ''));
    expect(coverage, 'the "Covered by" cell').toContainEqual(coveredBy);
  });

  it.each([...ROUTE_METHODS, 'middleware', 'Deno.serve', 'Bun.serve', 'createServer', 'handler'])('handler %s', (name) => {
    expect(covered).toContain(`\`${name}`);
  });

  it('Node servers are covered by the values of the catalog', () => {
    const server = rows.find((cells) => cells[0]!.includes('http.createServer'));
    expect(server, 'a row for http.createServer').toBeDefined();
    expect(quotedValues(server![2]!)).toEqual([...NODE_SERVER_COVERED_BY].sort());
  });

  // Each value a client or handler can be covered by lists every package that sets it, and no other.
  const values = [...new Set([...OUTBOUND_CLIENTS.flatMap((client) => client.coveredBy), ...NODE_SERVER_COVERED_BY, 'aws-lambda'])].sort();
  it.each(values)("packages that set '%s'", (value) => {
    const row = rows.find((cells) => cells[0] === `\`'${value}'\``);
    expect(row, `a row for '${value}'`).toBeDefined();
    const listed = [...row![1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]).sort();
    const expected = Object.entries(INSTRUMENTATION_PACKAGES)
      .filter(([, provided]) => (provided as readonly string[]).includes(value))
      .map(([name]) => name)
      .sort();
    expect(listed).toEqual(expected);
  });
});

describe('docs/rules/async-message-propagation.md lists the catalog', () => {
  const covered = section(readFileSync(join(ROOT, 'docs', 'rules', 'async-message-propagation.md'), 'utf8'), 'Libraries covered');
  const rows = tableRows(covered);
  // Columns: module | produce | consume | covered by | holes | suggestion
  const COVERED = 3;
  const HOLES = 4;
  const SUGGESTION = 5;

  it('has a "Libraries covered" section', () => {
    expect(covered).not.toBe('');
  });

  /** The client rows whose first cell names `module` in backticks. */
  const rowsOf = (module: string) => rows.filter((cells) => cells[0]!.includes(`\`${module}\``));
  type CatalogRow = { readonly receivers: readonly string[]; readonly coveredBy?: readonly string[] };
  const modulesOf = (keys: readonly string[]) => [...new Set(keys.map((key) => key.split(':')[0]!))];

  // Producers, consumers and pulls: every module of their receivers has a row naming each method, with exactly the
  // instrumented values that cover it ("none" when nothing does); uncovered handler properties and pulls are holes.
  const entries = [
    ...PRODUCERS.map((row) => ({
      role: 'producer',
      row: row as CatalogRow,
      names: row.methods,
      fixed: row.fix ? row.methods : [],
      holes: [] as readonly string[],
    })),
    ...CONSUMERS.map((row) => ({
      role: 'consumer',
      row: row as CatalogRow,
      names: row.handler.properties ?? row.methods,
      // the handler property, or the registering method (`on` for `on('message')`)
      fixed: row.carrier ? (row.handler.properties?.filter((name) => !row.uncoveredProperties?.includes(name)) ?? row.methods.slice(0, 1)) : [],
      holes: row.uncoveredProperties ?? [],
    })),
    // A pull is never covered: a hole of the row's instrumentation, when it has one.
    ...PULLS.map((row) => ({ role: 'pull', row: row as CatalogRow, names: row.methods, fixed: [] as readonly string[], holes: row.methods })),
  ].flatMap((entry) => modulesOf(entry.row.receivers).map((module) => ({ ...entry, module, title: `${entry.role} ${module} ${entry.names.join('/')}` })));

  it.each(entries)('$title', ({ role, module, names, row, holes, fixed }) => {
    const found = rowsOf(module);
    expect(found.length, `a row names \`${module}\``).toBe(1);
    const cells = found[0]!;
    for (const name of names) expect(cells.join(' | ')).toMatch(word(name));
    const coverage = quotedValues(cells[COVERED]!);
    if (role !== 'pull') expect(coverage, 'the "Covered by" cell').toEqual([...(row.coveredBy ?? [])].sort());
    if (coverage.length > 0) for (const hole of holes) expect(cells[HOLES]!, 'the "Holes" cell').toMatch(word(hole));
    for (const name of fixed) expect(cells[SUGGESTION]!, 'the "Suggestion" cell').toMatch(word(name));
  });

  it.each(AWS_COMMANDS.flatMap((command) => command.keys.map((key) => ({ key, ...parseKey(key), command }))))('$key', ({ module, api, command }) => {
    const found = rowsOf(module);
    expect(found.length, `a row names \`${module}\``).toBe(1);
    const cells = found[0]!;
    expect(cells.join(' | ')).toMatch(word(api));
    expect(quotedValues(cells[COVERED]!)).toEqual(['aws-sdk']);
    if (!command.covered) expect(cells[HOLES]!, 'an uncovered command is a hole').toMatch(word(api));
    if (command.attributeCap !== undefined) expect(cells[HOLES]!).toContain(`more than ${command.attributeCap}`);
  });

  it.each(DECORATED_CONSUMERS.flatMap((decorated) => decorated.keys.map((key) => ({ key, ...parseKey(key), decorated }))))(
    '$key',
    ({ module, api, decorated }) => {
      const found = rowsOf(module);
      expect(found.length, `a row names \`${module}\``).toBe(1);
      expect(found[0]!.join(' | ')).toContain(`@${api}(`);
      if (decorated.target === 'class') expect(found[0]!.join(' | ')).toMatch(word('process'));
    },
  );

  it.each(BULLMQ_WORKERS.map((key) => ({ key, ...parseKey(key) })))('$key', ({ module, api }) => {
    expect(rowsOf(module)[0]?.join(' | ') ?? '').toContain(`new ${api}(`);
  });

  it('modules without a fixable producer or consumer say their findings have no suggestion', () => {
    const fixableModules = new Set([
      ...PRODUCERS.filter((row) => row.fix).flatMap((row) => modulesOf(row.receivers)),
      ...CONSUMERS.filter((row) => row.carrier).flatMap((row) => modulesOf(row.receivers)),
      // AWS commands and Lambda records are fixed in aws.ts (a finding's own fix), not through catalog rows
      ...modulesOf(AWS_COMMANDS.flatMap((command) => command.keys)),
      'aws-lambda',
      // job queues and NestJS transports are fixed in jobs.ts (telemetry, transport headers, payloads)
      ...modulesOf([...PRODUCERS, ...CONSUMERS].filter(isJobQueue).flatMap((row) => row.receivers)),
      ...modulesOf(DECORATED_CONSUMERS.flatMap((row) => row.keys)),
      ...modulesOf(BULLMQ_WORKERS),
    ]);
    for (const cells of rows.slice(2)) {
      const modules = [...cells[0]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
      if (cells.length < 6 || modules.some((module) => fixableModules.has(module))) continue;
      expect(cells[SUGGESTION], `${cells[0]}`).toBe('none');
    }
  });

  // Each value that covers a message client lists every package that sets it, and no other.
  const values = [...new Set([...PRODUCERS, ...CONSUMERS].flatMap((row) => row.coveredBy ?? []).concat('aws-sdk'))].sort();
  it.each(values)("packages that set '%s'", (value) => {
    const row = rows.find((cells) => cells[0] === `\`'${value}'\``);
    expect(row, `a row for '${value}'`).toBeDefined();
    const listed = [...row![1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]).sort();
    const expected = Object.entries(INSTRUMENTATION_PACKAGES)
      .filter(([, provided]) => (provided as readonly string[]).includes(value))
      .map(([name]) => name)
      .sort();
    expect(listed).toEqual(expected);
  });
});
