/**
 * Mode 1 catalog: outbound HTTP clients and inbound handler shapes, and which installed
 * instrumentation already injects or extracts for each.
 *
 * `keys` are origin keys (see `core/origins.ts`). `options` says where the request options (and so
 * the headers) sit in the call, which is also where the fix adds `injectContext(...)`.
 */
import type { InstrumentedValue } from '../../settings';

/** Where the request's headers live in the call. */
export type OptionsShape =
  /** `fetch(url, init)`, `ky(url, options)`, `got(url, options)`, `undici.request(url, options)`: options at `index`. */
  | { readonly kind: 'options'; readonly index: number }
  /** `http.request([url,] options[, callback])`: the first object argument, or one inserted after the URL. */
  | { readonly kind: 'http' }
  /** `superagent.get(url)`: headers are added with `.set(...)` on the returned request. */
  | { readonly kind: 'chain' };

export interface OutboundClient {
  readonly library: string;
  /** How the call is written in docs. */
  readonly signature: string;
  readonly keys: readonly string[];
  readonly form: 'call' | 'new';
  readonly options: OptionsShape;
  /** Instrumentations that inject for this client (any one is enough). */
  readonly coveredBy: readonly InstrumentedValue[];
  /** The client's name in messages, when `library` is longer. */
  readonly display?: string;
  /** A `fetch` whose URL is absolute or local as written (`data:`, `/static/…` never leave the process). */
  readonly fetchLike?: boolean;
}

/** axios runs over Node's http, or XMLHttpRequest in a browser bundle. */
const AXIOS_COVERED_BY: readonly InstrumentedValue[] = ['http', 'xhr'];
const AXIOS_BODYLESS = ['get', 'delete', 'head', 'options'];
const AXIOS_WITH_BODY = ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];
const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

function axiosRows(base: readonly string[]): OutboundClient[] {
  return [
    ...AXIOS_BODYLESS.map((method) => ({
      library: 'axios',
      signature: `axios.${method}(url, config)`,
      keys: base.map((prefix) => `${prefix}${method}`),
      form: 'call' as const,
      options: { kind: 'options' as const, index: 1 },
      coveredBy: AXIOS_COVERED_BY,
    })),
    ...AXIOS_WITH_BODY.map((method) => ({
      library: 'axios',
      signature: `axios.${method}(url, data, config)`,
      keys: base.map((prefix) => `${prefix}${method}`),
      form: 'call' as const,
      options: { kind: 'options' as const, index: 2 },
      coveredBy: AXIOS_COVERED_BY,
    })),
    {
      library: 'axios',
      signature: 'axios.request(config)',
      keys: base.map((prefix) => `${prefix}request`),
      form: 'call',
      options: { kind: 'options', index: 0 },
      coveredBy: AXIOS_COVERED_BY,
    },
  ];
}

