/**
 * "Where does this value come from?" — the one seam every mode asks.
 *
 * An origin is a module (or the global object) plus a path of property names from it. Two markers
 * extend the path: `#new` for an instance created with `new` (or a value typed as that class), and
 * `#call` for the value a call returns. `import cron from 'node-cron'; cron.schedule` and
 * `require('node-cron').schedule` both resolve to `node-cron` + `['schedule']` once the default
 * interop segment is dropped (see `originKey`).
 *
 * Today the answer comes from imports, requires and same-file declarations (ESLint's scope
 * manager); a type-checker source can be added here later without touching the modes.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

export const NEW = '#new';
export const CALL = '#call';

export interface Origin {
  /** Module specifier without a `node:` prefix; `null` for a global. */
  readonly module: string | null;
  readonly path: readonly string[];
}

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;
type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 24;
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);

export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/**
 * `module:path` with a leading `default` segment dropped, so that default-import interop and
 * `require` give the same key: `node-cron:schedule`, `cron:CronJob.#new`, `:setInterval` (global).
 */
export function originKey(origin: Origin): string {
  const path = origin.path[0] === 'default' ? origin.path.slice(1) : origin.path;
  return `${origin.module ?? ''}:${path.join('.')}`;
}

/** Strips parentheses-free TS wrappers: `x as T`, `x!`, `<T>x`, `x satisfies T`, `a?.b` chains. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a member expression's property (`a.b`, `a['b']`), if it has one. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    if (node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : undefined;
  }
  const property = node.property;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Name of a property key (`a`, `'a'`, `[`a`]`), if static. */
export function propertyKeyName(key: TSESTree.Node, computed = false): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  return undefined;
}

/** Finds a variable by name from a scope outwards. */
export function findVariable(scope: Scope | null, name: string): Variable | undefined {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

export function isRequireCall(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const { callee } = node;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return false;
  const arg = node.arguments[0];
  if (node.arguments.length !== 1 || !arg || !isStringLike(arg)) return false;
  const variable = findVariable(sourceCode.getScope(node), 'require');
  return !variable || variable.defs.length === 0;
}

function isStringLike(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
  );
}

export function staticString(node: TSESTree.Node | undefined | null): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Per-file origin resolver; build one per lint run with `getOrigins(sourceCode)`. */
export class OriginResolver {
  private readonly cache = new WeakMap<TSESTree.Node, Origin | null>();
  private truncated = false;
  private readonly classMembers = new WeakMap<TSESTree.Node, Map<string, TSESTree.Node[]>>();

  constructor(private readonly sourceCode: SourceCode) {}

  /** Where the value of an expression comes from, or `undefined` for local/unknown values. */
  resolve(node: TSESTree.Node, depth = 0): Origin | undefined {
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (depth > MAX_DEPTH) {
      this.truncated = true;
      return undefined;
    }
    // A result cut short by the depth limit is not cached: a shallower question may still get an answer.
    const outer = this.truncated;
    this.truncated = false;
    const result = this.compute(unwrapExpression(node), depth);
    if (!this.truncated) this.cache.set(node, result ?? null);
    this.truncated ||= outer;
    return result;
  }

  /** `originKey` of `resolve(node)`, or `undefined`. */
  key(node: TSESTree.Node): string | undefined {
    const origin = this.resolve(node);
    return origin ? originKey(origin) : undefined;
  }

  /** The variable an identifier refers to (through ESLint's scope manager). */
  variableOf(node: TSESTree.Identifier): Variable | undefined {
    return findVariable(this.sourceCode.getScope(node), node.name);
  }

  /**
   * The initialiser of the variable an identifier names (`const options = { … }` → the object), for
   * a plain `let`/`const`/`var x = …` declarator; with `constOnly`, only a `const` (never reassigned).
   */
  variableInit(node: TSESTree.Identifier, constOnly = false): TSESTree.Expression | undefined {
    const def = this.variableOf(node)?.defs[0];
    if (def?.type !== 'Variable') return undefined;
    if (constOnly && (def.parent as TSESTree.VariableDeclaration | null)?.kind !== 'const') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    return declarator.id.type === AST_NODE_TYPES.Identifier ? (declarator.init ?? undefined) : undefined;
  }

