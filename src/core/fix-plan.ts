/**
 * Findings and FixPlans: a fix is text edits against the original source plus the wrapper imports
 * it needs. Every byte a fix does not change stays as the author wrote it; new code follows the
 * file's quotes, semicolons, indentation and line endings.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isRequireCall, staticString } from './origins';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface WrapperImport {
  readonly module: string;
  readonly name: string;
}

export interface FixPlan {
  readonly edits: readonly TextEdit[];
  readonly imports: readonly WrapperImport[];
}

/** What a mode's detector hands to its rule. */
export interface Finding<MessageId extends string = string> {
  readonly node: TSESTree.Node | TSESTree.SourceLocation;
  readonly loc?: TSESTree.SourceLocation;
  readonly messageId: MessageId;
  readonly data?: Record<string, string>;
  readonly suggestion?: {
    readonly messageId: MessageId;
    readonly data?: Record<string, string>;
    readonly plan: () => FixPlan | undefined;
  };
}

export interface FileStyle {
  readonly quote: "'" | '"';
  readonly semi: boolean;
  readonly indentUnit: string;
  readonly eol: '\n' | '\r\n';
  readonly commonjs: boolean;
}

const styles = new WeakMap<object, FileStyle>();

function detectIndentUnit(text: string): string {
  let min = Infinity;
  let tabs = 0;
  let spaces = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && i < 400; i++) {
    const match = /^([ \t]+)\S/.exec(lines[i]!);
    if (!match) continue;
    const indent = match[1]!;
    const rest = lines[i]!.slice(indent.length);
    if (rest.startsWith('*')) continue; // JSDoc continuation
    if (indent.startsWith('\t')) tabs++;
    else {
      spaces++;
      if (indent.length < min) min = indent.length;
    }
  }
  if (tabs > spaces) return '\t';
  return min !== Infinity && min >= 2 && min <= 8 ? ' '.repeat(min) : '  ';
}

function isCommonJs(sourceCode: SourceCode): boolean {
  const { ast } = sourceCode;
  let sawRequire = false;
  for (const statement of ast.body) {
    if (
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration
    ) {
      return false;
    }
    if (requireSource(statement, sourceCode) !== undefined || isModuleExportsAssignment(statement)) sawRequire = true;
  }
  if (sawRequire || ast.sourceType !== 'module') return true;
  // A `.js` file opening with 'use strict' and no module syntax is a CommonJS script.
  const first = ast.body[0];
  return !!first && isDirective(first) && (first as TSESTree.ExpressionStatement).directive === 'use strict';
}

/** `module.exports = …`, `module.exports.x = …`, `exports.x = …` at the top level: a CommonJS module. */
function isModuleExportsAssignment(statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let target: TSESTree.Node = statement.expression.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    const object: TSESTree.Node = target.object;
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'module' || object.name === 'exports')) {
      return object.name === 'exports' || (target.property.type === AST_NODE_TYPES.Identifier && target.property.name === 'exports');
    }
    target = object;
  }
  return false;
}

/** The module a top-level `const x = require('m')` / `require('m')` statement loads. */
function requireSource(statement: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of statement.declarations) {
      let init = declarator.init;
      while (init && init.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      if (init && isRequireCall(init, sourceCode)) return staticString((init as TSESTree.CallExpression).arguments[0]);
    }
  }
  if (statement.type === AST_NODE_TYPES.ExpressionStatement && isRequireCall(statement.expression, sourceCode)) {
    return staticString((statement.expression as TSESTree.CallExpression).arguments[0]);
  }
  return undefined;
}

/** Quote, semicolon, indentation, line-ending and module-format style of a file (cached). */
export function fileStyle(sourceCode: SourceCode): FileStyle {
  let style = styles.get(sourceCode.ast);
  if (style) return style;
  const { text, ast } = sourceCode;
  let quote: "'" | '"' = "'";
  let semi = true;
  let decided = false;
  for (const statement of ast.body) {
    let literal: TSESTree.Node | undefined;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) literal = statement.source;
    else if (requireSource(statement, sourceCode) !== undefined) {
      literal = sourceCode.getTokens(statement).find((token) => token.type === 'String') as TSESTree.Node | undefined;
    }
    if (!literal) continue;
    const raw = text.slice(literal.range[0], literal.range[0] + 1);
    if (raw === '"' || raw === "'") quote = raw;
    semi = text[statement.range[1] - 1] === ';';
    decided = true;
    break;
  }
  if (!decided) {
    const firstString = ast.tokens?.find((token) => token.type === 'String');
    if (firstString && firstString.value.startsWith('"')) quote = '"';
    const first = ast.body.find((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement || statement.type === AST_NODE_TYPES.VariableDeclaration);
    if (first) semi = text[first.range[1] - 1] === ';';
  }
  style = {
    quote,
    semi,
    indentUnit: detectIndentUnit(text),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    commonjs: isCommonJs(sourceCode),
  };
  styles.set(sourceCode.ast, style);
  return style;
}

