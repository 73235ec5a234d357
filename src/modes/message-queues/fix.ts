/**
 * Mode 3 fixes: producers write the context into the client's own carrier with `injectContext`
 * and its siblings (a new object; the caller's stays untouched); consumers run in the extracted
 * context under a CONSUMER span named `process <destination>` (batches: one span per message,
 * linked to the message's context).
 *
 * A consumer fix moves code into a callback, which is only safe when nothing in that code jumps
 * out of it: a `break`/`continue` aimed at a loop outside, a `return` (except where the moved code
 * is the rest of a function body), a `yield`, or a `var` that code after it reads. Then the
 * finding stays without a suggestion.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { walk } from '../../core/ast';
import {
  fileStyle,
  indentLines,
  lineIndent,
  planAddProperty,
  quoteString,
  wrapBlock,
  type FileStyle,
  type FixPlan,
  type TextEdit,
  type WrapperImport,
} from '../../core/fix-plan';
import {
  findVariable,
  getOrigins,
  isFunctionNode,
  isRequireCall,
  memberName,
  propertyKeyName,
  staticString,
  unwrapExpression,
  type FunctionNode,
} from '../../core/origins';
import { importedLocalName, wrapperSpecifier } from '../../core/wrapper-module';
import type { WrapperName } from '../../core/wrappers';
import type { TraceContextSettings } from '../../settings';
import type { CarrierConstructor, Consumer, Pull, ValueSource } from './catalog';
import type { ConsumerFinding, MessageQueueFinding, MessageQueueOptions, ProducerFinding, SuggestionId } from './detect';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A FixPlan and the suggestion message that offers it. */
export interface MessageQueueFix extends FixPlan {
  readonly suggestion: SuggestionId;
}

export function planMessageQueueFix(
  sourceCode: SourceCode,
  filename: string,
  finding: MessageQueueFinding,
  settings: TraceContextSettings,
  options: MessageQueueOptions = { allowPayloadChanges: false },
): MessageQueueFix | undefined {
  const module = wrapperSpecifier(filename, settings.wrapperModule);
  if (finding.customFix) {
    const locals: Partial<Record<WrapperName, string>> = {};
    const imports: WrapperImport[] = [];
    for (const wrapper of finding.customFix.wrappers) {
      const existing = importedLocalName(sourceCode, module, wrapper);
      locals[wrapper] = existing ?? wrapper;
      if (!existing) imports.push({ module, name: wrapper });
    }
    const edits = finding.customFix.plan(locals);
    if (!edits || edits.length === 0 || overlapping(edits)) return undefined;
    return { edits, imports, suggestion: finding.customFix.suggestion };
  }
  const fix = new FixWriter(sourceCode, module, options);
  const planned = finding.kind === 'producer' ? planProducer(fix, finding) : planConsumer(fix, finding);
  if (!planned || planned.edits.length === 0 || overlapping(planned.edits)) return undefined;
  return { edits: planned.edits, imports: fix.imports, suggestion: planned.suggestion };
}

/**
 * Edits one suggestion cannot hold together (a loop nested in another one that is also wrapped, a
 * receive inside a loop over its own messages): ESLint refuses them, so the finding stays report-only.
 */
function overlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  return sorted.some((edit, i) => i > 0 && edit.range[0] < sorted[i - 1]!.range[1]);
}

interface Planned {
  readonly edits: readonly TextEdit[];
  readonly suggestion: SuggestionId;
}

/** What every plan needs: the source, the file's style, and the imports the edits use. */
class FixWriter {
  readonly imports: WrapperImport[] = [];
  readonly style: FileStyle;

  constructor(
    readonly sourceCode: SourceCode,
    private readonly wrapperModule: string,
    readonly options: MessageQueueOptions,
  ) {
    this.style = fileStyle(sourceCode);
  }

  /** The local name of a wrapper, imported from the wrapper module unless the file already has it. */
  wrapper(name: WrapperName | 'payloadContext'): string {
    return this.from(this.wrapperModule, name);
  }

  /** The local name of `name` from `module`, imported unless the file already has it. */
  from(module: string, name: string): string {
    const existing = importedLocalName(this.sourceCode, module, name);
    if (existing) return existing;
    if (!this.imports.some((item) => item.module === module && item.name === name)) this.imports.push({ module, name });
    return name;
  }

  quote(text: string): string {
    return quoteString(text, this.style);
  }

  get semi(): string {
    return this.style.semi ? ';' : '';
  }

  text(node: TSESTree.Node): string {
    return this.sourceCode.getText(node);
  }
}

// ── producers ──────────────────────────────────────────────────────────────────────────────────

function planProducer(fix: FixWriter, finding: ProducerFinding): Planned | undefined {
  const plan = finding.producer?.fix;
  const { call } = finding;
  if (!plan || !call || finding.messageId !== 'producerWithoutContext') return undefined;
  let edits: TextEdit[] | undefined;
  switch (plan.kind) {
    case 'message-literals':
      edits = messageLiteralEdits(fix, call, plan.marker, plan.property, plan.exclude ?? []);
      break;
    case 'options':
      edits = optionsEdits(fix, call, plan.index, plan.property, plan.newCarrier);
      break;
    case 'carrier-argument':
      edits = carrierArgumentEdits(fix, call, plan.index, plan.callbackNext === true);
      break;
    case 'stream-fields':
      edits = streamFieldEdits(fix, call);
      break;
    case 'json-payload':
      edits = fix.options.allowPayloadChanges ? jsonPayloadEdits(fix, call, plan.index) : undefined;
      break;
  }
  return edits && edits.length > 0 ? { edits, suggestion: 'injectIntoMessage' } : undefined;
}

