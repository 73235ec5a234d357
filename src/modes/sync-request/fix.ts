/**
 * Mode 1 fixes: outbound calls get `injectContext(<their headers>)` (a new carrier, the caller's
 * object untouched); inbound handlers run in `withExtractedContext(<incoming headers>, …)` under a
 * SERVER span.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { fileStyle, planAddProperty, quoteString, wrapBlock, type FixPlan, type TextEdit } from '../../core/fix-plan';
import { isFunctionNode, propertyKeyName, unwrapExpression } from '../../core/origins';
import { importedLocalName, wrapperSpecifier } from '../../core/wrapper-module';
import type { TraceContextSettings } from '../../settings';
import type { GrpcFinding, InboundFinding, OutboundFinding, SyncRequestFinding } from './detect';

type SourceCode = Readonly<TSESLint.SourceCode>;

export function planSyncRequestFix(
  sourceCode: SourceCode,
  filename: string,
  finding: SyncRequestFinding,
  settings: TraceContextSettings,
): FixPlan | undefined {
  const module = wrapperSpecifier(filename, settings.wrapperModule);
  const wrapper = finding.kind === 'inbound' ? 'withExtractedContext' : 'injectContext';
  const existing = importedLocalName(sourceCode, module, wrapper);
  const local = existing ?? wrapper;
  const imports = existing ? [] : [{ module, name: wrapper }];
  const edits =
    finding.kind === 'outbound'
      ? planInject(sourceCode, finding, local)
      : finding.kind === 'grpc'
        ? planGrpcInject(finding, local)
        : planExtract(sourceCode, finding, local);
  return edits ? { edits, imports } : undefined;
}

/** `headers: X` → `headers: injectContext(X)`; no headers → `headers: injectContext()`; an options variable is spread. */
function planInject(sourceCode: SourceCode, finding: OutboundFinding, inject: string): TextEdit[] | undefined {
  const { call, client } = finding;
  const args = call.arguments;
  const shape = client.options;
  if (shape.kind === 'chain') {
    return [{ range: [call.range[1], call.range[1]], text: `.set(${inject}())` }];
  }
  let index: number;
  if (shape.kind === 'http') {
    const objectIndex = args.findIndex((arg) => unwrapExpression(arg).type === AST_NODE_TYPES.ObjectExpression);
    const first = args[0];
    if (objectIndex >= 0) index = objectIndex;
    else if (args[1] && !isFunctionNode(unwrapExpression(args[1]))) index = 1;
    else if (first) {
      // `http.request(x[, callback])`: x is a URL (add options after it) or an options object (spread it).
      const kind = valueKind(sourceCode, first);
      if (kind === 'options') index = 0;
      else if (kind === 'url') return [{ range: [first.range[1], first.range[1]], text: `, { headers: ${inject}() }` }];
      else return undefined;
    } else return undefined;
  } else {
    index = shape.index;
    // `new WebSocket(url, protocols, options)`: options come after the protocols
    if (finding.call.type === AST_NODE_TYPES.NewExpression && args[1]) {
      const kind = valueKind(sourceCode, args[1]);
      if (kind === 'protocols' || kind === 'url') index = 2;
    }
    // `fetch(request)` with a `Request` built here: its own headers must be kept
    if (client.fetchLike && args.length === 1 && args[0] && valueKind(sourceCode, args[0]) === 'request') {
      const source = sourceCode.getText(args[0]);
      return [{ range: [args[0].range[1], args[0].range[1]], text: `, { headers: ${inject}(${source}.headers) }` }];
    }
    // `axios(config)` and `axios.request(config)` vs `axios(url, config)`
    if (index === 1 && args.length === 1 && unwrapExpression(args[0]!).type === AST_NODE_TYPES.ObjectExpression && client.library === 'axios') {
      index = 0;
    }
  }
  const options = args[index];
  if (!options) {
    const last = args[args.length - 1];
    if (!last) return undefined;
    const padding = ', undefined'.repeat(Math.max(0, index - args.length));
    return [{ range: [last.range[1], last.range[1]], text: `${padding}, { headers: ${inject}() }` }];
  }
  if (options.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = unwrapExpression(options);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const headers = value.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === 'headers',
    );
    if (headers) {
      if (headers.shorthand) return [{ range: headers.range, text: `headers: ${inject}(headers)` }];
      return [
        { range: [headers.value.range[0], headers.value.range[0]], text: `${inject}(` },
        { range: [headers.value.range[1], headers.value.range[1]], text: ')' },
      ];
    }
    // The last spread wins at run time, so its headers are the ones to keep.
    const spread = [...value.properties].reverse().find((p): p is TSESTree.SpreadElement => p.type === AST_NODE_TYPES.SpreadElement);
    const last = value.properties[value.properties.length - 1];
    if (spread && last) {
      const source = sourceCode.getText(spread.argument);
      return [{ range: [last.range[1], last.range[1]], text: `, headers: ${inject}(${source}?.headers)` }];
    }
    const first = value.properties[0];
    if (!first) return [{ range: value.range, text: `{ headers: ${inject}() }` }];
    if (first.loc.start.line !== value.loc.start.line) return [planAddProperty(sourceCode, value, `headers: ${inject}()`)];
    return [{ range: [first.range[0], first.range[0]], text: `headers: ${inject}(), ` }];
  }
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
    const source = sourceCode.getText(options);
    return [{ range: options.range, text: `{ ...${source}, headers: ${inject}(${source}?.headers) }` }];
  }
  return undefined;
}

