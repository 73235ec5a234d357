#!/usr/bin/env node
/**
 * trace-context-codemod: applies the trace-context rules' suggestions to a code base through
 * jscodeshift's runner (see `usage()`), and `eject-wrappers`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_WRAPPER_MODULE, resolveSettings, SettingsError, type TraceContextSettings } from '../src/settings';
import { findMissingDependency, type MissingDependency } from './lib/cli/dependencies';
import { DEFAULT_IGNORE_PATTERNS, selectFiles } from './lib/cli/files';
import { checkGitClean } from './lib/cli/git';
import { ConfigLoadError, readProjectSettings } from './lib/cli/project-settings';
import { runTransform, type RunnerStats } from './lib/cli/runner';
import { SUPPORTED_EXTENSIONS } from './lib/extensions';
import { plugin, PLUGIN_PACKAGE_NAME, RULE_NAMES } from './lib/plugin';
import { readRecords, type RunRecord } from './lib/records';

const BIN = 'trace-context-codemod';
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function usage(): string {
  const described = RULE_NAMES.map((name) => {
    const description = (plugin.rules[name]?.meta?.docs?.description ?? '').trim();
    return `  ${name.padEnd(26)}${description}`;
  });
  return [
    `Usage: ${BIN} <rule|all> <paths...> [options]`,
    `       ${BIN} eject-wrappers <dir> [--force]`,
    '',
    'Applies the suggestions of the eslint-plugin-trace-context rules to every file under <paths>:',
    'the same edits as the quick fixes in the editor, nothing else in the files changes.',
    '',
    'Transforms:',
    `  ${'all'.padEnd(26)}every rule below`,
    ...described,
    '',
    'Options:',
    '  --dry                     report what would change, write nothing',
    '  --print                   print the new text of every changed file',
    '  --force                   write even when tracked files under <paths> have uncommitted changes',
    `  --extensions <list>       file extensions to process (default: ${SUPPORTED_EXTENSIONS.join(',')})`,
    '  --ignore-pattern <glob>   skip matching files (repeatable); node_modules, dist and .d.ts files',
    '                            are always skipped, and so is what the ESLint config ignores',
    "  --wrapper-module <m>      where fixes import the wrappers from (overrides settings['trace-context'])",
    "  --instrumented <list>     'detect' or a comma list of instrumented libraries (overrides settings)",
    '  -h, --help                show this help',
    '',
    "Settings come from settings['trace-context'] in the project's ESLint config (defaults without one).",
    '',
    `eject-wrappers <dir>        writes a copy of the runtime wrappers into <dir> for your repository to own,`,
    "                            and prints the wrapperModule setting that points at it",
    '  --force                   overwrite existing files',
    '',
    'Exit status: 0 done, 1 some file failed or the run was refused, 2 usage or settings error.',
  ].join('\n');
}

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

const display = (file: string): string => relative(process.cwd(), file) || file;

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dry: { type: 'boolean', default: false },
        print: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        extensions: { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true, default: [] },
        'wrapper-module': { type: 'string' },
        instrumented: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Values = ReturnType<typeof parseCommandLine>['values'];

function parseExtensions(value: string | undefined): string[] {
  if (value === undefined) return [...SUPPORTED_EXTENSIONS];
  const list = value
    .split(',')
    .map((ext) => ext.trim().replace(/^\./, ''))
    .filter((ext) => ext !== '');
  const unsupported = list.filter((ext) => !(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext));
  if (list.length === 0 || unsupported.length > 0) {
    throw new UsageError(
      `--extensions: ${unsupported.length > 0 ? `unsupported ${unsupported.join(', ')}` : 'empty list'}; supported: ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  return list;
}

/** Flags on top of the project's settings, validated. */
function flagSettings(values: Values): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  if (values['wrapper-module'] !== undefined) flags.wrapperModule = values['wrapper-module'];
  if (values.instrumented !== undefined) {
    flags.instrumented =
      values.instrumented === 'detect'
        ? 'detect'
        : values.instrumented
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== '');
  }
  return flags;
}