export const OUTBOUND_CLIENTS: readonly OutboundClient[] = [
  {
    library: 'fetch (global, Node.js ≥ 18 and edge runtimes)',
    signature: 'fetch(input, init)',
    display: 'fetch',
    keys: [':fetch'],
    form: 'call',
    options: { kind: 'options', index: 1 },
    coveredBy: ['undici', 'fetch'],
    fetchLike: true,
  },
  {
    library: 'undici',
    signature: 'undici.fetch(input, init) / request(url, options) / stream(url, options, factory)',
    keys: ['undici:fetch', 'undici:request', 'undici:stream'],
    form: 'call',
    options: { kind: 'options', index: 1 },
    coveredBy: ['undici'],
  },
  {
    library: 'undici',
    signature: 'new Client(origin).request({ path, method, headers })',
    keys: ['undici:Client.#new.request', 'undici:Pool.#new.request', 'undici:Client.#new.stream', 'undici:Pool.#new.stream'],
    form: 'call',
    options: { kind: 'options', index: 0 },
    coveredBy: ['undici'],
  },
  {
    library: 'node-fetch',
    signature: 'fetch(url, init)',
    keys: ['node-fetch:'],
    form: 'call',
    options: { kind: 'options', index: 1 },
    coveredBy: ['http'],
    fetchLike: true,
  },
  {
    library: 'http / https',
    signature: 'http.request([url,] options[, callback]) / http.get(...)',
    display: 'http',
    keys: ['http:request', 'http:get', 'https:request', 'https:get'],
    form: 'call',
    options: { kind: 'http' },
    coveredBy: ['http'],
  },
  ...axiosRows(['axios:', 'axios:create.#call.']),
  {
    library: 'axios',
    signature: 'axios(config) / axios(url, config)',
    keys: ['axios:', 'axios:create.#call'],
    form: 'call',
    options: { kind: 'options', index: 1 },
    coveredBy: AXIOS_COVERED_BY,
  },
  {
    library: 'got',
    signature: 'got(url, options) / got.get(url, options)',
    keys: ['got:', 'got:extend.#call', ...['got:', 'got:extend.#call.'].flatMap((prefix) => HTTP_VERBS.map((verb) => `${prefix}${verb}`))],
    form: 'call',
    options: { kind: 'options', index: 1 },
    coveredBy: ['http'],
  },
  {
    library: 'ky',
    signature: 'ky(input, options) / ky.get(input, options)',
    keys: [
      'ky:',
      'ky:create.#call',
      'ky:extend.#call',
      ...['ky:', 'ky:create.#call.', 'ky:extend.#call.'].flatMap((prefix) => HTTP_VERBS.map((verb) => `${prefix}${verb}`)),
    ],
    form: 'call',
    options: { kind: 'options', index: 1 },
    coveredBy: ['undici', 'fetch'],
  },
  {
    library: 'superagent',
    signature: 'superagent.get(url)…',
    keys: [...HTTP_VERBS, 'del'].map((verb) => `superagent:${verb}`),
    form: 'call',
    options: { kind: 'chain' },
    coveredBy: ['http', 'xhr'],
  },
  {
    library: 'ws',
    signature: 'new WebSocket(address, [protocols,] options)',
    keys: ['ws:#new', 'ws:WebSocket.#new'],
    form: 'new',
    options: { kind: 'options', index: 1 },
    coveredBy: ['http'],
  },
];

/** gRPC (`@grpc/grpc-js`, legacy `grpc`): clients are instances of constructors from `loadPackageDefinition`. */
export const GRPC = {
  modules: ['@grpc/grpc-js', 'grpc'],
  coveredBy: ['grpc'] as readonly InstrumentedValue[],
  /** Client methods that are not RPCs. */
  nonRpcMethods: new Set(['close', 'getChannel', 'waitForReady', 'makeUnaryRequest', 'makeClientStreamRequest', 'makeServerStreamRequest', 'makeBidiStreamRequest', 'then', 'bind', 'call', 'apply']),
} as const;

/** Instrumentations that extract for Node servers (and so continue inbound requests). */
export const NODE_SERVER_COVERED_BY: readonly InstrumentedValue[] = ['http'];

/** HTTP method exports of a Next.js route handler. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Text that must occur in a file for this mode to have anything to look at (the cheap exit). */
export const TOKENS: readonly string[] = [
  'fetch',
  'http',
  'axios',
  "got'",
  'got"',
  "ky'",
  'ky"',
  'undici',
  'superagent',
  "ws'",
  'ws"',
  'handler',
  '.serve(',
  'grpc',
  "'edge'",
  '"edge"',
  'middleware',
];

export const CALL_NAMES: ReadonlySet<string> = new Set([
  'fetch',
  'request',
  'stream',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'del',
  'postForm',
  'putForm',
  'patchForm',
  'axios',
  'got',
  'ky',
]);

/** Modules of this catalog: a call through any name imported from them is looked at. */
export const CLIENT_MODULES: ReadonlySet<string> = new Set(
  OUTBOUND_CLIENTS.flatMap((client) => client.keys.map((key) => key.slice(0, key.indexOf(':')))).filter((module) => module !== ''),
);

const byKey = new Map<string, OutboundClient>();
for (const client of OUTBOUND_CLIENTS) for (const key of client.keys) if (!byKey.has(key)) byKey.set(key, client);

export function findOutboundClient(key: string | undefined, form: OutboundClient['form']): OutboundClient | undefined {
  if (key === undefined) return undefined;
  const client = byKey.get(key);
  return client && client.form === form ? client : undefined;
}