/** `client.rpc(request, injectContext(metadata), …)`, or a new `Metadata` carrying the context after the request. */
function planGrpcInject(finding: GrpcFinding, inject: string): TextEdit[] | undefined {
  const { call, metadata, metadataClass } = finding;
  if (metadata) {
    return [
      { range: [metadata.range[0], metadata.range[0]], text: `${inject}(` },
      { range: [metadata.range[1], metadata.range[1]], text: ')' },
    ];
  }
  const request = call.arguments[0];
  if (!request || !metadataClass) return undefined;
  return [{ range: [request.range[1], request.range[1]], text: `, ${inject}(new ${metadataClass}())` }];
}

/** What an argument holds, as far as the file shows: a URL, an options object, a `Request`, WebSocket protocols. */
function valueKind(sourceCode: SourceCode, node: TSESTree.Node): 'url' | 'options' | 'request' | 'protocols' | undefined {
  let value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const scope = sourceCode.getScope(value);
    let variable: TSESLint.Scope.Variable | undefined;
    for (let current: TSESLint.Scope.Scope | null = scope; current && !variable; current = current.upper) variable = current.set.get(value.name);
    const def = variable?.defs[0];
    if (def?.type === 'Parameter') {
      // A typed parameter: `options: http.RequestOptions`, `url: string | URL`.
      const type = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
      if (!type) {
        // Untyped: go by the parameter's name.
        if (/(url|uri|href|endpoint|address|target)$/i.test(value.name)) return 'url';
        if (/(options|opts|config|params)$/i.test(value.name)) return 'options';
        return undefined;
      }
      const text = sourceCode.getText(type);
      if (/Options\b/.test(text)) return 'options';
      if (/^(string|URL)(\s*\|\s*(string|URL))*$/.test(text)) return 'url';
      return undefined;
    }
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    if (!init) return undefined;
    value = unwrapExpression(init);
  }
  if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) {
    return typeof (value as TSESTree.Literal).value === 'string' || value.type === AST_NODE_TYPES.TemplateLiteral ? 'url' : undefined;
  }
  if (value.type === AST_NODE_TYPES.ArrayExpression) return 'protocols';
  if (value.type === AST_NODE_TYPES.ObjectExpression) return 'options';
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
    if (value.callee.name === 'URL') return 'url';
    if (value.callee.name === 'Request') return 'request';
  }
  return undefined;
}

/** The handler body runs in the context extracted from the incoming headers, under a SERVER span. */
function planExtract(sourceCode: SourceCode, finding: InboundFinding, extract: string): TextEdit[] | undefined {
  const { handler, carrier } = finding;
  if (!carrier) return undefined;
  const style = fileStyle(sourceCode);
  const span = `, { name: ${quoteString(finding.name, style)}, kind: ${quoteString('server', style)} }`;
  const asyncPrefix = handler.async ? 'async ' : '';
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = handler.body;
    return [
      { range: [body.range[0], body.range[0]], text: `${extract}(${carrier}, ${asyncPrefix}() => ` },
      { range: [body.range[1], body.range[1]], text: `${span})` },
    ];
  }
  if (handler.body.body.length === 0 || handler.generator) return undefined;
  const open = `return ${extract}(${carrier}, ${asyncPrefix}() => {`;
  const close = `}${span})${style.semi ? ';' : ''}`;
  return [wrapBlock(sourceCode, handler.body, open, close)];
}