/** Every message literal (`{ value, … }`, `{ body, … }`) in the first argument gets the carrier property. */
function messageLiteralEdits(fix: FixWriter, call: TSESTree.CallExpression, marker: string, property: string, exclude: readonly string[]): TextEdit[] | undefined {
  const arg = call.arguments[0];
  if (!arg) return undefined;
  const edits: TextEdit[] = [];
  walk(fix.sourceCode, arg, (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return true;
    const names = node.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyKeyName(p.key, p.computed) : undefined));
    if (!names.includes(marker) || exclude.some((name) => names.includes(name))) return true;
    edits.push(...carrierEdit(fix, node, property, (maybe) => `${fix.wrapper('injectContext')}(${maybe ?? ''})`));
    return false;
  });
  return edits;
}

/**
 * An options object at `index` whose `property` is the carrier. NATS needs its own `MsgHdrs`
 * class: an empty carrier is `headers()` from the module the file already imports NATS from.
 */
function optionsEdits(
  fix: FixWriter,
  call: TSESTree.CallExpression,
  index: number,
  property: string,
  newCarrier: CarrierConstructor | undefined,
): TextEdit[] | undefined {
  let empty: string | undefined;
  if (newCarrier) {
    empty = carrierConstructor(fix, call, newCarrier);
    if (!empty) return undefined;
  }
  /** The carrier when none is given, or one that may be missing (`options?.headers`). */
  const absent = (maybe: string | undefined) => {
    const carrier = maybe === undefined ? empty ?? '' : empty ? `${maybe} ?? ${empty}` : maybe;
    return `${fix.wrapper('injectContext')}(${carrier})`;
  };
  const options = call.arguments[index];
  if (!options) {
    const last = call.arguments[call.arguments.length - 1];
    if (!last || call.arguments.length !== index || last.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return [{ range: [last.range[1], last.range[1]], text: `, { ${property}: ${absent(undefined)} }` }];
  }
  const value = unwrapExpression(options);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return carrierEdit(fix, value, property, absent);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
    const source = fix.text(options);
    return [{ range: options.range, text: `{ ...${source}, ${property}: ${absent(`${source}?.${property}`)} }` }];
  }
  return undefined;
}

/**
 * `{ …, headers: X }` → `headers: injectContext(X)`; shorthand `{ headers }` → `headers:
 * injectContext(headers)`; no carrier property → one is added, from the last spread's carrier
 * (`absent('base?.headers')`) or from nothing (`absent(undefined)`).
 */
function carrierEdit(
  fix: FixWriter,
  object: TSESTree.ObjectExpression,
  property: string,
  absent: (maybe: string | undefined) => string,
): TextEdit[] {
  const inject = fix.wrapper('injectContext');
  const existing = object.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === property,
  );
  if (existing) {
    if (existing.shorthand) return [{ range: existing.range, text: `${property}: ${inject}(${property})` }];
    return [
      { range: [existing.value.range[0], existing.value.range[0]], text: `${inject}(` },
      { range: [existing.value.range[1], existing.value.range[1]], text: ')' },
    ];
  }
  const spread = [...object.properties].reverse().find((p): p is TSESTree.SpreadElement => p.type === AST_NODE_TYPES.SpreadElement);
  const value = absent(spread ? `${fix.text(spread.argument)}?.${property}` : undefined);
  return [planAddProperty(fix.sourceCode, object, `${property}: ${value}`)];
}

/**
 * The local name of a carrier constructor (`headers`) from the module the file uses for the
 * client: an existing import of it, or a new one merged into the file's import of that module.
 * None when the file uses none of the modules, or a local variable of that name would hide it.
 */
function carrierConstructor(fix: FixWriter, call: TSESTree.CallExpression, constructor: CarrierConstructor): string | undefined {
  for (const module of constructor.modules) {
    const existing = importedLocalName(fix.sourceCode, module, constructor.name);
    if (existing) return `${existing}()`;
  }
  // The module imported for values, else the one the client's type comes from (`import type { NatsConnection }`).
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? getOrigins(fix.sourceCode).resolve(call.callee.object)?.module : undefined;
  // Never a new top-level import of a module the file only loads lazily (`require('nats')` inside a
  // function or a try block: an optional dependency): the file must import it at the top already.
  const module =
    constructor.modules.find((candidate) => importsModule(fix.sourceCode, candidate, false)) ??
    constructor.modules.find((candidate) => candidate === receiver && importsModule(fix.sourceCode, candidate, true));
  if (!module) return undefined;
  if (findVariable(fix.sourceCode.getScope(call), constructor.name)) return undefined; // a local `headers` would hide the import
  return `${fix.from(module, constructor.name)}()`;
}

/** Whether a top-level import or require names `module` (`types`: a type-only import counts too). */
function importsModule(sourceCode: SourceCode, module: string, types: boolean): boolean {
  return sourceCode.ast.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return statement.source.value === module && (types || statement.importKind !== 'type');
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    return statement.declarations.some((declarator) => {
      let init = declarator.init;
      while (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      return !!init && isRequireCall(init, sourceCode) && staticString((init as TSESTree.CallExpression).arguments[0]) === module;
    });
  });
}

/**
 * The argument at `index` is the carrier: `inject(arg)`; missing → `inject()` appended. Where a
 * callback may take its place, a callback there gets `inject(), ` before it, and a value that may
 * be either (a parameter, an import) is left alone.
 */