  private compute(node: TSESTree.Node, depth: number): Origin | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.fromIdentifier(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(node);
        if (name === undefined) return undefined;
        if (node.object.type === AST_NODE_TYPES.ThisExpression) return this.fromThisMember(node, name, depth);
        const object = unwrapExpression(node.object);
        if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name)) {
          const variable = this.variableOf(object);
          if (!variable || variable.defs.length === 0) return { module: null, path: [name] };
        }
        const base = this.resolve(node.object, depth + 1);
        return base ? { module: base.module, path: [...base.path, name] } : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (isRequireCall(node, this.sourceCode)) {
          return { module: normalizeModule(staticString(node.arguments[0]!)!), path: [] };
        }
        const callee = unwrapExpression(node.callee);
        const chained = this.fromThen(node, callee, depth);
        if (chained) return chained;
        // A `.then` chain cut short by the depth limit: resolving the receiver again through the
        // callee would redo the same work once per link (exponential on long chains) for nothing.
        if (this.truncated) return undefined;
        const base = this.resolve(callee, depth + 1);
        if (base) return { module: base.module, path: [...base.path, CALL] };
        const local = this.localFunction(callee);
        const returned = local ? singleReturnedExpression(local) : undefined;
        return returned ? this.resolve(returned, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.NewExpression: {
        const base = this.resolve(node.callee, depth + 1);
        return base ? { module: base.module, path: [...base.path, NEW] } : undefined;
      }
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression: {
        // `url.protocol === 'https:' ? https : http`: both sides of the same shape stand for either.
        const left = this.resolve(node.type === AST_NODE_TYPES.ConditionalExpression ? node.consequent : node.left, depth + 1);
        const right = this.resolve(node.type === AST_NODE_TYPES.ConditionalExpression ? node.alternate : node.right, depth + 1);
        if (!left || !right) {
          if (node.type === AST_NODE_TYPES.LogicalExpression) return left ?? right;
          // `enabled ? new PubSub() : null`: the client, where there is one.
          if (isNullish(node.alternate)) return left;
          return isNullish(node.consequent) ? right : undefined;
        }
        return left.path.join('.') === right.path.join('.') ? left : undefined;
      }
      case AST_NODE_TYPES.ClassExpression:
        return node.superClass ? this.resolve(node.superClass, depth + 1) : undefined;
      case AST_NODE_TYPES.AwaitExpression:
        return this.resolve(node.argument, depth + 1);
      case AST_NODE_TYPES.ImportExpression: {
        const source = staticString(node.source);
        return source === undefined ? undefined : { module: normalizeModule(source), path: [] };
      }
      default:
        return undefined;
    }
  }

  private fromIdentifier(node: TSESTree.Identifier, depth: number): Origin | undefined {
    const variable = this.variableOf(node);
    if (!variable || variable.defs.length === 0) {
      // An implicit or configured global (`setInterval`, `fetch`, `process`).
      return { module: null, path: [node.name] };
    }
    return this.fromVariable(variable, depth);
  }

  /** Origin of a declared variable (import, require, alias, typed parameter). */
  fromVariable(variable: Variable, depth = 0): Origin | undefined {
    const def = variable.defs[0];
    if (!def) return undefined;
    switch (def.type) {
      case 'ImportBinding':
        return importBindingOrigin(def.node as TSESTree.Node);
      case 'Variable': {
        const declarator = def.node as TSESTree.VariableDeclarator;
        const pattern = declarator.id;
        let init: TSESTree.Node | null | undefined = declarator.init;
        if (!init) {
          const writes = variable.references.filter((ref) => ref.isWrite() && ref.writeExpr);
          init = writes.length === 1 ? (writes[0]!.writeExpr as TSESTree.Node) : undefined;
        }
        if (!init) return typeAnnotationOrigin(this, def.name as TSESTree.Identifier, depth);
        if (pattern.type === AST_NODE_TYPES.ArrayPattern) return this.fromPromiseAll(pattern, def.name as TSESTree.Identifier, init, depth);
        const base = this.resolve(init, depth + 1);
        if (!base) return pattern.type === AST_NODE_TYPES.Identifier ? typeAnnotationOrigin(this, def.name as TSESTree.Identifier, depth) : undefined;
        const path = patternPath(pattern, def.name as TSESTree.Identifier);
        return path ? { module: base.module, path: [...base.path, ...path] } : undefined;
      }
      case 'Parameter':
        return (
          typeAnnotationOrigin(this, def.name as TSESTree.Identifier, depth) ??
          this.fromThenParameter(def.node as TSESTree.Node, def.name as TSESTree.Identifier, depth)
        );
      case 'ClassName': {
        // A same-file class stands for the class it extends (`class OrderBus extends EventEmitter`).
        const superClass = (def.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression).superClass;
        return superClass ? this.resolve(superClass, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** A same-file function an expression names (`run`, `const run = () => …`), if any. */
  localFunction(node: TSESTree.Node): FunctionNode | undefined {
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(target);
      const def = variable?.defs[0];
      if (!def) return undefined;
      if (def.type === 'FunctionName') {
        // TypeScript overloads and `declare function` are bodiless (TSDeclareFunction): the
        // implementation, when the file has one, is the definition that has a body.
        const implementation = variable.defs.find((candidate) => candidate.type === 'FunctionName' && isFunctionNode(candidate.node as TSESTree.Node));
        return implementation?.node as FunctionNode | undefined;
      }
      if (def.type === 'Variable') {
        const init = (def.node as TSESTree.VariableDeclarator).init;
        if (init && isFunctionNode(unwrapExpression(init)) && (def.node as TSESTree.VariableDeclarator).id.type === AST_NODE_TYPES.Identifier) {
          return unwrapExpression(init) as FunctionNode;
        }
      }
      return undefined;
    }
    if (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(target);
      if (name === undefined) return undefined;
      for (const member of this.membersOf(target, name)) {
        if (member.type === AST_NODE_TYPES.MethodDefinition) return member.value as FunctionNode;
        if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && isFunctionNode(member.value)) {
          return member.value;
        }
      }
    }
    return undefined;
  }

  /** Class members (methods, fields, constructor parameter properties, `this.x =` in the constructor) named `name`. */
  membersOf(node: TSESTree.Node, name: string): TSESTree.Node[] {
    const classNode = enclosingClass(node);
    if (!classNode) return [];
    let members = this.classMembers.get(classNode);
    if (!members) {
      members = collectClassMembers(classNode);
      this.classMembers.set(classNode, members);
    }
    return members.get(name) ?? [];
  }

  /**
   * `connect(url).then((conn) => conn.createChannel())`: the awaited value of a `.then` chain is
   * what its callback returns (the callback's parameter resolves through `fromThenParameter`).
   */
  private fromThen(node: TSESTree.CallExpression, callee: TSESTree.Node, depth: number): Origin | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'then') return undefined;
    const callback = node.arguments[0] ? unwrapExpression(node.arguments[0]) : undefined;
    if (!isFunctionNode(callback)) return undefined;
    const returned = singleReturnedExpression(callback);
    return returned ? this.resolve(returned, depth + 1) : undefined;
  }

  /**
   * `connect(url).then((connection) => …)`: the first parameter of the first function given to
   * `.then` is what the promise resolves to, the value `await connect(url)` has. Destructured
   * parameters take their path from it (`.then(({ data }) => …)`), and `Promise.all([a, b])
   * .then(([x, y]) => …)` gives `y` the value of `b`. The rejection handler's parameter is an error.
   */
  private fromThenParameter(fn: TSESTree.Node, target: TSESTree.Identifier, depth: number): Origin | undefined {
    if (!isFunctionNode(fn)) return undefined;
    const call = thenCallOf(fn);
    if (!call) return undefined;
    const param = fn.params.find((candidate) => !isThisParameter(candidate));
    if (!param || param.type === AST_NODE_TYPES.RestElement) return undefined;
    const receiver = (unwrapExpression(call.callee) as TSESTree.MemberExpression).object;
    const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (pattern.type === AST_NODE_TYPES.ArrayPattern) return this.fromPromiseAll(pattern, target, receiver, depth);
    const path = patternPath(param, target);
    if (!path) return undefined;
    const base = this.resolve(receiver, depth + 1);
    return base ? { module: base.module, path: [...base.path, ...path] } : undefined;
  }

  /**
   * `[x, y]` bound to the result of `Promise.all([a, b])` (awaited, or as a `.then` parameter): each
   * name stands for what its element resolves to. Any other array source stays unknown.
   */
  private fromPromiseAll(
    pattern: TSESTree.ArrayPattern,
    target: TSESTree.Identifier,
    source: TSESTree.Node,
    depth: number,
  ): Origin | undefined {
    let call = unwrapExpression(source);
    if (call.type === AST_NODE_TYPES.AwaitExpression) call = unwrapExpression(call.argument);
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const all = this.resolve(call.callee, depth + 1);
    if (!all || originKey(all) !== ':Promise.all') return undefined;
    const list = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
    if (list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const index = pattern.elements.findIndex((element) => !!element && patternPath(element, target) !== undefined);
    const path = index < 0 ? undefined : patternPath(pattern.elements[index]!, target);
    // A spread before (or at) the element shifts the positions: nothing is known then.
    const elements = list.elements.slice(0, index + 1);
    const element = list.elements[index];
    if (!path || !element || elements.some((item) => item?.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const base = this.resolve(element, depth + 1);
    return base ? { module: base.module, path: [...base.path, ...path] } : undefined;
  }

  /** Origin of `this` inside a class that extends a known class (an instance of that class). */
  thisOrigin(node: TSESTree.Node, depth = 0): Origin | undefined {
    const classNode = enclosingClass(node);
    if (!classNode?.superClass) return undefined;
    const base = this.resolve(classNode.superClass, depth + 1);
    return base ? { module: base.module, path: [...base.path, NEW] } : undefined;
  }

  private fromThisMember(node: TSESTree.MemberExpression, name: string, depth: number): Origin | undefined {
    const members = this.membersOf(node, name);
    if (members.length === 0) {
      // An inherited method: `this.on(...)` in a class that extends EventEmitter.
      const base = this.thisOrigin(node, depth);
      return base ? { module: base.module, path: [...base.path, name] } : undefined;
    }
    for (const member of members) {
      switch (member.type) {
        case AST_NODE_TYPES.PropertyDefinition: {
          if (member.value) {
            const origin = this.resolve(member.value, depth + 1);
            if (origin) return origin;
          }
          const typed = typeOrigin(this, member.typeAnnotation?.typeAnnotation, depth);
          if (typed) return typed;
          break;
        }
        case AST_NODE_TYPES.Identifier: {
          // constructor parameter property
          const typed = typeOrigin(this, member.typeAnnotation?.typeAnnotation, depth);
          if (typed) return typed;
          break;
        }
        case AST_NODE_TYPES.AssignmentExpression: {
          const origin = this.resolve(member.right, depth + 1);
          if (origin) return origin;
          break;
        }
        default:
          break;
      }
    }
    return undefined;
  }
}

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionExpression
  | TSESTree.FunctionDeclaration;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionDeclaration)
  );
}

