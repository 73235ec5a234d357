/**
 * Mode 1 detection: outbound HTTP calls that carry no trace headers where nothing injects them, and
 * inbound handlers that start spans or make calls without continuing the caller's trace.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calleeName, newHeadLoc, walk } from '../../core/ast';
import { getInstrumented } from '../../core/instrumentation';
import { findManifest } from '../../core/manifest';
import {
  getOrigins,
  importedLocalNames,
  isFunctionNode,
  memberName,
  propertyKeyName,
  staticString,
  unwrapExpression,
  type FunctionNode,
} from '../../core/origins';
import { PropagationJudge } from '../../core/propagation';
import type { TraceContextSettings } from '../../settings';
import { CALL_NAMES, CLIENT_MODULES, GRPC, ROUTE_METHODS, findOutboundClient, type OutboundClient } from './catalog';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface OutboundFinding {
  readonly kind: 'outbound';
  readonly messageId: 'missingInjection';
  readonly loc: TSESTree.SourceLocation;
  readonly library: string;
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly client: OutboundClient;
}

export interface GrpcFinding {
  readonly kind: 'grpc';
  readonly messageId: 'missingInjection';
  readonly loc: TSESTree.SourceLocation;
  readonly library: string;
  readonly call: TSESTree.CallExpression;
  /** The metadata argument, when the call passes one. */
  readonly metadata?: TSESTree.Node;
  /** How to write `new Metadata()` in this file (`grpc.Metadata`), when it can. */
  readonly metadataClass?: string;
}

export interface InboundFinding {
  readonly kind: 'inbound';
  readonly messageId: 'missingExtraction';
  readonly loc: TSESTree.SourceLocation;
  readonly handler: FunctionNode;
  /** `headers` (HTTP) or `metadata` (gRPC): the incoming carrier is `<first parameter>.<field>`. */
  /** The expression that holds the incoming headers (`request.headers`, `event.headers`), as source. */
  readonly carrier?: string;
  readonly name: string;
  /** The handler starts its own span: the fix only continues the context, it adds no SERVER span. */
  readonly startsSpan?: boolean;
}

export type SyncRequestFinding = OutboundFinding | GrpcFinding | InboundFinding;

const wranglerCache = new Map<string, boolean>();

function hasWranglerConfig(dir: string): boolean {
  let found = wranglerCache.get(dir);
  if (found === undefined) {
    found = ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'].some((name) => existsSync(join(dir, name)));
    wranglerCache.set(dir, found);
  }
  return found;
}