/** A string literal in the file's quote style. */
export function quoteString(value: string, style: FileStyle): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return style.quote === "'"
    ? `'${escaped.replace(/'/g, "\\'")}'`
    : `"${escaped.replace(/"/g, '\\"')}"`;
}

/** The indentation (leading whitespace) of the line containing `index`. */
export function lineIndent(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, index + 1))![0];
}

/**
 * Adds `unit` to every line start inside `[start, end)` of the source, except lines that begin
 * inside a template literal (their whitespace is part of a string).
 */
export function indentLines(sourceCode: SourceCode, start: number, end: number, unit: string): string {
  const { text } = sourceCode;
  const templates = (sourceCode.ast.tokens ?? []).filter(
    (token) => token.type === 'Template' && token.range[1] > start && token.range[0] < end,
  );
  let out = '';
  let cursor = start;
  for (let i = start; i < end; i++) {
    if (text[i] !== '\n') continue;
    const lineStart = i + 1;
    out += text.slice(cursor, lineStart);
    cursor = lineStart;
    if (lineStart >= end) break;
    const insideTemplate = templates.some((token) => token.range[0] < lineStart && lineStart < token.range[1]);
    const rest = text.slice(lineStart, text.indexOf('\n', lineStart) === -1 ? end : Math.min(end, text.indexOf('\n', lineStart)));
    if (!insideTemplate && rest.trim() !== '') out += unit;
  }
  return out + text.slice(cursor, end);
}

/**
 * Rewrites `{ body }` as `{ open body close }` with the body indented one more level:
 * ```
 * {                      {
 *   work();       →        return traceJob('x', () => {
 * }                          work();
 *                          })();
 *                        }
 * ```
 */
export function wrapBlock(sourceCode: SourceCode, block: TSESTree.BlockStatement, open: string, close: string): TextEdit {
  const { text } = sourceCode;
  const style = fileStyle(sourceCode);
  const innerStart = block.range[0] + 1;
  const innerEnd = block.range[1] - 1;
  const closingIndent = lineIndent(text, block.range[1] - 1);
  const blockLineIndent = lineIndent(text, block.range[0]);
  const inner = `${blockLineIndent}${style.indentUnit}`;

  const firstStatement = block.body[0]!;
  const lastStatement = block.body[block.body.length - 1]!;
  const multiline = text.slice(innerStart, firstStatement.range[0]).includes('\n');
  let content: string;
  if (multiline) {
    // Keep everything from the first line break after `{` to the end of the last statement's line.
    const lineBreak = text.indexOf('\n', innerStart);
    const contentStart = lineBreak + 1;
    let contentEnd = text.indexOf('\n', lastStatement.range[1]);
    if (contentEnd === -1 || contentEnd > innerEnd) contentEnd = innerEnd;
    if (text[contentEnd - 1] === '\r') contentEnd -= 1;
    content = style.indentUnit + indentLines(sourceCode, contentStart, contentEnd, style.indentUnit);
    const closingLine = text.slice(contentEnd, innerEnd).trim() === '';
    const leadingBlank = text.slice(innerStart, lineBreak).replace(/\r$/, '');
    const replacement =
      `${leadingBlank}${style.eol}${inner}${open}${style.eol}${content}${style.eol}${inner}${close}` +
      (closingLine ? `${style.eol}${closingIndent}` : text.slice(contentEnd, innerEnd));
    return { range: [innerStart, innerEnd], text: replacement };
  }
  content = text.slice(firstStatement.range[0], lastStatement.range[1]);
  const replacement = `${style.eol}${inner}${open}${style.eol}${inner}${style.indentUnit}${content}${style.eol}${inner}${close}${style.eol}${blockLineIndent}`;
  return { range: [innerStart, innerEnd], text: replacement };
}