/** The `.then(…)` call a function is the first argument of (through `as`/`!`/`satisfies`), if it is. */
function thenCallOf(fn: FunctionNode): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node = fn;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = parent;
    parent = current.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== current) return undefined;
  const callee = unwrapExpression(parent.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' ? parent : undefined;
}

/** TypeScript's `this` parameter (`function (this: Window, x)`), which takes no argument. */
function isThisParameter(param: TSESTree.Parameter): boolean {
  return param.type === AST_NODE_TYPES.Identifier && param.name === 'this';
}

/** The class whose `this` a node sees (arrow functions are transparent). */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  let crossedFunction = false;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      const owner = current.parent;
      return owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression
        ? owner
        : undefined;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      // A method's function is the value of a MethodDefinition/PropertyDefinition; anything else rebinds `this`.
      const parent = current.parent;
      if (
        crossedFunction ||
        !(parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition)
      ) {
        return undefined;
      }
      crossedFunction = true;
    }
    current = current.parent;
  }
  return undefined;
}

function collectClassMembers(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Map<string, TSESTree.Node[]> {
  const members = new Map<string, TSESTree.Node[]>();
  const add = (name: string | undefined, node: TSESTree.Node) => {
    if (name === undefined) return;
    const list = members.get(name);
    if (list) list.push(node);
    else members.set(name, [node]);
  };
  for (const element of classNode.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.MethodDefinition) {
      if (element.static) continue;
      add(propertyKeyName(element.key, element.computed), element);
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const param of element.value.params) {
          if (param.type === AST_NODE_TYPES.TSParameterProperty) {
            const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
            if (inner.type === AST_NODE_TYPES.Identifier) add(inner.name, inner);
          }
        }
        if (element.value.body) collectThisAssignments(element.value.body, add);
      }
    }
  }
  // `this.x = …` in the other methods too (a lazy `connect()` that sets `this.channel`), after the
  // constructor's, so that a constructor assignment is tried first.
  for (const element of classNode.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static || element.kind === 'constructor') continue;
    if (element.value.body) collectThisAssignments(element.value.body, add);
  }
  return members;
}

