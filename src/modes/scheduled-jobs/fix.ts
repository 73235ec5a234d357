/** Mode 4 fixes: wrap the job with `traceJob(name, …)`, or make its span a root. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { fileStyle, quoteString, wrapBlock, type FixPlan, type TextEdit } from '../../core/fix-plan';
import { importedLocalName, wrapperSpecifier } from '../../core/wrapper-module';
import { propertyKeyName } from '../../core/origins';
import type { TraceContextSettings } from '../../settings';
import type { JobName, ScheduledJobFinding } from './detect';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The job name as source code, in the file's quote style. */
export function jobNameCode(sourceCode: SourceCode, name: JobName): string {
  switch (name.kind) {
    case 'literal':
      return quoteString(name.value, fileStyle(sourceCode));
    case 'expression':
      return sourceCode.getText(name.node);
    case 'interval':
      return `\`every \${${sourceCode.getText(name.node)}}ms\``;
  }
}

/** The edits of one finding's suggestion. */
export function planScheduledJobFix(
  sourceCode: SourceCode,
  filename: string,
  finding: ScheduledJobFinding,
  settings: TraceContextSettings,
): FixPlan | undefined {
  const fix = finding.fix;
  if (!fix) return undefined;
  if (fix.type === 'makeRoot') return { edits: planMakeRoot(sourceCode, fix.call), imports: [] };

  const module = wrapperSpecifier(filename, settings.wrapperModule);
  const existing = importedLocalName(sourceCode, module, 'traceJob');
  const traceJob = existing ?? 'traceJob';
  const imports = existing ? [] : [{ module, name: 'traceJob' }];
  const name = jobNameCode(sourceCode, finding.name);
  const style = fileStyle(sourceCode);

  switch (fix.type) {
    case 'wrapCallback': {
      if (fix.unbind) {
        return {
          edits: [{ range: fix.unbind.range, text: `${traceJob}(${name}, ${sourceCode.getText(fix.callback)})` }],
          imports,
        };
      }
      const parent = fix.callback.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.method && parent.value === fix.callback) {
        // `async onTick() { … }` → `onTick: traceJob('name', async function () { … })`
        const fn = fix.callback as TSESTree.FunctionExpression;
        const key = parent.computed ? `[${sourceCode.getText(parent.key)}]` : sourceCode.getText(parent.key);
        const head = `${fn.async ? 'async ' : ''}function${fn.generator ? '*' : ''} `;
        return {
          edits: [{ range: parent.range, text: `${key}: ${traceJob}(${name}, ${head}${sourceCode.getText(fn)})` }],
          imports,
        };
      }
      const [start, end] = fix.callback.range;
      return {
        edits: [
          { range: [start, start], text: `${traceJob}(${name}, ` },
          { range: [end, end], text: ')' },
        ],
        imports,
      };
    }
    case 'wrapBody': {
      const asyncPrefix = fix.fn.async ? 'async ' : '';
      const open = `return ${traceJob}(${name}, ${asyncPrefix}() => {`;
      const close = `})()${style.semi ? ';' : ''}`;
      return { edits: [wrapBlock(sourceCode, fix.fn.body!, open, close)], imports };
    }
    case 'wrapLoopBody': {
      const open = `await ${traceJob}(${name}, async () => {`;
      const close = `})()${style.semi ? ';' : ''}`;
      return { edits: [wrapBlock(sourceCode, fix.loop.body as TSESTree.BlockStatement, open, close)], imports };
    }
  }
}

/** `{ root: true }` on a span start. */
function planMakeRoot(sourceCode: SourceCode, call: TSESTree.CallExpression): TextEdit[] {
  const args = call.arguments;
  const isActive = propertyName(call) === 'startActiveSpan';
  const hasOptions = isActive ? args.length >= 3 : args.length >= 2;
  if (!hasOptions) {
    if (isActive && args[1]) return [{ range: [args[1].range[0], args[1].range[0]], text: '{ root: true }, ' }];
    if (args[0]) return [{ range: [args[0].range[1], args[0].range[1]], text: ', { root: true }' }];
    return [];
  }
  const options = args[1]!;
  if (options.type === AST_NODE_TYPES.ObjectExpression) {
    const rootProperty = options.properties.find(
      (p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === 'root',
    ) as TSESTree.Property | undefined;
    if (rootProperty) return [{ range: rootProperty.value.range, text: 'true' }];
    const first = options.properties[0];
    if (!first) return [{ range: options.range, text: '{ root: true }' }];
    return [{ range: [first.range[0], first.range[0]], text: 'root: true, ' }];
  }
  return [{ range: options.range, text: `{ ...${sourceCode.getText(options)}, root: true }` }];
}

function propertyName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
    ? callee.property.name
    : undefined;
}