function carrierArgumentEdits(fix: FixWriter, call: TSESTree.CallExpression, index: number, callbackNext: boolean): TextEdit[] | undefined {
  const inject = fix.wrapper('injectContext');
  const arg = call.arguments[index];
  if (call.arguments.slice(0, index + 1).some((item) => item.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  if (!arg) {
    const last = call.arguments[call.arguments.length - 1];
    if (!last || call.arguments.length !== index) return undefined;
    return [{ range: [last.range[1], last.range[1]], text: `, ${inject}()` }];
  }
  const value = unwrapExpression(arg);
  if (callbackNext && call.arguments.length === index + 1 && value.type !== AST_NODE_TYPES.ObjectExpression) {
    const callback = isFunctionNode(value) || getOrigins(fix.sourceCode).localFunction(value) !== undefined;
    return callback ? [{ range: [arg.range[0], arg.range[0]], text: `${inject}(), ` }] : undefined;
  }
  return [
    { range: [arg.range[0], arg.range[0]], text: `${inject}(` },
    { range: [arg.range[1], arg.range[1]], text: ')' },
  ];
}

/** Redis `XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] id field value …`. */
function streamIdIndex(args: readonly TSESTree.CallExpressionArgument[]): number | undefined {
  const word = (i: number) => {
    const arg = args[i];
    return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? staticString(arg)?.toUpperCase() : undefined;
  };
  let i = 1;
  if (word(i) === 'NOMKSTREAM') i++;
  if (word(i) === 'MAXLEN' || word(i) === 'MINID') {
    i++;
    if (word(i) === '=' || word(i) === '~') i++;
    i++;
    if (word(i) === 'LIMIT') i += 2;
  }
  if (args.slice(0, i + 2).some((arg) => !arg || arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  return i;
}

/** ioredis `xadd(stream, …, id, …fields)` → `xadd(stream, …, id, ...injectContextFields(), …fields)`. */
function streamFieldEdits(fix: FixWriter, call: TSESTree.CallExpression): TextEdit[] | undefined {
  const index = streamIdIndex(call.arguments);
  if (index === undefined) return undefined;
  const id = call.arguments[index]!;
  return [{ range: [id.range[1], id.range[1]], text: `, ...${fix.wrapper('injectContextFields')}()` }];
}

/** `publish(channel, JSON.stringify(x))` → `JSON.stringify(injectPayloadContext(x))`: an object travels with a `_traceContext` field. */
function jsonPayloadEdits(fix: FixWriter, call: TSESTree.CallExpression, index: number): TextEdit[] | undefined {
  const arg = call.arguments[index];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = unwrapExpression(arg);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const { object } = value.callee;
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'JSON' || memberName(value.callee) !== 'stringify') return undefined;
  const data = value.arguments[0];
  if (!data) return undefined;
  const inner = unwrapExpression(data);
  const objectLike = inner.type === AST_NODE_TYPES.ObjectExpression || inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression;
  if (!objectLike) return undefined; // strings, arrays, numbers: no field can be added
  return [
    { range: [data.range[0], data.range[0]], text: `${fix.wrapper('injectPayloadContext')}(` },
    { range: [data.range[1], data.range[1]], text: ')' },
  ];
}

// ── consumers ──────────────────────────────────────────────────────────────────────────────────

/** The queue, topic or subject: a string literal, or code that evaluates to it where the span starts. */
type Destination = { readonly literal: string } | { readonly expression: string };

/** What a consumer fix writes around the code it moves. */
interface Continuation {
  readonly wrapper: 'withExtractedContext' | 'withLinkedContext';
  readonly system: string;
}

function planConsumer(fix: FixWriter, finding: ConsumerFinding): Planned | undefined {
  if (finding.messageId !== 'consumerWithoutContext') return undefined;
  let edits: TextEdit[] | undefined;
  if (finding.iteration) edits = planIteration(fix, finding.iteration.loop, finding.iteration.row, finding.call);
  else if (finding.pull && finding.call) edits = planPull(fix, finding.pull, finding.call);
  else if (finding.consumer && finding.property === 'eachBatch') {
    const batch = finding.handler ? planBatch(fix, finding.handler, finding.consumer) : undefined;
    return batch && batch.length > 0 ? { edits: batch, suggestion: 'linkMessageContext' } : undefined;
  } else if (finding.consumer && finding.handler) edits = planHandler(fix, finding.handler, finding.consumer, finding.call);
  return edits && edits.length > 0 ? { edits, suggestion: 'continueMessageContext' } : undefined;
}

/** A handler written in place: its body runs inside `withExtractedContext(<carrier>, …)`. */
function planHandler(fix: FixWriter, handler: FunctionNode, consumer: Consumer, call: TSESTree.CallExpression | undefined): TextEdit[] | undefined {
  if (!consumer.carrier || !consumer.system) return undefined;
  if (consumer.payload && !fix.options.allowPayloadChanges) return undefined;
  const continuation: Continuation = { wrapper: 'withExtractedContext', system: consumer.system };
  const destination = firstDestination(fix, consumer.destination ?? [], handler, call, handler.body);
  // Leading guards stay outside the span: `if (!msg) return;` (amqplib hands a cancelled consumer
  // `null`) and `if (err) { …; return; }` (NATS callbacks): only a message gets a span.
  const guarded = guardedRest(handler, consumer.carrier.index);
  const carrierOf = (source: ValueSource & { readonly from: 'param' }) => {
    const value = paramValue(handler, source);
    return value && consumer.payload ? `${fix.wrapper('payloadContext')}(${value})` : value;
  };
  if (guarded) {
    const carrier = carrierOf(guarded.messageChecked ? { ...consumer.carrier, optional: false } : consumer.carrier);
    return carrier ? wrapStatements(fix, guarded.rest, carrier, continuation, destination, 'function') : undefined;
  }
  const carrier = carrierOf(consumer.carrier);
  return carrier ? wrapHandler(fix, handler, carrier, continuation, destination) : undefined;
}

/**
 * The statements after the guards a handler's body starts with, when more follows: `if (!msg)
 * return;` on the message parameter, and `if (err) { …; return; }` on another parameter (an
 * error-first callback). `messageChecked`: a guard left only a present message.
 */
function guardedRest(handler: FunctionNode, index: number): { rest: TSESTree.Statement[]; messageChecked: boolean } | undefined {
  const param = handler.params[index];
  if (param?.type !== AST_NODE_TYPES.Identifier || handler.body.type !== AST_NODE_TYPES.BlockStatement || handler.generator) return undefined;
  const others = new Set(handler.params.flatMap((p) => (p !== param && p.type === AST_NODE_TYPES.Identifier ? [p.name] : [])));
  const statements = handler.body.body;
  let messageChecked = false;
  let count = 0;
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !endsWithExit(statement.consequent)) break;
    if (negatedName(statement.test) === param.name) messageChecked = true;
    else if (!others.has(presentName(statement.test) ?? '')) break;
    count += 1;
  }
  const rest = statements.slice(count);
  return count > 0 && rest.length > 0 ? { rest, messageChecked } : undefined;
}

/** `return;`, `throw e;`, or a block that ends with one (`{ log(err); return; }`). */
function endsWithExit(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body[statement.body.length - 1] : statement;
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}

/** The variable a test finds empty: `!msg`, `msg === false`, `msg == null`, `undefined === msg` → `msg`. */
function negatedName(test: TSESTree.Expression): string | undefined {
  return testedName(test, false);
}

/** The variable a test finds present: `msg`, `msg !== false`, `msg != null` → `msg`. */
function presentName(test: TSESTree.Expression): string | undefined {
  return testedName(test, true);
}

function testedName(test: TSESTree.Expression, present: boolean): string | undefined {
  const value = unwrapExpression(test);
  const name = (node: TSESTree.Node) => {
    const operand = unwrapExpression(node);
    return operand.type === AST_NODE_TYPES.Identifier && operand.name !== 'undefined' ? operand.name : undefined;
  };
  if (value.type === AST_NODE_TYPES.Identifier) return present ? name(value) : undefined;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return present ? undefined : name(value.argument);
  if (value.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const equal = value.operator === '===' || value.operator === '==';
  if (!equal && value.operator !== '!==' && value.operator !== '!=') return undefined;
  if (equal === present) return undefined;
  const empty = (node: TSESTree.Node) =>
    (node.type === AST_NODE_TYPES.Literal && (node.value === false || node.value === null)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
  if (empty(value.right)) return name(value.left);
  return empty(value.left) ? name(value.right) : undefined;
}

/** kafkajs `eachBatch`: every loop over `batch.messages` runs each message in its own span, linked to the message's context. */
function planBatch(fix: FixWriter, handler: FunctionNode, consumer: Consumer): TextEdit[] | undefined {
  const param = handler.params[0];
  let batch: string | undefined;
  if (param?.type === AST_NODE_TYPES.Identifier) batch = `${param.name}.batch`;
  else if (param?.type === AST_NODE_TYPES.ObjectPattern) batch = patternBinding(param, 'batch');
  if (!batch || !consumer.system) return undefined;
  const messages = `${batch}.messages`;
  const loops = messageLoops(fix.sourceCode, handler.body, (node) => fix.text(node) === messages && isMemberChain(node));
  const continuation: Continuation = { wrapper: 'withLinkedContext', system: consumer.system };
  return wrapLoops(fix, loops, ['headers'], continuation, () => ({ expression: `${batch}.topic` }));
}

/** `for await (const msg of subscription)`: the loop body runs in each message's context. */
function planIteration(
  fix: FixWriter,
  loop: TSESTree.ForOfStatement,
  row: { readonly carrier: readonly string[]; readonly destinationArgument?: number; readonly system: string },
  source: TSESTree.CallExpression | undefined,
): TextEdit[] | undefined {
  const item = loopItem(loop);
  if (!item) return undefined;
  const subject = row.destinationArgument !== undefined ? source?.arguments[row.destinationArgument] : undefined;
  const destination = subject ? stableValue(fix, subject, loop.body) : undefined;
  return wrapLoops(fix, [{ item, body: loop.body }], row.carrier, { wrapper: 'withExtractedContext', system: row.system }, () => destination);
}

/** `channel.get`, `receiveMessages`, `xread`: the code that processes what the call pulled. */
function planPull(fix: FixWriter, pull: Pull, call: TSESTree.CallExpression): TextEdit[] | undefined {
  const plan = pull.fix;
  if (!plan) return undefined;
  const continuation: Continuation = { wrapper: 'withExtractedContext', system: plan.system };
  const destinationAt = (at: TSESTree.Node): Destination | undefined => {
    if (!plan.destination) return undefined;
    const node = plan.destination.from === 'argument' ? call.arguments[plan.destination.index] : receiverArgument(fix, call, plan.destination.index);
    return node ? stableValue(fix, node, at) : undefined;
  };
  if (plan.shape === 'single') return planSingle(fix, call, plan.carrier, continuation, destinationAt);
  const direct = directLoop(call);
  if (direct && plan.shape === 'list') return wrapLoops(fix, [direct], plan.carrier, continuation, destinationAt);
  const result = resultVariable(fix, call);
  const fn = enclosingFunction(call);
  if (!result || !fn) return undefined;
  const isResult = (node: TSESTree.Node) => refersTo(fix, stripFallback(node), result);
  if (plan.shape === 'list') return wrapLoops(fix, messageLoops(fix.sourceCode, fn.body, isResult), plan.carrier, continuation, destinationAt);
  return planStreams(fix, call, fn, isResult, plan.carrier, plan.streams!, continuation);
}

/**
 * An `xread` reply: a loop over the streams, and inside it a loop over each stream's entries; or
 * a loop straight over the first stream's entries (`reply[0][1]`, `reply[0].messages`).
 */
function planStreams(
  fix: FixWriter,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  isResult: (node: TSESTree.Node) => boolean,
  carrier: readonly string[],
  streams: { readonly entries: readonly string[]; readonly name: readonly string[] },
  continuation: Continuation,
): TextEdit[] | undefined {
  const loops: MessageLoop[] = [];
  const names = new Map<MessageLoop, Destination | undefined>();
  // A one-stream read names its stream in the call; otherwise each stream's name is read from the outer loop.
  const key = streamKey(call);
  for (const outer of messageLoops(fix.sourceCode, fn.body, isResult)) {
    const entries = itemValue(outer.item, streams.entries);
    const name = itemValue(outer.item, streams.name);
    if (!entries) return undefined;
    for (const inner of messageLoops(fix.sourceCode, outer.body, (node) => fix.text(stripFallback(node)) === entries && isMemberChain(stripFallback(node)))) {
      loops.push(inner);
      names.set(inner, name ? bindingValue(fix, outer.item, name, inner.body) : key ? stableValue(fix, key, inner.body) : undefined);
    }
  }
  const firstStream = (node: TSESTree.Node): boolean => {
    const path = memberPath(stripFallback(node));
    return !!path && isResult(path.root) && path.names.join('.') === ['0', ...streams.entries].join('.');
  };
  for (const direct of messageLoops(fix.sourceCode, fn.body, firstStream)) {
    loops.push(direct);
    names.set(direct, key ? stableValue(fix, key, direct.body) : undefined);
  }
  return wrapLoops(fix, loops, carrier, continuation, (at) => names.get(loops.find((loop) => loop.body === at)!));
}

/** The stream key of a one-stream read: ioredis `…, 'STREAMS', key, id`; redis `{ key, id }`. */
function streamKey(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const args = call.arguments;
  for (const arg of args) {
    if (arg.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const key = arg.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === 'key');
    if (key) return key.value;
  }
  const at = args.findIndex((arg) => staticString(arg)?.toUpperCase() === 'STREAMS');
  return at >= 0 && args.length - at === 3 && args[at + 1]?.type !== AST_NODE_TYPES.SpreadElement ? args[at + 1] : undefined;
}

/**
 * `const msg = await channel.get(queue)` followed by a guard: `if (!msg) return;` or `if (msg ===
 * false) break;` (the rest of the block runs in the context), or `if (msg) { … }` (that block does).
 */
function planSingle(
  fix: FixWriter,
  call: TSESTree.CallExpression,
  carrierPath: readonly string[],
  continuation: Continuation,
  destinationAt: (at: TSESTree.Node) => Destination | undefined,
): TextEdit[] | undefined {
  const declarator = awaitedInto(call);
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  if (declaration.kind !== 'const' || declaration.declarations.length !== 1) return undefined;
  const block = declaration.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const name = declarator.id.name;
  const carrier = [name, ...carrierPath].join('.');
  const index = block.body.indexOf(declaration);
  const guard = block.body[index + 1];
  if (guard?.type !== AST_NODE_TYPES.IfStatement || guard.alternate) return undefined;
  if (presentName(guard.test) === name) {
    // `if (msg) { … }`
    const body = guard.consequent;
    if (body.type !== AST_NODE_TYPES.BlockStatement) return wrapStatement(fix, body, carrier, continuation, destinationAt(body));
    return wrapStatements(fix, body.body, carrier, continuation, destinationAt(body), undefined);
  }
  if (negatedName(guard.test) !== name || !isJump(guard.consequent)) return undefined;
  const rest = block.body.slice(index + 2);
  return wrapStatements(fix, rest, carrier, continuation, rest[0] ? destinationAt(rest[0]) : undefined, tailOf(block));
}

/**
 * Whether a block ends its function: the function's body (`function`), or the `try` block of a
 * `try` statement that ends such a block (`try`: `return await` keeps `catch` and `finally` around
 * the moved code). Moved statements there may `return`, and falling off their end returns too.
 */
function tailOf(block: TSESTree.BlockStatement): 'function' | 'try' | undefined {
  const parent = block.parent;
  if (isFunctionNode(parent) && parent.body === block) return 'function';
  if (parent?.type !== AST_NODE_TYPES.TryStatement || parent.block !== block) return undefined;
  const outer = parent.parent;
  if (outer?.type !== AST_NODE_TYPES.BlockStatement || outer.body[outer.body.length - 1] !== parent) return undefined;
  return tailOf(outer) ? 'try' : undefined;
}

/** `return;`, `throw …`, `break`, `continue`, alone or as the only statement of a block. */
function isJump(statement: TSESTree.Statement): boolean {
  const single = statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 ? statement.body[0]! : statement;
  return (
    single.type === AST_NODE_TYPES.ReturnStatement ||
    single.type === AST_NODE_TYPES.ThrowStatement ||
    single.type === AST_NODE_TYPES.BreakStatement ||
    single.type === AST_NODE_TYPES.ContinueStatement
  );
}

// ── loops over messages ────────────────────────────────────────────────────────────────────────

/** A loop over messages: the per-message binding, and the code that runs for each. */
interface MessageLoop {
  readonly item: TSESTree.Node;
  /** A `for…of` body, or the callback of `forEach` / `map`. */
  readonly body: TSESTree.Statement | FunctionNode;
}

/**
 * Loops over a list of messages inside `root`: `for (const m of list)`, `list.forEach((m) => …)`,
 * `list.map(async (m) => …)`. A synchronous `map` with an expression body (`list.map((m) => m.offset)`)
 * only picks values out: it is not processing.
 */
function messageLoops(sourceCode: SourceCode, root: TSESTree.Node, isList: (node: TSESTree.Node) => boolean): MessageLoop[] {
  const loops: MessageLoop[] = [];
  walk(sourceCode, root, (node) => {
    if (node.type === AST_NODE_TYPES.ForOfStatement && isList(unwrapExpression(node.right))) {
      const item = loopItem(node);
      if (item) loops.push({ item, body: node.body });
      else loops.push({ item: node.left, body: node.body }); // not fixable: reported by wrapLoops
    } else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(node.callee);
      const callback = node.arguments[0] ? unwrapExpression(node.arguments[0]) : undefined;
      if ((method === 'forEach' || method === 'map') && isList(unwrapExpression(node.callee.object)) && isFunctionNode(callback) && callback.params[0]) {
        const picks = method === 'map' && !callback.async && callback.body.type !== AST_NODE_TYPES.BlockStatement;
        if (!picks) loops.push({ item: callback.params[0], body: callback });
      }
    }
    return true;
  });
  return loops;
}

/** `for (const m of …)` → `m` (or its pattern). */
function loopItem(loop: TSESTree.ForOfStatement): TSESTree.Node | undefined {
  const left = loop.left;
  if (left.type !== AST_NODE_TYPES.VariableDeclaration || left.declarations.length !== 1) return undefined;
  return left.declarations[0]!.id;
}

/** A loop the SDK pulled into directly: `for (const m of await receiver.receiveMessages(10))`. */
function directLoop(call: TSESTree.CallExpression): MessageLoop | undefined {
  const awaited = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : undefined;
  const loop = awaited?.parent;
  if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.right !== awaited) return undefined;
  const item = loopItem(loop);
  return item ? { item, body: loop.body } : undefined;
}

/** Wraps every loop's per-message code; none when one of them cannot be wrapped safely (all or nothing). */
function wrapLoops(
  fix: FixWriter,
  loops: readonly MessageLoop[],
  carrierPath: readonly string[],
  continuation: Continuation,
  destinationAt: (at: TSESTree.Statement | FunctionNode) => Destination | undefined,
): TextEdit[] | undefined {
  if (loops.length === 0) return undefined;
  const edits: TextEdit[] = [];
  for (const loop of loops) {
    const carrier = itemValue(loop.item, carrierPath);
    if (!carrier) return undefined;
    const destination = destinationAt(loop.body);
    const wrapped = isFunctionNode(loop.body)
      ? wrapHandler(fix, loop.body, carrier, continuation, destination)
      : wrapStatement(fix, loop.body, carrier, continuation, destination);
    if (!wrapped) return undefined;
    edits.push(...wrapped);
  }
  return edits;
}

// ── the code a fix writes ──────────────────────────────────────────────────────────────────────

/** `{ name: 'process orders', kind: 'consumer', attributes: { 'messaging.system': …, 'messaging.destination.name': … } }`. */
function spanOptions(fix: FixWriter, system: string, destination: Destination | undefined): string {
  const q = (text: string) => fix.quote(text);
  if (!destination) return `{ name: ${q('process')}, kind: ${q('consumer')}, attributes: { ${q('messaging.system')}: ${q(system)} } }`;
  const name = 'literal' in destination ? q(`process ${destination.literal}`) : `\`process \${${destination.expression}}\``;
  const value = 'literal' in destination ? q(destination.literal) : destination.expression;
  return `{ name: ${name}, kind: ${q('consumer')}, attributes: { ${q('messaging.system')}: ${q(system)}, ${q('messaging.destination.name')}: ${value} } }`;
}

/** A function's body → `return wrapper(carrier, () => { body }, span);` (an expression body is wrapped in place). */
function wrapHandler(fix: FixWriter, fn: FunctionNode, carrier: string, continuation: Continuation, destination: Destination | undefined): TextEdit[] | undefined {
  if (fn.generator) return undefined;
  const wrapper = fix.wrapper(continuation.wrapper);
  const span = spanOptions(fix, continuation.system, destination);
  const arrow = fn.async ? 'async () =>' : '() =>';
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    let [start, end] = fn.body.range;
    const before = fix.sourceCode.getTokenBefore(fn.body);
    const after = fix.sourceCode.getTokenAfter(fn.body);
    if (before?.value === '(' && after?.value === ')' && before.range[0] > (fn.params[fn.params.length - 1]?.range[1] ?? fn.range[0])) {
      // `() => ({ … })`: the parentheses go along, or the object would become a block
      [start, end] = [before.range[0], after.range[1]];
    }
    return [
      { range: [start, start], text: `${wrapper}(${carrier}, ${arrow} ` },
      { range: [end, end], text: `, ${span})` },
    ];
  }
  if (fn.body.body.length === 0) return undefined;
  return [wrapBlock(fix.sourceCode, fn.body, `return ${wrapper}(${carrier}, ${arrow} {`, `}, ${span})${fix.semi}`)];
}