/**
 * Every `this.x = value` in a method body, arrow functions included (they share the method's
 * `this`), but not inside nested `function`s or classes, whose `this` is another object.
 */
function collectThisAssignments(body: TSESTree.Node, add: (name: string | undefined, node: TSESTree.Node) => void): void {
  const visit = (node: TSESTree.Node): void => {
    if (
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.ClassExpression
    ) {
      return;
    }
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      add(memberName(node.left), node);
    }
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) visit(value);
    }
  };
  const statements = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [body];
  for (const statement of statements) visit(statement);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function importBindingOrigin(node: TSESTree.Node): Origin | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return { module: normalizeModule(String((node.parent as TSESTree.ImportDeclaration).source.value)), path: ['default'] };
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { module: normalizeModule(String((node.parent as TSESTree.ImportDeclaration).source.value)), path: [] };
    case AST_NODE_TYPES.ImportSpecifier: {
      const imported =
        node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
      return { module: normalizeModule(String((node.parent as TSESTree.ImportDeclaration).source.value)), path: [imported] };
    }
    case AST_NODE_TYPES.TSImportEqualsDeclaration: {
      const reference = node.moduleReference;
      if (reference.type === AST_NODE_TYPES.TSExternalModuleReference) {
        const source = staticString(reference.expression);
        return source === undefined ? undefined : { module: normalizeModule(source), path: [] };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Path of property names from a destructuring pattern's root to `target` (`{ a: { b } }` → `['a', 'b']`). */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPath(pattern.left, target);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyKeyName(property.key, property.computed);
    if (name === undefined) continue;
    const rest = patternPath(property.value, target);
    if (rest) return [name, ...rest];
  }
  return undefined;
}