/** Settings errors name where the bad value came from. */
function withSource(error: unknown, source: string): unknown {
  if (!(error instanceof SettingsError)) return error;
  return new SettingsError(`${error.message.replace(/^Invalid settings\['trace-context'\]: /, '')} (from ${source})`);
}

function effectiveSettings(raw: unknown, flags: Record<string, unknown>, source: string): TraceContextSettings {
  try {
    // A malformed value is reported as such, before any flag is merged in.
    if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) return resolveSettings(raw);
    return resolveSettings({ ...(raw as Record<string, unknown> | undefined), ...flags });
  } catch (error) {
    throw withSource(error, source);
  }
}

interface Group {
  settings: TraceContextSettings;
  ruleOptions: Record<string, unknown[]>;
  /** Files as the runner names them. */
  files: string[];
}

function explainMissingDependency(missing: MissingDependency[], wrapperModule: string, dry: boolean): string {
  const lines = [
    `${dry ? 'Note' : 'Nothing was written'}: the fixes import '${wrapperModule}', but ${PLUGIN_PACKAGE_NAME} is not in the`,
    '"dependencies" of the package that would import it. A devDependency is removed by `npm ci --omit=dev`,',
    'and the fixed code would then fail to load in production:',
  ];
  for (const { manifest, files } of missing) {
    const where = manifest ? display(manifest) : '(no package.json found)';
    lines.push(`  ${where}: ${files.length} file${files.length === 1 ? '' : 's'} (${files.slice(0, 3).map(display).join(', ')}${files.length > 3 ? ', …' : ''})`);
  }
  lines.push(
    'Choose one, then run the codemod again:',
    `  1. make the plugin a production dependency of that package: npm install --save-prod ${PLUGIN_PACKAGE_NAME}`,
    `  2. own a copy of the wrappers: ${BIN} eject-wrappers <dir>, then set settings['trace-context'].wrapperModule`,
    `     to the module it prints (or pass --wrapper-module <module>)`,
  );
  if (dry) lines.push('A run without --dry stops here.');
  return lines.join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

async function runCodemod(transformName: string, paths: string[], values: Values): Promise<number> {
  const extensions = parseExtensions(values.extensions);
  const ignorePatterns = [...DEFAULT_IGNORE_PATTERNS, ...(values['ignore-pattern'] ?? [])];
  const dry = values.dry === true;
  const transformFile = join(__dirname, `${transformName}.js`);

  const flags = flagSettings(values);
  try {
    resolveSettings(flags);
  } catch (error) {
    throw withSource(error, 'the command line');
  }

  const selection = selectFiles(paths, extensions, ignorePatterns);
  if (selection.missing.length > 0) {
    throw new UsageError(`No such file or directory: ${selection.missing.join(', ')}`);
  }

  if (!dry && !values.force) {
    const git = checkGitClean(paths);
    if (git.dirty.length > 0) {
      io.err(
        [
          `Refusing to write: tracked files under ${paths.join(', ')} have uncommitted changes:`,
          ...git.dirty.slice(0, 20).map((line) => `  ${line}`),
          ...(git.dirty.length > 20 ? [`  … and ${git.dirty.length - 20} more`] : []),
          'Commit or stash them first, so the codemod\'s edits can be reviewed and reverted on their own;',
          'or pass --dry to only see what would change, or --force to write anyway.',
        ].join('\n'),
      );
      return EXIT_FAILED;
    }
    if (git.unchecked.length > 0) io.err(`Note: git is not available; not checking ${git.unchecked.join(', ')} for uncommitted changes.`);
  }

  const absoluteOf = new Map(selection.files.map((file) => [resolve(file), file]));
  const project = await readProjectSettings([...absoluteOf.keys()]);
  if (project.unconfiguredDirs.length > 0) {
    io.out(
      `No ESLint config (eslint.config.*) found above ${display(project.unconfiguredDirs[0])}` +
        `${project.unconfiguredDirs.length > 1 ? ` and ${project.unconfiguredDirs.length - 1} more folders` : ''}: ` +
        "using the default settings['trace-context'] there.",
    );
  }

  // One runner run per distinct settings (usually one).
  const groups = new Map<string, Group>();
  for (const entry of project.files) {
    const settings = effectiveSettings(entry.raw, flags, entry.configFile ? display(entry.configFile) : 'the defaults');
    const ruleOptions = entry.ruleOptions ?? {};
    const key = JSON.stringify([settings, ruleOptions]);
    const group = groups.get(key) ?? { settings, ruleOptions, files: [] };
    group.files.push(absoluteOf.get(entry.file) as string);
    groups.set(key, group);
  }

  const total = project.files.length;
  io.out(
    `${BIN} ${transformName}: ${plural(total, 'file')}${dry ? ' (dry run: nothing is written)' : ''}` +
      `${project.ignored.length > 0 ? `; ${project.ignored.length} ignored by the ESLint config` : ''}`,
  );

  const workDir = mkdtempSync(join(tmpdir(), 'trace-context-codemod-'));
  try {
    // Pass 1, always dry: what would change, what fails, what is left for manual work.
    const totals: RunnerStats = { ok: 0, nochange: 0, skip: 0, error: 0 };
    const records: RunRecord[] = [];
    let index = 0;
    for (const group of groups.values()) {
      const reportFile = join(workDir, `dry-${index++}.jsonl`);
      const stats = await runTransform(transformFile, group.files, {
        dry: true,
        print: values.print === true,
        extensions,
        ignorePatterns,
        transformOptions: { settingsJson: JSON.stringify(group.settings), ruleOptionsJson: JSON.stringify(group.ruleOptions), reportFile },
      });
      for (const key of Object.keys(totals) as (keyof RunnerStats)[]) totals[key] += stats[key];
      records.push(...readRecords(reportFile));
    }
    const changedRecords = records.filter((record) => record.type === 'changed');

    // The dependency guard, before anything is written.
    const missing: MissingDependency[] = [];
    for (const group of groups.values()) {
      if (group.settings.wrapperModule !== DEFAULT_WRAPPER_MODULE) continue;
      const inGroup = new Set(group.files.map((file) => resolve(file)));
      const importing = changedRecords.filter((record) => record.importsWrapper && inGroup.has(record.file)).map((record) => record.file);
      missing.push(...findMissingDependency(importing, PLUGIN_PACKAGE_NAME));
    }
    if (missing.length > 0 && !dry) {
      printSummary(totals, records, records, 'refused');
      io.err(explainMissingDependency(missing, DEFAULT_WRAPPER_MODULE, false));
      return EXIT_FAILED;
    }
    if (missing.length > 0) io.err(explainMissingDependency(missing, DEFAULT_WRAPPER_MODULE, true));

    // Pass 2: write the files pass 1 would change.
    let writeErrors = 0;
    const failures = records.filter((record) => record.type === 'failed');
    if (!dry && changedRecords.length > 0) {
      const changed = new Set(changedRecords.map((record) => record.file));
      index = 0;
      for (const group of groups.values()) {
        const reportFile = join(workDir, `write-${index++}.jsonl`);
        const files = group.files.filter((file) => changed.has(resolve(file)));
        const stats = await runTransform(transformFile, files, {
          dry: false,
          print: false,
          extensions,
          ignorePatterns,
          transformOptions: { settingsJson: JSON.stringify(group.settings), ruleOptionsJson: JSON.stringify(group.ruleOptions), reportFile },
        });
        writeErrors += stats.error;
        totals.ok += stats.ok - files.length;
        failures.push(...readRecords(reportFile).filter((record) => record.type === 'failed'));
      }
    }
    totals.error += writeErrors;

    printSummary(totals, records, failures, dry ? 'dry' : 'written');
    return totals.error > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function printSummary(totals: RunnerStats, records: RunRecord[], failures: RunRecord[], mode: 'dry' | 'written' | 'refused'): void {
  const dry = mode !== 'written';
  const manual = records.filter((record): record is Extract<RunRecord, { type: 'manual' }> => record.type === 'manual');
  const lines = [
    '',
    `Summary${mode === 'dry' ? ' (dry run)' : mode === 'refused' ? ' (nothing written)' : ''}:`,
    `  ${dry ? 'would change' : 'changed'}: ${totals.ok}`,
    `  unchanged: ${totals.nochange}`,
    `  skipped: ${totals.skip} (mention nothing the codemod looks for)`,
    `  failed: ${totals.error}`,
  ];
  const failed = failures.filter((record): record is Extract<RunRecord, { type: 'failed' }> => record.type === 'failed');
  if (totals.error > 0) {
    lines.push('', 'Failed (left untouched):');
    for (const record of failed) lines.push(`  ${display(record.file)}: ${stripPath(record.reason, record.file)}`);
    if (failed.length < totals.error) lines.push(`  ${totals.error - failed.length} more (see the messages above)`);
  }
  if (manual.length > 0) {
    const changed = new Set(records.filter((record) => record.type === 'changed').map((record) => record.file));
    const shifted = dry && manual.some((record) => changed.has(record.file));
    lines.push('', `Left for manual work (${manual.length})${shifted ? ', lines as they would be after the run' : ''}:`);
    for (const record of manual) {
      const why = record.reason === 'no suggestion' ? '' : ` [${record.reason}]`;
      lines.push(`  ${display(record.file)}:${record.line}:${record.column}  ${record.message} (${record.ruleId})${why}`);
    }
  }
  io.out(lines.join('\n'));
}

/** Failure reasons start with the path the runner used; the summary prints its own. */
function stripPath(reason: string, file: string): string {
  for (const prefix of [`${file}: `, `${display(file)}: `]) {
    if (reason.startsWith(prefix)) return reason.slice(prefix.length);
  }
  const colon = reason.indexOf(': ');
  return colon > 0 && file.endsWith(reason.slice(0, colon).replace(/^\.\//, '')) ? reason.slice(colon + 2) : reason;
}

interface EjectResult {
  files: string[];
  wrapperModule: string;
  language: 'ts' | 'js';
  format: 'esm' | 'cjs';
}

function ejectCommand(positionals: string[], values: Values): number {
  if (positionals.length !== 1) throw new UsageError('eject-wrappers takes exactly one <dir>');
  let ejectWrappers: (targetDir: string, options: { force: boolean }) => EjectResult;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ({ ejectWrappers } = require('../src/eject') as { ejectWrappers: typeof ejectWrappers });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error('eject-wrappers is not available in this build (src/eject is missing).');
  }
  let result: EjectResult;
  try {
    result = ejectWrappers(resolve(positionals[0]), { force: values.force === true });
  } catch (error) {
    io.err(`${BIN} eject-wrappers: ${(error as Error).message}`);
    return EXIT_FAILED;
  }
  io.out(
    [
      `Wrote ${plural(result.files.length, 'file')} (${result.language === 'ts' ? 'TypeScript' : 'JavaScript'}, ` +
        `${result.format === 'esm' ? 'ES modules' : 'CommonJS'}):`,
      ...result.files.map((file) => `  ${display(resolve(file))}`),
      '',
      'Point the fixes at them in your ESLint config:',
      `  settings: { 'trace-context': { wrapperModule: ${JSON.stringify(result.wrapperModule)} } }`,
      `or pass --wrapper-module ${result.wrapperModule} to ${BIN}.`,
    ].join('\n'),
  );
  return EXIT_OK;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) {
      io.out(usage());
      return EXIT_OK;
    }
    const [command, ...rest] = positionals;
    if (command === undefined) throw new UsageError('missing <rule|all>');
    if (command === 'eject-wrappers') return ejectCommand(rest, values);
    if (command !== 'all' && !RULE_NAMES.includes(command)) {
      io.err(`Unknown transform '${command}'. Valid transforms: all, ${RULE_NAMES.join(', ')} (or eject-wrappers).`);
      return EXIT_USAGE;
    }
    if (rest.length === 0) throw new UsageError('missing <paths...>');
    return await runCodemod(command, rest, values);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${BIN}: ${error.message}\n\n${usage()}`);
      return EXIT_USAGE;
    }
    if (error instanceof SettingsError || error instanceof ConfigLoadError) {
      io.err(`${BIN}: ${error.message}`);
      return EXIT_USAGE;
    }
    io.err(`${BIN}: ${(error as Error).stack ?? String(error)}`);
    return EXIT_FAILED;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(String(error));
      process.exitCode = EXIT_FAILED;
    },
  );
}