/** A loop body in place → `[await ]wrapper(carrier, [async ]() => { body }, span);`. */
function wrapStatement(fix: FixWriter, body: TSESTree.Statement, carrier: string, continuation: Continuation, destination: Destination | undefined): TextEdit[] | undefined {
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    if (body.body.length === 0 || !movable(fix, body.body, false)) return undefined;
    const { open, close } = statementCall(fix, body.body, carrier, continuation, destination);
    return [wrapBlock(fix.sourceCode, body, open, close)];
  }
  // `for (…) work();` → a block on its own lines, indented from the loop (or `if`) it belongs to
  const before = fix.sourceCode.getTokenBefore(body);
  if (!before || !movable(fix, [body], false)) return undefined;
  const { open, close } = statementCall(fix, [body], carrier, continuation, destination);
  const { eol, indentUnit } = fix.style;
  const indent = lineIndent(fix.sourceCode.text, body.parent.range[0]);
  const inner = indent + indentUnit;
  const content = indentLines(fix.sourceCode, body.range[0], body.range[1], indentUnit);
  return [{ range: [before.range[1], body.range[1]], text: ` {${eol}${inner}${open}${eol}${inner}${indentUnit}${content}${eol}${inner}${close}${eol}${indent}}` }];
}

/**
 * Statements of a block → one call running them in the context. At the end of a function (`tail`),
 * `return wrapper(…)` keeps their `return`s; elsewhere nothing may jump out of them.
 */