/**
 * Adds `property` (e.g. `headers: injectContext()`) to an object literal: on its own line, with
 * the other properties' indentation, when the object spans lines; after the last property otherwise.
 */
export function planAddProperty(sourceCode: SourceCode, object: TSESTree.ObjectExpression, property: string): TextEdit {
  const last = object.properties[object.properties.length - 1];
  if (!last) return { range: object.range, text: `{ ${property} }` };
  const style = fileStyle(sourceCode);
  const multiline = last.loc.start.line !== object.loc.start.line;
  const after = sourceCode.getTokenAfter(last);
  const trailingComma = after?.value === ',' && after.range[1] <= object.range[1] - 1;
  if (!multiline) return { range: [last.range[1], last.range[1]], text: `, ${property}` };
  const indent = lineIndent(sourceCode.text, last.range[0]);
  if (trailingComma) return { range: [after!.range[1], after!.range[1]], text: `${style.eol}${indent}${property},` };
  return { range: [last.range[1], last.range[1]], text: `,${style.eol}${indent}${property}` };
}

/** Edits that make `names` from `module` available in the file (none for names it already has). */
export function planImport(sourceCode: SourceCode, module: string, names: readonly string[]): TextEdit[] {
  const style = fileStyle(sourceCode);
  const { ast } = sourceCode;
  const semi = style.semi ? ';' : '';
  let missing = [...new Set(names)];

  missing.sort(compareNames);
  if (!style.commonjs) {
    let lastImport: TSESTree.ImportDeclaration | undefined;
    let mergeInto: { specifiers: readonly { range: TSESTree.Range; name: string }[]; afterDefault?: TSESTree.Node } | undefined;
    for (const statement of ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
      lastImport = statement;
      if (statement.source.value !== module || statement.importKind === 'type') continue;
      const named = statement.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
      missing = missing.filter((name) => !named.some((s) => s.local.name === name && s.importKind !== 'type'));
      if (mergeInto || statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier)) continue;
      if (named.length > 0) mergeInto = { specifiers: named.map((s) => ({ range: s.range, name: s.local.name })) };
      else if (statement.specifiers[0]) mergeInto = { specifiers: [], afterDefault: statement.specifiers[0] };
    }
    if (missing.length === 0) return [];
    if (mergeInto?.afterDefault) {
      const at = mergeInto.afterDefault.range[1];
      return [{ range: [at, at], text: `, { ${missing.join(', ')} }` }];
    }
    if (mergeInto) return mergeSorted(sourceCode, mergeInto.specifiers, missing);
    const line = `import { ${missing.join(', ')} } from ${quoteString(module, style)}${semi}`;
    if (lastImport) return [{ range: [lastImport.range[1], lastImport.range[1]], text: `${style.eol}${line}` }];
    return [insertAtTop(sourceCode, line)];
  }

  let lastHeaderRequire: TSESTree.Node | undefined;
  let mergeInto: { range: TSESTree.Range; name: string }[] | undefined;
  let inHeader = true;
  for (const statement of ast.body) {
    const source = requireSource(statement, sourceCode);
    if (source === undefined) {
      if (!isDirective(statement)) inHeader = false;
      continue;
    }
    if (inHeader) lastHeaderRequire = statement;
    if (source !== module || statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || declarator.init?.type !== AST_NODE_TYPES.CallExpression) continue;
      const props = declarator.id.properties;
      missing = missing.filter(
        (name) => !props.some((p) => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Identifier && p.value.name === name),
      );
      const simple = props.filter((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Identifier);
      if (!mergeInto && simple.length > 0 && simple.length === props.length) {
        mergeInto = simple.map((p) => ({ range: p.range, name: (p.value as TSESTree.Identifier).name }));
      }
    }
  }
  if (missing.length === 0) return [];
  if (mergeInto) return mergeSorted(sourceCode, mergeInto, missing);
  const line = `const { ${missing.join(', ')} } = require(${quoteString(module, style)})${semi}`;
  if (lastHeaderRequire) return [{ range: [lastHeaderRequire.range[1], lastHeaderRequire.range[1]], text: `${style.eol}${line}` }];
  return [insertAtTop(sourceCode, line)];
}

function compareNames(a: string, b: string): number {
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
}

/**
 * Adds names to an existing specifier list. A sorted list stays sorted (so the order does not
 * depend on which fix came first); otherwise the names go at the end.
 */