/** Listeners that find mode-1 problems and hand each finding to `report` at the end of the file. */
export function createSyncRequestDetector(
  context: Context,
  settings: TraceContextSettings,
  report: (finding: SyncRequestFinding) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const origins = getOrigins(sourceCode);
  const filename = context.physicalFilename ?? context.filename;
  const outbound: { call: TSESTree.CallExpression | TSESTree.NewExpression; client: OutboundClient }[] = [];
  const inbound: { handler: FunctionNode; loc: TSESTree.SourceLocation; carrierParam: 'request' | 'event' | 'call'; name: string }[] = [];
  const grpcCalls: TSESTree.CallExpression[] = [];
  let edge = false;
  let interceptorInjects = false;
  let mentionsWs: boolean | undefined;
  const propagationJudge = new PropagationJudge(sourceCode, origins, settings);
  const injectsSomewhere = (root: TSESTree.Node) => propagationJudge.injectsSomewhere(root);
  const alreadyInjects = (call: TSESTree.CallExpression | TSESTree.NewExpression) => propagationJudge.alreadyInjects(call);

  return {
    Program(program) {
      edge = isEdgeModule(program);
    },
    CallExpression(node) {
      const callee = unwrapExpression(node.callee);
      const name = calleeName(callee) ?? (callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined);
      if (name === undefined) return;
      if (name === 'use' && isAxiosRequestInterceptor(callee)) {
        if (node.arguments[0] && injectsSomewhere(node.arguments[0])) interceptorInjects = true;
        return;
      }
      if (name === 'serve' && callee.type === AST_NODE_TYPES.MemberExpression) {
        collectServe(node, callee);
        return;
      }
      if (name === 'addService' && callee.type === AST_NODE_TYPES.MemberExpression) {
        collectGrpcService(node, callee);
        return;
      }
      if (callee.type === AST_NODE_TYPES.MemberExpression && isGrpcClientCall(callee, name)) {
        grpcCalls.push(node);
        return;
      }
      if (name === 'createServer') {
        const key = origins.key(callee);
        const handler = node.arguments.find((arg) => isFunctionNode(unwrapExpression(arg)));
        if ((key === 'http:createServer' || key === 'https:createServer') && handler) {
          inbound.push({ handler: unwrapExpression(handler) as FunctionNode, loc: callee.loc, carrierParam: 'request', name: 'request' });
        }
        return;
      }
      if (!CALL_NAMES.has(name) && !(callee.type === AST_NODE_TYPES.Identifier && importedLocalNames(sourceCode, origins, CLIENT_MODULES).has(name))) {
        return;
      }
      const client = findOutboundClient(origins.key(callee), 'call');
      if (client) outbound.push({ call: node, client });
    },
    NewExpression(node) {
      const name = calleeName(unwrapExpression(node.callee));
      if (name !== 'WebSocket' && !(mentionsWs ??= /['"]ws['"]/.test(sourceCode.text))) return;
      if (name === undefined) return;
      const client = findOutboundClient(origins.key(node), 'new');
      if (client) outbound.push({ call: node, client });
    },
    ExportDefaultDeclaration(node) {
      // Worker module: `export default { async fetch(request, env, ctx) { … } }`
      const object = unwrapSatisfies(node.declaration);
      if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property.key, property.computed) !== 'fetch') continue;
        const fn = unwrapExpression(property.value);
        if (isFunctionNode(fn)) inbound.push({ handler: fn, loc: property.key.loc, carrierParam: 'request', name: 'fetch' });
      }
    },
    ExportNamedDeclaration(node) {
      collectNamedExport(node.declaration);
    },
    AssignmentExpression(node) {
      // CommonJS Lambda: `exports.handler = async (event) => …` / `module.exports.handler = …`
      const left = node.left;
      if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== 'handler') return;
      const target = unwrapExpression(left.object);
      const isExports =
        (target.type === AST_NODE_TYPES.Identifier && target.name === 'exports') ||
        (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'exports' && calleeName(target.object) === 'module');
      const fn = unwrapExpression(node.right);
      if (isExports && isFunctionNode(fn) && isApiGatewayHandler(fn)) {
        inbound.push({ handler: fn, loc: left.property.loc, carrierParam: 'event', name: 'handler' });
      }
    },
    'Program:exit'() {
      const instrumented = edge ? new Set<string>() : getInstrumented(filename, settings);
      for (const { call, client } of outbound) {
        if (client.coveredBy.some((value) => instrumented.has(value))) continue;
        if (client.library === 'axios' && interceptorInjects) continue;
        if (alreadyInjects(call) || isPassThrough(call) || (client.fetchLike && isLocalUrl(call))) continue;
        const loc = call.type === AST_NODE_TYPES.NewExpression ? newHeadLoc(call) : call.callee.loc;
        report({ kind: 'outbound', messageId: 'missingInjection', loc, library: client.display ?? client.library, call, client });
      }
      if (!GRPC.coveredBy.some((value) => instrumented.has(value))) {
        for (const call of grpcCalls) {
          if (alreadyInjects(call)) continue;
          const metadata = call.arguments.find((arg) => isMetadata(arg));
          report({
            kind: 'grpc',
            messageId: 'missingInjection',
            loc: call.callee.loc,
            library: '@grpc/grpc-js',
            call,
            metadata,
            metadataClass: metadataClassName(),
          });
        }
      }
      for (const item of inbound) {
        // Edge modules have no instrumentation (the set is empty); Node servers need http, gRPC grpc, Lambda its own.
        const coveredBy = item.carrierParam === 'event' ? 'aws-lambda' : item.carrierParam === 'call' ? 'grpc' : 'http';
        if (instrumented.has(coveredBy)) continue;
        const judged = judgeHandler(item.handler);
        if (!judged.works || judged.extracts) continue;
        const param = item.handler.params[0];
        const field = item.carrierParam === 'call' ? 'metadata' : 'headers';
        const carrier = param?.type === AST_NODE_TYPES.Identifier ? `${param.name}.${field}` : undefined;
        report({
          kind: 'inbound',
          messageId: 'missingExtraction',
          loc: item.loc,
          handler: item.handler,
          carrier,
          name: item.name,
          startsSpan: judged.startsSpan,
        });
      }
    },
  };

  /** `<client>.<rpc>(…)` on an instance of a constructor from `grpc.loadPackageDefinition(…)`. */
  function isGrpcClientCall(callee: TSESTree.MemberExpression, name: string): boolean {
    if (GRPC.nonRpcMethods.has(name)) return false;
    const origin = origins.resolve(callee.object);
    if (!origin?.module || !(GRPC.modules as readonly string[]).includes(origin.module)) return false;
    const path = origin.path[0] === 'default' ? origin.path.slice(1) : origin.path;
    return path[0] === 'loadPackageDefinition' && path[path.length - 1] === '#new';
  }

  /** `server.addService(definition, { rpc: (call, callback) => … })` on a `new grpc.Server()`. */
  function collectGrpcService(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const key = origins.key(callee.object);
    if (!key || !GRPC.modules.some((module) => key === `${module}:Server.#new`)) return;
    const implementation = call.arguments[1] ? unwrapExpression(call.arguments[1]) : undefined;
    if (implementation?.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of implementation.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const fn = unwrapExpression(property.value);
      const name = propertyKeyName(property.key, property.computed);
      if (isFunctionNode(fn) && name !== undefined) inbound.push({ handler: fn, loc: property.key.loc, carrierParam: 'call', name });
    }
  }

  function isMetadata(arg: TSESTree.Node): boolean {
    const key = origins.key(arg);
    return key !== undefined && GRPC.modules.some((module) => key === `${module}:Metadata.#new`);
  }

  /** `grpc.Metadata` / `Metadata` as this file can name the class, if it imports the module. */
  function metadataClassName(): string | undefined {
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !(GRPC.modules as readonly string[]).includes(String(statement.source.value))) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier || specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
          return `${specifier.local.name}.Metadata`;
        }
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type') {
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          if (imported === 'Metadata') return specifier.local.name;
        }
      }
    }
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        const origin = declarator.init ? origins.resolve(declarator.init) : undefined;
        if (declarator.id.type === AST_NODE_TYPES.Identifier && origin?.module && (GRPC.modules as readonly string[]).includes(origin.module) && origin.path.length === 0) {
          return `${declarator.id.name}.Metadata`;
        }
      }
    }
    return undefined;
  }

  function collectNamedExport(declaration: TSESTree.NamedExportDeclarations | null | undefined): void {
    if (!declaration) return;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
      collectExportedFunction(declaration.id, declaration);
      return;
    }
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
        if (declarator.id.type === AST_NODE_TYPES.Identifier && isFunctionNode(init)) collectExportedFunction(declarator.id, init);
      }
    }
  }

  function collectExportedFunction(id: TSESTree.Identifier, fn: FunctionNode): void {
    if (edge && (ROUTE_METHODS.has(id.name) || id.name === 'middleware')) {
      inbound.push({ handler: fn, loc: id.loc, carrierParam: 'request', name: id.name });
      return;
    }
    if (id.name === 'handler' && isApiGatewayHandler(fn)) {
      inbound.push({ handler: fn, loc: id.loc, carrierParam: 'event', name: 'handler' });
    }
  }

  /** `Deno.serve(handler)`, `Deno.serve(options, handler)`, `Bun.serve({ fetch })`. */
  function collectServe(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const object = unwrapExpression(callee.object);
    if (object.type !== AST_NODE_TYPES.Identifier || (object.name !== 'Deno' && object.name !== 'Bun')) return;
    if (origins.variableOf(object)?.defs.length) return;
    for (const arg of call.arguments) {
      const value = unwrapExpression(arg);
      if (isFunctionNode(value)) inbound.push({ handler: value, loc: callee.loc, carrierParam: 'request', name: `${object.name}.serve` });
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const key = propertyKeyName(property.key, property.computed);
          const fn = unwrapExpression(property.value);
          if ((key === 'fetch' || key === 'handler') && isFunctionNode(fn)) {
            inbound.push({ handler: fn, loc: callee.loc, carrierParam: 'request', name: `${object.name}.serve` });
          }
        }
      }
    }
  }

  function isEdgeModule(program: TSESTree.Program): boolean {
    for (const statement of program.body) {
      if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declaration.declarations) {
          if (
            declarator.id.type === AST_NODE_TYPES.Identifier &&
            declarator.id.name === 'runtime' &&
            /^(experimental-)?edge$/.test(staticString(declarator.init) ?? '')
          ) {
            return true;
          }
        }
      }
      if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        const object = unwrapSatisfies(statement.declaration);
        if (
          object?.type === AST_NODE_TYPES.ObjectExpression &&
          object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === 'fetch')
        ) {
          return true;
        }
      }
    }
    const text = sourceCode.text;
    if (/\b(Deno|Bun)\.serve\s*\(/.test(text)) return true;
    if (/(^|[\\/])middleware\.[cm]?[jt]s$/.test(filename) && /\bexport\s+(async\s+)?function\s+middleware\b|export\s+default/.test(text)) {
      return true;
    }
    const manifest = findManifest(filename);
    return manifest ? hasWranglerConfig(manifest.dir) : false;
  }

  function isAxiosRequestInterceptor(callee: TSESTree.Node): boolean {
    // `<axios or instance>.interceptors.request.use(fn)`
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const request = unwrapExpression(callee.object);
    if (request.type !== AST_NODE_TYPES.MemberExpression || memberName(request) !== 'request') return false;
    const interceptors = unwrapExpression(request.object);
    return interceptors.type === AST_NODE_TYPES.MemberExpression && memberName(interceptors) === 'interceptors';
  }

  /** Forwarding the incoming request or all of its headers: whatever the caller sent goes on. */
  function isPassThrough(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const first = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
    if (first && isIncomingRequest(first)) return true;
    for (const arg of call.arguments) {
      const value = unwrapExpression(arg);
      if (value.type === AST_NODE_TYPES.Identifier && isIncomingRequest(value)) return true;
      if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property.key, property.computed) !== 'headers') continue;
        const headers = unwrapExpression(property.value);
        if (headers.type === AST_NODE_TYPES.Identifier && isCopyOfIncomingHeaders(headers)) return true;
        if (headers.type === AST_NODE_TYPES.MemberExpression && memberName(headers) === 'headers' && isIncomingRequest(unwrapExpression(headers.object))) {
          return true;
        }
        if (headers.type === AST_NODE_TYPES.NewExpression && headers.arguments[0]) {
          const source = unwrapExpression(headers.arguments[0]);
          if (source.type === AST_NODE_TYPES.MemberExpression && memberName(source) === 'headers' && isIncomingRequest(unwrapExpression(source.object))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** `incoming.headers` of an incoming request. */
  function isIncomingHeaders(node: TSESTree.Node): boolean {
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression) {
      return isIncomingHeaders(target.callee.object); // `request.headers.entries()`
    }
    return target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'headers' && isIncomingRequest(unwrapExpression(target.object));
  }

  /**
   * A headers variable that copies every incoming header (minus a deny-list such as hop-by-hop
   * headers): `new Headers(request.headers)`, `{ ...req.headers }`, or filled in a loop over them.
   */
  function isCopyOfIncomingHeaders(id: TSESTree.Identifier): boolean {
    const variable = origins.variableOf(id);
    const def = variable?.defs[0];
    if (def?.type !== 'Variable') return false;
    const init = (def.node as TSESTree.VariableDeclarator).init;
    const value = init ? unwrapExpression(init) : undefined;
    if (value?.type === AST_NODE_TYPES.NewExpression && value.arguments[0] && isIncomingHeaders(value.arguments[0])) return true;
    if (value?.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement && isIncomingHeaders(p.argument))) {
      return true;
    }
    if (value?.type === AST_NODE_TYPES.CallExpression && value.arguments[0] && isIncomingHeaders(value.arguments[0])) return true;
    // Written inside `for (const [name, value] of request.headers) { … }` that drops only a deny-list
    // (`if (!HOP_BY_HOP.has(name))`); a loop that keeps an allow-list leaves the trace headers out.
    return variable!.references.some((reference) => {
      let guardedByAllowList = false;
      for (let node: TSESTree.Node | undefined = reference.identifier.parent; node; node = node.parent) {
        if (node.type === AST_NODE_TYPES.IfStatement && isAllowListTest(node.test)) guardedByAllowList = true;
        if (node.type === AST_NODE_TYPES.ForOfStatement) return isIncomingHeaders(node.right) && !guardedByAllowList;
        if (isFunctionNode(node)) return false;
      }
      return false;
    });
  }

  /** `ALLOWED.has(name)` / `list.includes(name)` not negated: only the listed headers are kept. */
  function isAllowListTest(test: TSESTree.Node): boolean {
    const value = unwrapExpression(test);
    if (value.type === AST_NODE_TYPES.LogicalExpression) return isAllowListTest(value.left) || isAllowListTest(value.right);
    return value.type === AST_NODE_TYPES.CallExpression && ['has', 'includes'].includes(calleeName(value.callee) ?? '');
  }

  /** A parameter that is an incoming request (`request`, `req`, `event.request`) or `new Request(x, request)`. */
  function isIncomingRequest(node: TSESTree.Node): boolean {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const def = origins.variableOf(node)?.defs[0];
      return def?.type === 'Parameter' && /^(req|request|incoming|incomingRequest)$/i.test(node.name);
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node) === 'request' && node.object.type === AST_NODE_TYPES.Identifier;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'clone') {
      return isIncomingRequest(unwrapExpression(node.callee.object)); // `request.clone()` forwards every header
    }
    if (node.type === AST_NODE_TYPES.NewExpression && calleeName(node.callee) === 'Request') {
      return node.arguments.some((arg) => isIncomingRequest(unwrapExpression(arg)));
    }
    return false;
  }

  /** `fetch('data:…')`, `fetch('/static/…')`: nothing to propagate to. */
  function isLocalUrl(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    let first: TSESTree.Node | undefined = call.arguments[0];
    if (first?.type === AST_NODE_TYPES.Identifier) {
      const def = origins.variableOf(first)?.defs[0];
      first = def?.type === 'Variable' ? ((def.node as TSESTree.VariableDeclarator).init ?? undefined) : undefined;
    }
    const url = first ? staticString(first) ?? templateHead(first) : undefined;
    return url !== undefined && /^(data:|blob:|file:|\.{0,2}\/(?!\/))/.test(url);
  }

  /** Whether the handler does traced work (starts spans or calls out) and whether it extracts. */
  function judgeHandler(fn: FunctionNode): { works: boolean; extracts: boolean; startsSpan: boolean } {
    let works = false;
    let startsSpan = false;
    let extracts = false;
    const visit = (root: TSESTree.Node, depth: number) => {
      walk(sourceCode, root, (node) => {
        if (extracts) return false;
        if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return true;
        const callee = unwrapExpression(node.callee);
        const name = calleeName(callee);
        if (node.type === AST_NODE_TYPES.CallExpression) {
          if (propagationJudge.isExtractCall(node)) {
            extracts = true;
            return false;
          }
          if ((name === 'startActiveSpan' || name === 'startSpan') && callee.type === AST_NODE_TYPES.MemberExpression) {
            works = true;
            if (depth === 0) startsSpan = true;
          }
          const client = findOutboundClient(origins.key(callee), 'call');
          if (client && !isPassThrough(node) && !(client.fetchLike && isLocalUrl(node))) works = true;
          if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && isGrpcClientCall(callee, name)) works = true;
          if (depth < 1) {
            const local = origins.localFunction(callee);
            if (local) visit(local.body, depth + 1);
          }
        } else if (findOutboundClient(origins.key(node), 'new') && !isPassThrough(node)) {
          works = true;
        }
        return true;
      });
    };
    visit(fn.body, 0);
    return { works, extracts, startsSpan };
  }

  function isApiGatewayHandler(fn: FunctionNode): boolean {
    const param = fn.params[0];
    if (!param || param.type !== AST_NODE_TYPES.Identifier) return false;
    const type = param.typeAnnotation?.typeAnnotation;
    if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) {
      if (/^(APIGateway|ALB|LambdaFunctionURL)/.test(type.typeName.name)) return true;
    }
    let usesHeaders = false;
    walk(sourceCode, fn.body, (node) => {
      if (usesHeaders) return false;
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.Identifier &&
        node.object.name === param.name &&
        ['headers', 'requestContext', 'httpMethod', 'rawPath', 'pathParameters', 'queryStringParameters'].includes(memberName(node) ?? '')
      ) {
        usesHeaders = true;
      }
      return !usesHeaders;
    });
    return usesHeaders;
  }
}

function unwrapSatisfies(node: TSESTree.Node | null | undefined): TSESTree.Node | undefined {
  return node ? unwrapExpression(node) : undefined;
}

function templateHead(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.TemplateLiteral ? node.quasis[0]?.value.cooked ?? undefined : undefined;
}