function wrapStatements(
  fix: FixWriter,
  statements: readonly TSESTree.Statement[],
  carrier: string,
  continuation: Continuation,
  destination: Destination | undefined,
  tail: 'function' | 'try' | undefined,
): TextEdit[] | undefined {
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (!first || !last || !movable(fix, statements, tail !== undefined)) return undefined;
  const call = statementCall(fix, statements, carrier, continuation, destination);
  // Inside `try`, the awaited call keeps `finally` from running before the moved code is done.
  const open = tail === 'function' ? `return ${call.open.replace(/^await /, '')}` : tail === 'try' ? `return ${call.open}` : call.open;
  const { close } = call;
  const { text } = fix.sourceCode;
  let end = last.range[1];
  for (const comment of fix.sourceCode.getCommentsAfter(last)) {
    if (comment.loc.start.line !== last.loc.end.line) break;
    end = comment.range[1];
  }
  const indent = lineIndent(text, first.range[0]);
  const { eol, indentUnit } = fix.style;
  const content = indentLines(fix.sourceCode, first.range[0], end, indentUnit);
  return [{ range: [first.range[0], end], text: `${open}${eol}${indent}${indentUnit}${content}${eol}${indent}${close}` }];
}

/** The opening and closing text around moved statements: async (and awaited) when they await. */
function statementCall(
  fix: FixWriter,
  statements: readonly TSESTree.Statement[],
  carrier: string,
  continuation: Continuation,
  destination: Destination | undefined,
): { open: string; close: string } {
  const wrapper = fix.wrapper(continuation.wrapper);
  const awaits = statements.some((statement) => hasOwnAwait(fix.sourceCode, statement));
  const open = awaits ? `await ${wrapper}(${carrier}, async () => {` : `${wrapper}(${carrier}, () => {`;
  return { open, close: `}, ${spanOptions(fix, continuation.system, destination)})${fix.semi}` };
}