function mergeSorted(
  sourceCode: SourceCode,
  specifiers: readonly { range: TSESTree.Range; name: string }[],
  missing: readonly string[],
): TextEdit[] {
  const first = specifiers[0]!;
  const last = specifiers[specifiers.length - 1]!;
  // A list written one name per line (`{\n  a,\n  b,\n}`) gets each new name on a line of its own.
  const lineOf = (index: number) => sourceCode.getLocFromIndex(index).line;
  const multiline = lineOf(first.range[0]) !== lineOf(last.range[0]);
  const indentOf = (index: number) => {
    const text = sourceCode.lines[lineOf(index) - 1] ?? '';
    return /^\s*/.exec(text)![0];
  };
  const eol = fileStyle(sourceCode).eol;
  const beforeItem = (item: { range: TSESTree.Range }, name: string): TextEdit => ({
    range: [item.range[0], item.range[0]],
    text: multiline ? `${name},${eol}${indentOf(item.range[0])}` : `${name}, `,
  });
  const afterLast = (names: readonly string[]): TextEdit => ({
    range: [last.range[1], last.range[1]],
    text: multiline ? names.map((name) => `,${eol}${indentOf(last.range[0])}${name}`).join('') : `, ${names.join(', ')}`,
  });
  const sorted = specifiers.every((item, i) => i === 0 || compareNames(specifiers[i - 1]!.name, item.name) <= 0);
  if (!sorted) return [afterLast(missing)];
  const edits: TextEdit[] = [];
  for (const name of missing) {
    const before = specifiers.find((item) => compareNames(name, item.name) < 0);
    edits.push(before ? beforeItem(before, name) : afterLast([name]));
  }
  return edits;
}

function isDirective(statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && typeof (statement as TSESTree.ExpressionStatement).directive === 'string';
}

/** After the directive prologue, or before the first statement (and the comments attached to it). */
function insertAtTop(sourceCode: SourceCode, line: string): TextEdit {
  const style = fileStyle(sourceCode);
  const { ast } = sourceCode;
  let lastDirective: TSESTree.Node | undefined;
  for (const statement of ast.body) {
    if (!isDirective(statement)) break;
    lastDirective = statement;
  }
  if (lastDirective) return { range: [lastDirective.range[1], lastDirective.range[1]], text: `${style.eol}${line}` };
  const first = ast.body[0];
  if (!first) {
    const shebang = sourceCode.getAllComments().find((comment) => (comment.type as string) === 'Shebang');
    const at = shebang ? shebang.range[1] : 0;
    return { range: [at, at], text: shebang ? `${style.eol}${line}${style.eol}` : `${line}${style.eol}` };
  }
  let at = first.range[0];
  const leading = sourceCode.getCommentsBefore(first);
  // Keep comments that document the first statement attached to it.
  for (let i = leading.length - 1; i >= 0; i--) {
    const comment = leading[i]!;
    if ((comment.type as string) === 'Shebang') break;
    const next = i + 1 < leading.length ? leading[i + 1]! : first;
    if (next.loc.start.line - comment.loc.end.line > 1) break;
    if (i === 0 && comment.loc.start.line === 1 && comment.type === 'Block' && comment.value.startsWith('*') === false) break;
    at = comment.range[0];
  }
  return { range: [at, at], text: `${line}${style.eol}${style.eol}` };
}

/** Turns a FixPlan into ESLint fix operations (one suggestion = one self-contained edit set). */
export function planToFixes(sourceCode: SourceCode, plan: FixPlan, fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] {
  const fixes: TSESLint.RuleFix[] = [];
  const imports = new Map<string, Set<string>>();
  for (const item of plan.imports) {
    const names = imports.get(item.module) ?? new Set<string>();
    names.add(item.name);
    imports.set(item.module, names);
  }
  const edits: TextEdit[] = [...plan.edits];
  for (const [module, names] of imports) edits.push(...planImport(sourceCode, module, [...names]));
  // Edits at the same position are joined in plan order (ESLint rejects overlapping fixes).
  const byStart = new Map<string, TextEdit>();
  for (const edit of edits) {
    const key = `${edit.range[0]}:${edit.range[1]}`;
    const existing = byStart.get(key);
    byStart.set(key, existing && edit.range[0] === edit.range[1] ? { range: edit.range, text: existing.text + edit.text } : edit);
  }
  for (const edit of byStart.values()) fixes.push(fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
  return fixes;
}
