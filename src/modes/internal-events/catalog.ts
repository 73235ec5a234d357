/**
 * Mode 5 catalog: in-process buses and the handler registrations that must each run in a span.
 *
 * An emitter is recognised by where its instance comes from (origin keys, see `core/origins.ts`:
 * `events:#new` is `new EventEmitter()` from Node's `events`), never by a variable's name; a
 * same-file class that extends one of them counts as the same emitter.
 */

/** A registering method: which argument is the event name and which the handler. */
export interface RegisterMethod {
  /** Index of the event name, or `null` for catch-all registrations (`onAny`). */
  readonly event: number | null;
  readonly handler: number;
}

export interface EmitterLibrary {
  readonly library: string;
  /** Origin keys of an instance (what `new X()` / `factory()` gives). */
  readonly instances: readonly string[];
  readonly methods: Readonly<Record<string, RegisterMethod>>;
  /** How an array event name reads: EventEmitter2 takes the parts of one name, emittery a list of events. */
  readonly arrayName?: 'parts' | 'list';
  /** Methods that remove a listener: a wrapped handler could no longer be removed. */
  readonly removers: readonly string[];
}

const NODE_METHODS: Readonly<Record<string, RegisterMethod>> = {
  on: { event: 0, handler: 1 },
  once: { event: 0, handler: 1 },
  addListener: { event: 0, handler: 1 },
  prependListener: { event: 0, handler: 1 },
  prependOnceListener: { event: 0, handler: 1 },
};

export const EMITTER_LIBRARIES: readonly EmitterLibrary[] = [
  {
    library: 'events (Node.js EventEmitter, and classes extending it)',
    instances: ['events:#new', 'events:EventEmitter.#new', 'events:EventEmitter.EventEmitter.#new'],
    methods: NODE_METHODS,
    removers: ['off', 'removeListener', 'removeAllListeners'],
  },
  {
    library: 'eventemitter3',
    instances: ['eventemitter3:#new', 'eventemitter3:EventEmitter.#new'],
    methods: NODE_METHODS,
    removers: ['off', 'removeListener', 'removeAllListeners'],
  },
  {
    library: 'eventemitter2 / @nestjs/event-emitter EventEmitter2',
    instances: ['eventemitter2:#new', 'eventemitter2:EventEmitter2.#new', '@nestjs/event-emitter:EventEmitter2.#new'],
    methods: {
      ...NODE_METHODS,
      many: { event: 0, handler: 2 },
      prependMany: { event: 0, handler: 2 },
      onAny: { event: null, handler: 0 },
      prependAny: { event: null, handler: 0 },
    },
    arrayName: 'parts',
    removers: ['off', 'removeListener', 'removeAllListeners', 'offAny'],
  },
  {
    library: 'mitt',
    instances: ['mitt:#call'],
    methods: { on: { event: 0, handler: 1 } },
    removers: ['off'],
  },
  {
    library: 'emittery',
    instances: ['emittery:#new', 'emittery:Emittery.#new'],
    methods: { on: { event: 0, handler: 1 }, onAny: { event: null, handler: 0 } },
    arrayName: 'list',
    removers: ['off', 'offAny', 'clearListeners'],
  },
  {
    library: 'nanoevents',
    instances: ['nanoevents:createNanoEvents.#call'],
    methods: { on: { event: 0, handler: 1 } },
    removers: [],
  },
];

/** Decorated handler methods: `@OnEvent(...)` methods, CQRS handler classes' `execute`/`handle`. */
export interface HandlerDecorator {
  readonly library: string;
  /** `@OnEvent(['order', 'created'])` hands the array to EventEmitter2: the parts of one name. */
  readonly arrayName?: 'parts' | 'list';
  readonly keys: readonly string[];
  /** `method`: the decorated method is the handler; `class`: the class's `handlerMethod` is. */
  readonly target: 'method' | 'class';
  readonly handlerMethod?: string;
}