/**
 * Whether statements can move into an arrow function unchanged: no `yield`, no `var` (it would no
 * longer be visible after them), no `break`/`continue` aimed outside them, and no `return` unless
 * they end a function body (`returns`).
 */
function movable(fix: FixWriter, statements: readonly TSESTree.Statement[], returns: boolean): boolean {
  const roots = new Set<TSESTree.Node>(statements);
  let ok = true;
  for (const statement of statements) {
    walk(fix.sourceCode, statement, (node) => {
      if (!ok) return false;
      if (isFunctionNode(node)) return false;
      switch (node.type) {
        case AST_NODE_TYPES.YieldExpression:
          ok = false;
          break;
        case AST_NODE_TYPES.ReturnStatement:
          ok = returns;
          break;
        case AST_NODE_TYPES.VariableDeclaration:
          if (node.kind === 'var') ok = false;
          break;
        case AST_NODE_TYPES.BreakStatement:
        case AST_NODE_TYPES.ContinueStatement:
          ok = jumpStaysInside(node, roots);
          break;
        default:
          break;
      }
      return ok;
    });
    if (!ok) return false;
  }
  return true;
}

/** A `break`/`continue` whose target (a loop, a `switch`, a label) is inside the moved statements. */
function jumpStaysInside(jump: TSESTree.BreakStatement | TSESTree.ContinueStatement, roots: ReadonlySet<TSESTree.Node>): boolean {
  for (let current: TSESTree.Node | undefined = jump.parent; current; current = current.parent) {
    if (jump.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === jump.label.name) return true;
    } else if (
      current.type === AST_NODE_TYPES.ForStatement ||
      current.type === AST_NODE_TYPES.ForInStatement ||
      current.type === AST_NODE_TYPES.ForOfStatement ||
      current.type === AST_NODE_TYPES.WhileStatement ||
      current.type === AST_NODE_TYPES.DoWhileStatement ||
      (current.type === AST_NODE_TYPES.SwitchStatement && jump.type === AST_NODE_TYPES.BreakStatement)
    ) {
      return true;
    }
    if (roots.has(current)) return false;
  }
  return false;
}