function typeAnnotationOrigin(resolver: OriginResolver, id: TSESTree.Identifier, depth: number): Origin | undefined {
  return typeOrigin(resolver, id.typeAnnotation?.typeAnnotation, depth);
}

/** `x: SchedulerRegistry` → the class's origin plus `#new` (an instance). */
function typeOrigin(resolver: OriginResolver, type: TSESTree.TypeNode | undefined, depth: number): Origin | undefined {
  if (!type || type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const names: string[] = [];
  let typeName: TSESTree.EntityName = type.typeName;
  while (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
    names.unshift(typeName.right.name);
    typeName = typeName.left;
  }
  if (typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolver.variableOf(typeName);
  if (!variable || variable.defs.length === 0) return undefined;
  const base = resolver.fromVariable(variable, depth + 1);
  return base ? { module: base.module, path: [...base.path, ...names, NEW] } : undefined;
}

/** The expression a small function returns, when it has one obvious return value. */
export function singleReturnedExpression(fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  let found: TSESTree.Node | undefined;
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      if (found) return undefined;
      found = statement.argument;
    }
  }
  return found;
}

const aliasCache = new WeakMap<object, Map<ReadonlySet<string>, ReadonlySet<string>>>();

/**
 * Local names bound by imports (or requires) of `modules`: a catalog checks these besides its own
 * export names, so `import { schedule as every } from 'node-cron'` or `import f from 'node-fetch'` is seen.
 */
export function importedLocalNames(sourceCode: SourceCode, origins: OriginResolver, modules: ReadonlySet<string>): ReadonlySet<string> {
  let perFile = aliasCache.get(sourceCode.ast);
  if (!perFile) {
    perFile = new Map();
    aliasCache.set(sourceCode.ast, perFile);
  }
  const cached = perFile.get(modules);
  if (cached) return cached;
  const found = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && modules.has(normalizeModule(String(statement.source.value)))) {
      for (const specifier of statement.specifiers) found.add(specifier.local.name);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (!declarator.init) continue;
        const origin = origins.resolve(declarator.init);
        if (!origin?.module || !modules.has(origin.module)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          found.add(declarator.id.name);
          continue;
        }
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) {
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) found.add(property.value.name);
        }
      }
    }
  }
  perFile.set(modules, found);
  return found;
}

const resolvers = new WeakMap<object, OriginResolver>();

/** The origin resolver of one linted file (cached on its AST). */
export function getOrigins(sourceCode: SourceCode): OriginResolver {
  let resolver = resolvers.get(sourceCode.ast);
  if (!resolver) {
    resolver = new OriginResolver(sourceCode);
    resolvers.set(sourceCode.ast, resolver);
  }
  return resolver;
}

/** `null`, `undefined`, `void 0`. */
function isNullish(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null && !('regex' in value)) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')
  );
}