export const HANDLER_DECORATORS: readonly HandlerDecorator[] = [
  { library: '@nestjs/event-emitter', keys: ['@nestjs/event-emitter:OnEvent'], target: 'method', arrayName: 'parts' },
  { library: '@nestjs/cqrs', keys: ['@nestjs/cqrs:CommandHandler'], target: 'class', handlerMethod: 'execute' },
  { library: '@nestjs/cqrs', keys: ['@nestjs/cqrs:QueryHandler'], target: 'class', handlerMethod: 'execute' },
  { library: '@nestjs/cqrs', keys: ['@nestjs/cqrs:EventsHandler'], target: 'class', handlerMethod: 'handle' },
];

/**
 * Events that belong to I/O and process plumbing, not to a domain: never reported, even on an
 * emitter class of the project (a wrapper around a socket or a stream re-emits these).
 */
export const IO_EVENTS: ReadonlySet<string> = new Set([
  'data', 'end', 'finish', 'close', 'error', 'drain', 'readable', 'pipe', 'unpipe', 'pause', 'resume',
  'request', 'response', 'connection', 'connect', 'upgrade', 'listening', 'timeout', 'secureConnect',
  'socket', 'lookup', 'ready', 'open', 'message', 'exit', 'disconnect', 'spawn', 'line', 'SIGINT',
  'SIGTERM', 'beforeExit', 'newListener', 'removeListener', 'warning', 'online', 'ping', 'pong',
]);

/**
 * A bus handed across files (`import { bus } from './bus'`) has no origin in this file. It still
 * counts when the receiver's name says it is a bus and the event name looks like a domain event
 * (`order.created`, `user:signed-up`): both must hold.
 */
export const SHARED_BUS_NAME = /(?:^|[a-z_])(?:bus|Bus|BUS|events|Events|EVENTS|emitter|Emitter|EMITTER|hub|Hub)$/;
export const DOMAIN_EVENT_NAME = /^[A-Za-z][\w-]*(?:[.:][\w*-]+)+$/;

/** Text that must occur in a file for this mode to have anything to look at (the cheap exit). */
export const TOKENS: readonly string[] = [
  // the libraries (`from 'events'`, `require('node:events')`, eventemitter2/3, …)
  "events'",
  'events"',
  'eventemitter',
  'event-emitter',
  'mitt',
  'emittery',
  'nanoevents',
  '@nestjs/cqrs',
  // a bus handed across files: `orderBus.on(`, `domainEvents.once(`, `this.emitter.addListener(`
  ...['us', 'US', 'ents', 'ENTS', 'tter', 'TTER', 'ub'].flatMap((tail) => [`${tail}.on(`, `${tail}.once(`, `${tail}.addListener(`]),
]

export const REGISTER_NAMES: ReadonlySet<string> = new Set(
  EMITTER_LIBRARIES.flatMap((library) => Object.keys(library.methods)),
);
export const REMOVER_NAMES: ReadonlySet<string> = new Set(EMITTER_LIBRARIES.flatMap((library) => library.removers));
export const DECORATOR_NAMES: ReadonlySet<string> = new Set(['OnEvent', 'CommandHandler', 'QueryHandler', 'EventsHandler']);

/** Modules of this catalog: their imports may be aliased (`import { OnEvent as Listen }`). */
export const MODULES: ReadonlySet<string> = new Set([
  ...EMITTER_LIBRARIES.flatMap((library) => library.instances.map((key) => key.slice(0, key.indexOf(':')))),
  ...HANDLER_DECORATORS.flatMap((decorator) => decorator.keys.map((key) => key.slice(0, key.indexOf(':')))),
]);

const byInstance = new Map<string, EmitterLibrary>();
for (const library of EMITTER_LIBRARIES) for (const key of library.instances) byInstance.set(key, library);
const byDecorator = new Map<string, HandlerDecorator>();
for (const decorator of HANDLER_DECORATORS) for (const key of decorator.keys) byDecorator.set(key, decorator);

export function findEmitterLibrary(instanceKey: string | undefined): EmitterLibrary | undefined {
  return instanceKey === undefined ? undefined : byInstance.get(instanceKey);
}

export function findHandlerDecorator(key: string | undefined): HandlerDecorator | undefined {
  return key === undefined ? undefined : byDecorator.get(key);
}