/** `await` or `for await` in a statement's own code (not in functions inside it). */
function hasOwnAwait(sourceCode: SourceCode, root: TSESTree.Node): boolean {
  let found = false;
  walk(sourceCode, root, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
    return !found;
  });
  return found;
}

// ── values: carriers and destinations ──────────────────────────────────────────────────────────

/** A handler parameter, with a property path: `msg?.properties.headers`; a destructured `{ message }` gives `message.headers`. */
function paramValue(fn: FunctionNode, source: ValueSource & { readonly from: 'param' }): string | undefined {
  const param = fn.params[source.index];
  if (!param) return undefined;
  const path = source.path ?? [];
  if (param.type === AST_NODE_TYPES.Identifier && source.optional && path.length > 0) return `${param.name}?.${path.join('.')}`;
  return itemValue(param, path);
}

/**
 * A value read from a binding: `m.headers` for `m`, `headers` for `{ headers }`, `fields` for
 * `[id, fields]` (path `1`), `entry[1]` for `entry`. None when a pattern does not bind it.
 */
function itemValue(item: TSESTree.Node, path: readonly string[]): string | undefined {
  if (item.type === AST_NODE_TYPES.Identifier) return item.name + path.map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('');
  const [first, ...rest] = path;
  if (first === undefined) return undefined;
  let bound: TSESTree.Node | null | undefined;
  if (item.type === AST_NODE_TYPES.ObjectPattern) {
    const property = item.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === first,
    );
    bound = property?.value;
  } else if (item.type === AST_NODE_TYPES.ArrayPattern && /^\d+$/.test(first)) {
    bound = item.elements[Number(first)];
  }
  return bound ? itemValue(bound, rest) : undefined;
}

