/** Mode 5 fixes: run the handler in a child span with `traceHandler(name, …)`. */
import type { TSESLint } from '@typescript-eslint/utils';

import { fileStyle, quoteString, wrapBlock, type FixPlan } from '../../core/fix-plan';
import { importedLocalName, wrapperSpecifier } from '../../core/wrapper-module';
import type { TraceContextSettings } from '../../settings';
import type { HandlerName, InternalEventFinding } from './detect';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The span name as source code, in the file's quote style. */
export function handlerNameCode(sourceCode: SourceCode, name: HandlerName): string {
  return name.kind === 'literal' ? quoteString(name.value, fileStyle(sourceCode)) : sourceCode.getText(name.node);
}

/** The edits of one finding's suggestion. */
export function planInternalEventFix(
  sourceCode: SourceCode,
  filename: string,
  finding: InternalEventFinding,
  settings: TraceContextSettings,
): FixPlan | undefined {
  const fix = finding.fix;
  if (!fix) return undefined;
  const module = wrapperSpecifier(filename, settings.wrapperModule);
  const existing = importedLocalName(sourceCode, module, 'traceHandler');
  const traceHandler = existing ?? 'traceHandler';
  const imports = existing ? [] : [{ module, name: 'traceHandler' }];
  const name = handlerNameCode(sourceCode, finding.name);
  if (fix.type === 'wrapHandler') {
    if (fix.unbind) {
      return { edits: [{ range: fix.unbind.range, text: `${traceHandler}(${name}, ${sourceCode.getText(fix.handler)})` }], imports };
    }
    const [start, end] = fix.handler.range;
    return {
      edits: [
        { range: [start, start], text: `${traceHandler}(${name}, ` },
        { range: [end, end], text: ')' },
      ],
      imports,
    };
  }
  const style = fileStyle(sourceCode);
  const open = `return ${traceHandler}(${name}, ${fix.fn.async ? 'async ' : ''}() => {`;
  const close = `})()${style.semi ? ';' : ''}`;
  return { edits: [wrapBlock(sourceCode, fix.fn.body!, open, close)], imports };
}