/** The name a destructured parameter binds a property to: `{ batch }` → `batch`. */
function patternBinding(pattern: TSESTree.ObjectPattern, name: string): string | undefined {
  const value = itemValue(pattern, [name]);
  return value && /^[\w$]+$/.test(value) ? value : undefined;
}

/** `batch.messages`, `stream[1]`: member accesses on an identifier, nothing computed but numbers. */
function isMemberChain(node: TSESTree.Node): boolean {
  return !!memberPath(node);
}

/** `reply[0][1]` → root `reply`, names `0`, `1` (optional chains and `!` skipped). */
function memberPath(node: TSESTree.Node): { root: TSESTree.Identifier; names: string[] } | undefined {
  const names: string[] = [];
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current) ?? (current.property.type === AST_NODE_TYPES.Literal && typeof current.property.value === 'number' ? String(current.property.value) : undefined);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrapExpression(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? { root: current, names } : undefined;
}

/** `reply ?? []`, `reply || []`: the reply itself. */
function stripFallback(node: TSESTree.Node): TSESTree.Node {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '??' || value.operator === '||')) return unwrapExpression(value.left);
  return value;
}

/** `stream` or `s.name` read from a loop's binding, as code, when that binding is what the name means at `at`. */
function bindingValue(fix: FixWriter, item: TSESTree.Node, text: string, at: TSESTree.Node): Destination | undefined {
  const root = /^[\w$]+/.exec(text)?.[0];
  let binding: TSESTree.Identifier | undefined;
  walk(fix.sourceCode, item, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && node.name === root) binding = node;
    return !binding;
  });
  if (!binding || !root) return undefined;
  const variable = getOrigins(fix.sourceCode).variableOf(binding);
  return variable && findVariable(fix.sourceCode.getScope(at), root) === variable ? { expression: text } : undefined;
}

/** `const reply = await redis.xread(…)` → `reply`'s variable. */
function resultVariable(fix: FixWriter, call: TSESTree.CallExpression): TSESLint.Scope.Variable | undefined {
  const parent = awaitedInto(call);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return getOrigins(fix.sourceCode).variableOf(parent.id);
}

/** What takes the awaited result of a call: `const x = (await call()) as T` → the declarator. */
function awaitedInto(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  let awaited = false;
  let current: TSESTree.Node | undefined = call.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.AwaitExpression && !awaited) awaited = true;
    else if (
      current.type !== AST_NODE_TYPES.TSAsExpression &&
      current.type !== AST_NODE_TYPES.TSNonNullExpression &&
      current.type !== AST_NODE_TYPES.TSSatisfiesExpression &&
      current.type !== AST_NODE_TYPES.TSTypeAssertion
    ) {
      break;
    }
    current = current.parent;
  }
  return awaited ? current : undefined;
}

function refersTo(fix: FixWriter, node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  return node.type === AST_NODE_TYPES.Identifier && getOrigins(fix.sourceCode).variableOf(node) === variable;
}

/** The first destination the row names that can be evaluated where the span starts. */
function firstDestination(
  fix: FixWriter,
  sources: readonly ValueSource[],
  handler: FunctionNode,
  call: TSESTree.CallExpression | undefined,
  at: TSESTree.Node,
): Destination | undefined {
  for (const source of sources) {
    if (source.from === 'param') {
      const value = paramValue(handler, source);
      if (value) return { expression: value };
      continue;
    }
    const node = source.from === 'argument' ? call?.arguments[source.index] : call ? receiverArgument(fix, call, source.index) : undefined;
    const destination = node ? stableValue(fix, node, at) : undefined;
    if (destination) return destination;
  }
  return undefined;
}

/**
 * A string literal as its text; an identifier or a member chain (`config.queue`, `this.queue`)
 * as code, when it names the same thing at `at` (not shadowed, the same `this`). Calls and other
 * expressions are not repeated: they could do something else the second time.
 */
function stableValue(fix: FixWriter, node: TSESTree.Node, at: TSESTree.Node): Destination | undefined {
  const literal = staticString(unwrapExpression(node));
  if (literal !== undefined) return { literal };
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    if (thisScope(root) !== thisScope(at)) return undefined;
  } else if (root.type === AST_NODE_TYPES.Identifier) {
    const origins = getOrigins(fix.sourceCode);
    const variable = origins.variableOf(root);
    if (!variable || variable.defs.length === 0 || findVariable(fix.sourceCode.getScope(at), root.name) !== variable) return undefined;
  } else return undefined;
  return { expression: fix.text(unwrapExpression(node)) };
}

/** The function whose `this` code at `node` sees (arrow functions see their parent's). */
function thisScope(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return current;
  }
  return undefined;
}

/** `receiver.subscribe(…)` with `const receiver = client.createReceiver('orders')` → the `'orders'` argument (literals only). */
function receiverArgument(fix: FixWriter, call: TSESTree.CallExpression, index: number): TSESTree.Node | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const receiver = unwrapExpression(call.callee.object);
  let creator: TSESTree.Node | undefined = receiver;
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const def = getOrigins(fix.sourceCode).variableOf(receiver)?.defs[0];
    creator = def?.type === 'Variable' ? ((def.node as TSESTree.VariableDeclarator).init ?? undefined) : undefined;
  }
  while (creator?.type === AST_NODE_TYPES.AwaitExpression) creator = unwrapExpression(creator.argument);
  if (creator?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const arg = creator.arguments[index];
  return arg && staticString(arg) !== undefined ? arg : undefined;
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}
