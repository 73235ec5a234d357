import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../src/rules/sync-request-propagation';
import { COMMONJS, ESM, RuleTester, describeSuggestionRelint, fixture, lintWithRule, type LintCase } from './rule-tester';

const RULE = 'sync-request-propagation';

/** A Node.js service with a hand-registered tracer and no HTTP/undici/fetch instrumentation. */
const BARE_TS = fixture('http-node-bare', 'src', 'client.ts');
const BARE_JS = fixture('http-node-bare', 'src', 'client.js');
const BARE_MJS = fixture('http-node-bare', 'src', 'client.mjs');
const BARE_CJS = fixture('http-node-bare', 'src', 'client.cjs');
/** The same kind of service with @opentelemetry/instrumentation-http and -undici installed. */
const INSTRUMENTED_TS = fixture('http-node-instrumented', 'src', 'client.ts');
const INSTRUMENTED_CJS = fixture('http-node-instrumented', 'src', 'client.cjs');
/** Deno and Bun entry points inside that instrumented package: the runtime is not Node, nothing covers them. */
const DENO_TS = fixture('http-node-instrumented', 'deno', 'main.ts');
const BUN_TS = fixture('http-node-instrumented', 'bun', 'server.ts');
/** A Cloudflare Worker: wrangler.toml beside the manifest (which lists Node instrumentations that never run). */
const EDGE_TS = fixture('http-edge', 'src', 'index.ts');
const EDGE_JS = fixture('http-edge', 'src', 'index.js');
/** A Next.js app with Node instrumentations; edge route files and middleware are not covered by them. */
const NEXT_ROUTE_TS = fixture('http-next', 'app', 'api', 'orders', 'route.ts');
const NEXT_MIDDLEWARE_TS = fixture('http-next', 'middleware.ts');
/** AWS Lambda bundles: without any instrumentation, and with the Lambda and HTTP instrumentations. */
const LAMBDA_TS = fixture('http-lambda', 'src', 'handler.ts');
const LAMBDA_JS = fixture('http-lambda', 'src', 'handler.js');
const LAMBDA_CJS = fixture('http-lambda', 'src', 'handler.cjs');
const LAMBDA_INSTRUMENTED_TS = fixture('http-lambda-instrumented', 'src', 'handler.ts');
/** Browser apps whose manifests patch the globals: instrumentation-fetch + -xml-http-request, auto-instrumentations-web. */
const WEB_TS = fixture('http-web', 'src', 'api.ts');
const WEB_AUTO_TS = fixture('http-web-auto', 'src', 'api.ts');
/** A React app without instrumentation (fixtures/web). */
const REACT_TSX = fixture('web', 'src', 'Cart.tsx');

const FETCH = 'fetch';

const ruleTester = new RuleTester({
  defaultFilenames: { ts: BARE_TS, tsx: fixture('http-node-bare', 'src', 'client.tsx') },
});

const valid: ValidTestCase<Options>[] = [
  // ── empty and unrelated files ──────────────────────────────────────────────────────────────
  { name: 'an empty file', code: '' },
  { name: 'a file that mentions no HTTP token', code: 'export const answer = 42;\n' },

  // ── not requests: Response, URL, KV and cache bindings, assets ─────────────────────────────
  {
    name: 'a Worker that answers from KV, the cache and its assets binding',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    const cached = await caches.default.match(request);
    if (cached) return cached;
    const flag = await env.FLAGS.get(\`flag:\${url.pathname}\`);
    if (flag === 'off') return new Response('disabled', { status: 404 });
    const response = await env.ASSETS.fetch(request);
    ctx.waitUntil(caches.default.put(request, response.clone()));
    return response;
  },
};
`,
  },
  {
    name: 'Response constructors and Response.json in an edge route',
    filename: NEXT_ROUTE_TS,
    code: `
export const runtime = 'edge';

export async function GET(request: Request) {
  const url = new URL(request.url);
  if (!url.searchParams.has('id')) return new Response('missing id', { status: 400 });
  return Response.json({ id: url.searchParams.get('id') }, { headers: { 'cache-control': 'no-store' } });
}
`,
  },
  {
    name: 'an assets binding fetched with a path, not the incoming request',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request, env: Env) {
    return env.ASSETS.fetch(new URL('/index.html', request.url));
  },
};
`,
  },
  {
    name: 'fetch of data:, blob: and same-origin static assets (literal, template, const)',
    code: `
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

export async function load(name: string) {
  await fetch(PIXEL);
  await fetch('blob:https://app.example/6f1c');
  await fetch('/static/manifest.json');
  await fetch('./config.json');
  return fetch(\`/assets/\${name}.json\`);
}
`,
  },

  // ── pass-through proxies ───────────────────────────────────────────────────────────────────
  {
    name: 'a Worker that forwards the incoming Request',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request): Promise<Response> {
    return fetch(request);
  },
};
`,
  },
  {
    name: 'a Worker that re-targets the incoming Request with new Request(url, request)',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    url.hostname = env.ORIGIN_HOST;
    return fetch(new Request(url, request));
  },
};
`,
  },
  {
    name: 'an edge proxy that forwards request.headers as they are',
    filename: NEXT_ROUTE_TS,
    code: `
export const runtime = 'edge';

export async function POST(request: Request) {
  return fetch('https://orders.internal/orders', {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
}
`,
  },
  {
    name: 'an edge proxy that copies every incoming header into new Headers and drops host',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request) {
    const headers = new Headers(request.headers);
    headers.delete('host');
    return fetch('https://origin.internal/api', { method: request.method, headers, body: request.body });
  },
};
`,
  },
  {
    name: 'an edge proxy that copies headers in a for-of and drops only hop-by-hop names',
    filename: EDGE_TS,
    code: `
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'host']);

export default {
  async fetch(request: Request) {
    const headers = new Headers();
    for (const [name, value] of request.headers) {
      if (!HOP_BY_HOP.has(name)) headers.set(name, value);
    }
    return fetch('https://origin.internal/api', { method: request.method, headers, body: request.body });
  },
};
`,
  },
  {
    name: 'a hand-registered Node proxy that spreads req.headers into http.request',
    code: `
import http from 'node:http';

http.createServer((req, res) => {
  const headers = { ...req.headers, host: 'origin.internal' };
  const upstream = http.request({ host: 'origin.internal', path: req.url, method: req.method, headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(res);
  });
  req.pipe(upstream);
}).listen(8080);
`,
  },

  // ── calls that already inject, in each form ────────────────────────────────────────────────
  {
    name: 'fetch with injectContext() headers, merged and spread',
    code: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function send(url: string, init?: RequestInit) {
  await fetch(url, { headers: injectContext() });
  await fetch(url, { method: 'POST', headers: injectContext({ 'content-type': 'application/json' }) });
  return fetch(url, { ...init, headers: injectContext(init?.headers) });
}
`,
  },
  {
    name: 'injectContext under an alias and through a namespace import',
    code: `
import axios from 'axios';
import { injectContext as traceHeaders } from 'eslint-plugin-trace-context/wrappers';
import * as tc from 'eslint-plugin-trace-context/wrappers';

export const a = () => axios.get('https://a.internal/x', { headers: traceHeaders() });
export const b = () => fetch('https://b.internal/y', { headers: tc.injectContext() });
`,
  },
  {
    name: 'propagation.inject into a carrier before the call (aliased propagation import)',
    code: `
import { context, propagation as otelPropagation } from '@opentelemetry/api';

export async function createOrder(order: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  otelPropagation.inject(context.active(), headers);
  return fetch('https://orders.internal/orders', { method: 'POST', headers, body: JSON.stringify(order) });
}
`,
  },
  {
    name: 'a Headers object built from an injected carrier',
    filename: EDGE_TS,
    code: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function price(sku: string) {
  const headers = new Headers(injectContext({ accept: 'application/json' }));
  return fetch(\`https://prices.internal/\${sku}\`, { headers });
}
`,
  },
  {
    name: 'a same-file helper that injects',
    code: `
import axios from 'axios';
import { context, propagation } from '@opentelemetry/api';

function tracedHeaders(extra: Record<string, string> = {}) {
  const carrier = { ...extra };
  propagation.inject(context.active(), carrier);
  return carrier;
}

export const users = () => axios.get('https://users.internal/users', { headers: tracedHeaders() });
`,
  },
  {
    name: "the team's own inject helper named in settings.helpers.inject",
    settings: { 'trace-context': { helpers: { inject: ['withTraceHeaders'] } } },
    code: `
import got from 'got';
import { withTraceHeaders } from '@acme/tracing';

export const rates = () => got('https://fx.internal/rates', { headers: withTraceHeaders() }).json();
`,
  },
  {
    name: 'an axios request interceptor that injects covers the instance',
    code: `
import axios from 'axios';
import { context, propagation } from '@opentelemetry/api';

const api = axios.create({ baseURL: 'https://billing.internal' });
api.interceptors.request.use((config) => {
  propagation.inject(context.active(), config.headers);
  return config;
});

export const invoices = () => api.get('/invoices');
export const pay = (id: string) => api.post(\`/invoices/\${id}/pay\`);
`,
  },
  {
    name: 'superagent with .set(injectContext()) further down the chain',
    code: `
import superagent from 'superagent';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const search = (q: string) => superagent.get('https://search.internal/q').query({ q }).set(injectContext());
`,
  },
  {
    name: 'http.request, undici.request and ws with injected headers',
    code: `
import https from 'node:https';
import { request } from 'undici';
import WebSocket from 'ws';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function connect() {
  https.request({ host: 'hooks.internal', path: '/x', headers: injectContext() }).end();
  void request('https://catalog.internal/items', { headers: injectContext({ accept: 'application/json' }) });
  return new WebSocket('wss://feed.internal/prices', { headers: injectContext() });
}
`,
  },
  {
    name: 'a required injectContext in CommonJS (espree)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `'use strict';

const axios = require('axios');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

module.exports.save = (user) => axios.put('https://users.internal/users/' + user.id, user, { headers: injectContext() });
`,
  },

  // ── instrumented Node services ─────────────────────────────────────────────────────────────
  {
    name: 'instrumentation-http + -undici: fetch, undici, http, axios, got and ws inject by themselves',
    filename: INSTRUMENTED_TS,
    code: `
import http from 'node:http';
import axios from 'axios';
import got from 'got';
import { request } from 'undici';
import WebSocket from 'ws';

export async function refresh() {
  await fetch('https://users.internal/users');
  await request('https://catalog.internal/items');
  http.get('http://sidecar:9000/ready');
  await axios.post('https://audit.internal/events', { kind: 'refresh' });
  await got('https://fx.internal/rates').json();
  return new WebSocket('wss://feed.internal/prices');
}
`,
  },
  {
    name: 'instrumentation-http extracts for a hand-written http.createServer (CommonJS)',
    filename: INSTRUMENTED_CJS,
    languageOptions: COMMONJS,
    code: `const http = require('node:http');
const { trace } = require('@opentelemetry/api');

http.createServer((req, res) => {
  trace.getTracer('orders').startActiveSpan('orders.list', (span) => {
    res.end('[]');
    span.end();
  });
}).listen(8080);
`,
  },
  {
    name: 'a Next route without the edge runtime runs on Node, where the instrumentations apply',
    filename: NEXT_ROUTE_TS,
    code: `
export const runtime = 'nodejs';

export async function GET(request: Request) {
  const upstream = await fetch('https://orders.internal/orders');
  return Response.json(await upstream.json());
}
`,
  },
  {
    name: 'a Lambda bundle with the Lambda and HTTP instrumentations',
    filename: LAMBDA_INSTRUMENTED_TS,
    code: `
import type { APIGatewayProxyEvent } from 'aws-lambda';
import https from 'node:https';

export const handler = async (event: APIGatewayProxyEvent) => {
  await new Promise((resolve) => https.get('https://users.internal/users', resolve));
  return { statusCode: 200, body: event.path };
};
`,
  },
  {
    name: 'instrumented: [...] in settings overrides what the manifest says',
    settings: { 'trace-context': { instrumented: ['http', 'undici'] } },
    code: `
import axios from 'axios';
import { fetch as undiciFetch } from 'undici';

export const a = () => fetch('https://a.internal/x');
export const b = () => undiciFetch('https://b.internal/y');
export const c = () => axios.get('https://c.internal/z');
`,
  },

  // ── browser instrumentations patch the globals ─────────────────────────────────────────────
  {
    name: 'instrumentation-fetch and -xml-http-request: global fetch, axios and superagent are covered',
    filename: WEB_TS,
    code: `
import axios from 'axios';
import superagent from 'superagent';

const API = 'https://api.shop.example';

export const cart = () => fetch(\`\${API}/cart\`, { credentials: 'include' });
export const addItem = (sku: string) => axios.post(\`\${API}/cart/items\`, { sku });
export const search = (q: string) => superagent.get(\`\${API}/search\`).query({ q });
`,
  },
  {
    name: 'auto-instrumentations-web: global fetch, ky and axios are covered',
    filename: WEB_AUTO_TS,
    code: `
import axios from 'axios';
import ky from 'ky';

export const cart = () => fetch('https://api.shop.example/cart');
export const prices = () => ky.get('https://api.shop.example/prices').json();
export const profile = () => axios.get('https://api.shop.example/me');
`,
  },
  {
    name: 'browser code: a React component that fetches',
    filename: REACT_TSX,
    code: `
import { useEffect, useState } from 'react';

export function Cart() {
  const [items, setItems] = useState<string[]>([]);
  useEffect(() => {
    fetch('https://api.shop.example/cart').then((r) => r.json()).then(setItems);
  }, []);
  return <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>;
}
`,
  },
  {
    name: "browser code: 'use client' with axios",
    filename: fixture('http-node-bare', 'src', 'widget.tsx'),
    code: `
'use client';

import axios from 'axios';

export const loadWidget = () => axios.get('https://api.shop.example/widget');
`,
  },

  // ── test code with a mock server ───────────────────────────────────────────────────────────
  {
    name: 'a *.test.ts file against an msw mock server',
    filename: fixture('http-node-bare', 'src', 'client.test.ts'),
    code: `
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { getUser } from './client';

const server = setupServer(http.get('https://users.internal/users/:id', () => HttpResponse.json({ id: '1' })));
server.listen();

export async function check() {
  await fetch('https://users.internal/users/1');
  return getUser('1');
}
`,
  },
  {
    name: 'a helper under tests/ that talks to a nock scope',
    filename: fixture('http-node-bare', 'tests', 'helpers', 'stub-users.ts'),
    code: `
import nock from 'nock';
import axios from 'axios';

export async function stubUsers() {
  nock('https://users.internal').get('/users').reply(200, []);
  return axios.get('https://users.internal/users');
}
`,
  },

  // ── look-alikes ────────────────────────────────────────────────────────────────────────────
  {
    name: 'cache.get, map.get and a Map-backed request registry',
    code: `
const cache = new Map<string, string>();
const pending = new Map<string, Promise<unknown>>();

export function lookup(key: string) {
  const hit = cache.get(key);
  if (hit) return hit;
  return pending.get(key);
}
`,
  },
  {
    name: 'express routes: router.get, app.post, res.send and res.json',
    code: `
import express from 'express';

const app = express();
const router = express.Router();

router.get('/health', (req, res) => {
  res.send('ok');
});
app.post('/orders', (req, res) => {
  res.status(201).json({ id: '1' });
});
app.use('/api', router);
app.listen(8080);
`,
  },
  {
    name: 'a local function named fetch',
    code: `
async function fetch(id: string) {
  return db.users.findById(id);
}

export const user = () => fetch('https://users.internal/users/1');
`,
  },
  {
    name: 'request and get from unrelated modules',
    code: `
import { request } from './graphql-client';
import { get } from 'lodash';

export const me = () => request('https://gql.internal/graphql', '{ me { id } }');
export const city = (user: object) => get(user, 'address.city');
`,
  },
  {
    name: 'a fetch wrapper from a local module',
    code: `
import { fetch } from './traced-fetch';

export const users = () => fetch('https://users.internal/users');
`,
  },
  {
    name: 'the global WebSocket (browsers and Node 22) is not the ws client',
    code: `
export function subscribe(url: string) {
  const socket = new WebSocket(url);
  socket.addEventListener('message', (event) => console.log(event.data));
  return socket;
}
`,
  },
  {
    name: 'a Worker object whose fetch is a framework app, not a function',
    filename: EDGE_TS,
    code: `
import { Hono } from 'hono';

const app = new Hono();
app.get('/health', (c) => c.text('ok'));

export default { fetch: app.fetch };
`,
  },
  {
    name: 'a Lambda handler for SQS (no HTTP event) that only starts spans',
    filename: LAMBDA_TS,
    code: `
import type { SQSEvent } from 'aws-lambda';
import { trace } from '@opentelemetry/api';

export const handler = async (event: SQSEvent) => {
  const span = trace.getTracer('worker').startSpan('batch');
  span.setAttribute('size', event.Records.length);
  span.end();
};
`,
  },
  {
    name: 'a Deno parameter shadowing the runtime global',
    filename: BARE_TS,
    code: `
import { trace } from '@opentelemetry/api';

export function start(Deno: { serve(handler: (req: Request) => Response): void }) {
  Deno.serve((req) => trace.getTracer('t').startActiveSpan('x', (span) => {
    span.end();
    return new Response('ok');
  }));
}
`,
  },

  // ── shadowing ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'a parameter named fetch shadows the global',
    code: `
export async function load(fetch: (url: string) => Promise<Response>) {
  return fetch('https://users.internal/users');
}
`,
  },
  {
    name: 'a local axios, http and got that are not the libraries',
    code: `
import { createClient } from './client';

export function run(http: { get(url: string): void }) {
  const axios = createClient();
  const got = createClient();
  http.get('https://a.internal/x');
  axios.get('https://b.internal/y');
  return got.post('https://c.internal/z');
}
`,
  },
  {
    name: 'a block-scoped fetch const shadows the global',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `import { createTracedFetch } from './traced.mjs';

export async function load(url) {
  const fetch = createTracedFetch();
  return fetch(url);
}
`,
  },

  // ── inbound handlers that extract, or do no traced work ────────────────────────────────────
  {
    name: 'a Worker health check',
    filename: EDGE_TS,
    code: `
export default {
  fetch(request: Request) {
    return new Response('ok');
  },
};
`,
  },
  {
    name: 'a Worker that runs in withExtractedContext and injects',
    filename: EDGE_TS,
    code: `
import { injectContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    return withExtractedContext(request.headers, async () => {
      return fetch(\`\${env.API}/cart\`, { headers: injectContext() });
    }, { name: 'fetch', kind: 'server' });
  },
};
`,
  },
  {
    name: 'Deno.serve that extracts with propagation.extract',
    filename: DENO_TS,
    code: `
import { context, propagation, trace } from 'npm:@opentelemetry/api';

Deno.serve((req) => {
  const parent = propagation.extract(context.active(), Object.fromEntries(req.headers));
  return context.with(parent, () =>
    trace.getTracer('deno').startActiveSpan('handle', (span) => {
      span.end();
      return new Response('ok');
    }),
  );
});
`,
  },
  {
    name: "a Lambda handler that extracts with the team's helper (settings.helpers.extract)",
    filename: LAMBDA_TS,
    settings: { 'trace-context': { helpers: { extract: ['continueTrace'] } } },
    code: `
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { trace } from '@opentelemetry/api';
import { continueTrace } from '@acme/tracing';

export const handler = async (event: APIGatewayProxyEvent) =>
  continueTrace(event.headers, () => {
    const span = trace.getTracer('lambda').startSpan('orders.get');
    span.end();
    return { statusCode: 200, body: '{}' };
  });
`,
  },
  {
    name: 'a Lambda handler behind API Gateway that does no traced work',
    filename: LAMBDA_TS,
    code: `
import type { APIGatewayProxyEvent } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEvent) => ({
  statusCode: 200,
  body: JSON.stringify({ path: event.path, ok: true }),
});
`,
  },
  {
    name: 'a bare http.createServer health check',
    code: `
import http from 'node:http';

http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
}).listen(8080);
`,
  },
  // ── more pass-through, injecting, extracting and covered shapes ────────────────────────────
  {
    name: 'Deno.serve forwarding new Request(url, req)',
    filename: DENO_TS,
    code: `
Deno.serve((req) => fetch(new Request('https://origin.internal' + new URL(req.url).pathname, req)));
`,
  },
  {
    name: 'a Worker that forwards the incoming Request as the init of a new URL',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request, env: Env) {
    return fetch(env.ORIGIN + new URL(request.url).pathname, request);
  },
};
`,
  },
  {
    name: 'Bun.serve that extracts with an aliased withExtractedContext',
    filename: BUN_TS,
    code: `
import { trace } from '@opentelemetry/api';
import { withExtractedContext as continued } from 'eslint-plugin-trace-context/wrappers';

Bun.serve({
  fetch(req) {
    return continued(req.headers, () => trace.getTracer('bun').startActiveSpan('handle', (span) => {
      span.end();
      return new Response('ok');
    }), { name: 'Bun.serve', kind: 'server' });
  },
});
`,
  },
  {
    name: 'a hand-registered Node server that extracts with propagation.extract',
    code: `
import http from 'node:http';
import { context, propagation, trace } from '@opentelemetry/api';

http.createServer((req, res) => {
  const parent = propagation.extract(context.active(), req.headers);
  context.with(parent, () => {
    trace.getTracer('orders').startActiveSpan('orders.list', (span) => {
      res.end('[]');
      span.end();
    });
  });
}).listen(8080);
`,
  },
  {
    name: 'Next.js middleware that only rewrites',
    filename: NEXT_MIDDLEWARE_TS,
    code: `
import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  return NextResponse.rewrite(new URL('/maintenance', request.url));
}
`,
  },
  {
    name: 'an express app handed to http.createServer is not a hand-written handler',
    code: `
import http from 'node:http';
import express from 'express';

const app = express();
app.get('/health', (req, res) => res.send('ok'));
http.createServer(app).listen(8080);
`,
  },
  {
    name: 'a global axios request interceptor that injects (espree, CommonJS)',
    filename: fixture('http-node-bare', 'src', 'http-client.cjs'),
    languageOptions: COMMONJS,
    code: `const axios = require('axios');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

axios.interceptors.request.use((config) => {
  config.headers = injectContext(config.headers);
  return config;
});

module.exports.users = () => axios.get('https://users.internal/users');
`,
  },
  {
    name: 'injectContext from an ejected copy of the wrappers',
    code: `
import { injectContext } from '../tracing/wrappers';

export const users = () => fetch('https://users.internal/users', { headers: injectContext() });
`,
  },
  {
    name: 'propagation.inject into the options headers before http.request(options)',
    code: `
import http from 'node:http';
import { context, propagation } from '@opentelemetry/api';

export function notify(payload: string) {
  const options: http.RequestOptions = { host: 'hooks.internal', path: '/notify', method: 'POST', headers: {} };
  propagation.inject(context.active(), options.headers);
  http.request(options, (res) => res.resume()).end(payload);
}
`,
  },
  {
    name: 'instrumentation-http covers node-fetch and superagent; -undici covers an undici Client',
    filename: INSTRUMENTED_TS,
    code: `
import nodeFetch from 'node-fetch';
import superagent from 'superagent';
import { Client } from 'undici';

const client = new Client('https://inventory.internal');

export async function sync() {
  await nodeFetch('https://users.internal/users');
  await superagent.post('https://audit.internal/events').send({ kind: 'sync' });
  return client.request({ path: '/stock', method: 'GET' });
}
`,
  },
  {
    name: 'an instrumented http.createServer handler that calls out with fetch',
    filename: INSTRUMENTED_TS,
    code: `
import http from 'node:http';

http.createServer(async (req, res) => {
  const upstream = await fetch('https://inventory.internal/stock');
  res.end(await upstream.text());
}).listen(8080);
`,
  },
  {
    name: 'type-only uses of fetch and undici',
    code: `
import type { Dispatcher } from 'undici';

export type Fetcher = typeof fetch;
export type Options = Dispatcher.RequestOptions;
`,
  },
  {
    name: 'browser code: a file that reads window.location before calling axios',
    filename: fixture('http-node-bare', 'src', 'embed.ts'),
    code: `
import axios from 'axios';

export const loadEmbed = () => axios.get(\`https://api.shop.example/embed?origin=\${window.location.origin}\`);
`,
  },
  {
    name: 'a Worker mirroring traffic with fetch(request.clone())',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(fetch(request.clone()));
    return fetch(request);
  },
};
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // ── outbound: global fetch ─────────────────────────────────────────────────────────────────
  {
    name: 'global fetch without init: the init is added',
    code: `
export async function getUser(id: string) {
  const response = await fetch(\`https://users.internal/users/\${id}\`);
  return response.json();
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 3,
        column: 26,
        endLine: 3,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function getUser(id: string) {
  const response = await fetch(\`https://users.internal/users/\${id}\`, { headers: injectContext() });
  return response.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'global fetch with an init without headers: headers go first',
    code: `
export async function createOrder(order: unknown) {
  return fetch('https://orders.internal/orders', { method: 'POST', body: JSON.stringify(order) });
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function createOrder(order: unknown) {
  return fetch('https://orders.internal/orders', { headers: injectContext(), method: 'POST', body: JSON.stringify(order) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'global fetch with literal headers: they are wrapped, not mutated',
    code: `
export async function createOrder(order: unknown) {
  return fetch('https://orders.internal/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function createOrder(order: unknown) {
  return fetch('https://orders.internal/orders', {
    method: 'POST',
    headers: injectContext({ 'content-type': 'application/json' }),
    body: JSON.stringify(order),
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'global fetch with an init variable: spread with its headers injected',
    code: `
export async function call(url: string, init?: RequestInit) {
  return fetch(url, init);
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function call(url: string, init?: RequestInit) {
  return fetch(url, { ...init, headers: injectContext(init?.headers) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'global fetch with a spread init: headers taken from it',
    code: `
export async function post(url: string, init: RequestInit) {
  return fetch(url, { ...init, method: 'POST' });
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function post(url: string, init: RequestInit) {
  return fetch(url, { ...init, method: 'POST', headers: injectContext(init?.headers) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'global fetch with shorthand headers',
    code: `
export async function get(url: string, token: string) {
  const headers = { authorization: \`Bearer \${token}\` };
  return fetch(url, { headers });
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 4,
        column: 10,
        endLine: 4,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function get(url: string, token: string) {
  const headers = { authorization: \`Bearer \${token}\` };
  return fetch(url, { headers: injectContext(headers) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'globalThis.fetch with headers as an array of pairs',
    code: `
export const load = (url: string) => globalThis.fetch(url, { headers: [['accept', 'application/json']] });
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 2,
        column: 38,
        endLine: 2,
        endColumn: 54,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const load = (url: string) => globalThis.fetch(url, { headers: injectContext([['accept', 'application/json']]) });
`,
          },
        ],
      },
    ],
  },
  // ── outbound: undici ───────────────────────────────────────────────────────────────────────
  {
    name: 'undici fetch and request (named imports)',
    code: `
import { fetch, request } from 'undici';

export async function load() {
  await fetch('https://catalog.internal/items');
  const { body } = await request('https://catalog.internal/prices', { method: 'GET' });
  return body.json();
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'undici' },
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { fetch, request } from 'undici';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function load() {
  await fetch('https://catalog.internal/items', { headers: injectContext() });
  const { body } = await request('https://catalog.internal/prices', { method: 'GET' });
  return body.json();
}
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'undici' },
        line: 6,
        column: 26,
        endLine: 6,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { fetch, request } from 'undici';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function load() {
  await fetch('https://catalog.internal/items');
  const { body } = await request('https://catalog.internal/prices', { headers: injectContext(), method: 'GET' });
  return body.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'undici stream through a namespace import',
    code: `
import * as undici from 'undici';
import { Writable } from 'node:stream';

export async function download(sink: Writable) {
  await undici.stream('https://files.internal/report.csv', { method: 'GET' }, () => sink);
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'undici' },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import * as undici from 'undici';
import { Writable } from 'node:stream';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function download(sink: Writable) {
  await undici.stream('https://files.internal/report.csv', { headers: injectContext(), method: 'GET' }, () => sink);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'undici Client and Pool request',
    code: `
import { Client, Pool } from 'undici';

const client = new Client('https://inventory.internal');
const pool = new Pool('https://pricing.internal', { connections: 4 });

export async function stock(sku: string) {
  const { body } = await client.request({ path: \`/stock/\${sku}\`, method: 'GET' });
  await pool.request({ path: \`/prices/\${sku}\`, method: 'GET', headers: { accept: 'application/json' } });
  return body.json();
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'undici' },
        line: 8,
        column: 26,
        endLine: 8,
        endColumn: 40,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { Client, Pool } from 'undici';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const client = new Client('https://inventory.internal');
const pool = new Pool('https://pricing.internal', { connections: 4 });

export async function stock(sku: string) {
  const { body } = await client.request({ headers: injectContext(), path: \`/stock/\${sku}\`, method: 'GET' });
  await pool.request({ path: \`/prices/\${sku}\`, method: 'GET', headers: { accept: 'application/json' } });
  return body.json();
}
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'undici' },
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { Client, Pool } from 'undici';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const client = new Client('https://inventory.internal');
const pool = new Pool('https://pricing.internal', { connections: 4 });

export async function stock(sku: string) {
  const { body } = await client.request({ path: \`/stock/\${sku}\`, method: 'GET' });
  await pool.request({ path: \`/prices/\${sku}\`, method: 'GET', headers: injectContext({ accept: 'application/json' }) });
  return body.json();
}
`,
          },
        ],
      },
    ],
  },
  // ── outbound: Node http / https ────────────────────────────────────────────────────────────
  {
    name: 'http.request(options, callback)',
    code: `
import http from 'node:http';

export function notify(payload: string) {
  const req = http.request({ host: 'hooks.internal', path: '/notify', method: 'POST' }, (res) => res.resume());
  req.end(payload);
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 5,
        column: 15,
        endLine: 5,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import http from 'node:http';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function notify(payload: string) {
  const req = http.request({ headers: injectContext(), host: 'hooks.internal', path: '/notify', method: 'POST' }, (res) => res.resume());
  req.end(payload);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'https.get(url, callback) and http.get(url) through a namespace import',
    code: `
import https from 'node:https';
import * as http from 'node:http';

export function health() {
  https.get('https://status.internal/health', (res) => res.resume());
}

export const probe = () => http.get('http://sidecar:9000/ready');
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import https from 'node:https';
import * as http from 'node:http';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function health() {
  https.get('https://status.internal/health', { headers: injectContext() }, (res) => res.resume());
}

export const probe = () => http.get('http://sidecar:9000/ready');
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 9,
        column: 28,
        endLine: 9,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import https from 'node:https';
import * as http from 'node:http';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function health() {
  https.get('https://status.internal/health', (res) => res.resume());
}

export const probe = () => http.get('http://sidecar:9000/ready', { headers: injectContext() });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'transport.request where transport is https or http',
    code: `
import http from 'node:http';
import https from 'node:https';

export function send(url: URL, body: string) {
  const transport = url.protocol === 'https:' ? https : http;
  const req = transport.request(url, { method: 'POST' });
  req.end(body);
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 7,
        column: 15,
        endLine: 7,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import http from 'node:http';
import https from 'node:https';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function send(url: URL, body: string) {
  const transport = url.protocol === 'https:' ? https : http;
  const req = transport.request(url, { headers: injectContext(), method: 'POST' });
  req.end(body);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an aliased named import of https.request',
    code: `
import { request as httpsRequest } from 'node:https';

export function send(body: string) {
  const req = httpsRequest('https://hooks.internal/events', { method: 'POST', headers: { 'content-type': 'text/plain' } });
  req.end(body);
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 5,
        column: 15,
        endLine: 5,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { request as httpsRequest } from 'node:https';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function send(body: string) {
  const req = httpsRequest('https://hooks.internal/events', { method: 'POST', headers: injectContext({ 'content-type': 'text/plain' }) });
  req.end(body);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'http.request(url, options variable, callback)',
    code: `
import http from 'node:http';

export function send(url: string, options: http.RequestOptions) {
  return http.request(url, options, (res) => res.resume());
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import http from 'node:http';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function send(url: string, options: http.RequestOptions) {
  return http.request(url, { ...options, headers: injectContext(options?.headers) }, (res) => res.resume());
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a required http in CommonJS after a use-strict directive (espree)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `'use strict';

const http = require('http');

function ping(host) {
  return http.get({ host, path: '/ping' }, (res) => res.resume());
}

module.exports = { ping };
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `'use strict';

const http = require('http');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

function ping(host) {
  return http.get({ headers: injectContext(), host, path: '/ping' }, (res) => res.resume());
}

module.exports = { ping };
`,
          },
        ],
      },
    ],
  },
  // ── outbound: axios ────────────────────────────────────────────────────────────────────────
  {
    name: 'axios.get(url), axios.post(url) and axios.post(url, data, config)',
    code: `
import axios from 'axios';

export const listUsers = () => axios.get('https://users.internal/users');
export const touch = () => axios.post('https://users.internal/touch');
export const save = (user: unknown) => axios.post('https://users.internal/users', user, { timeout: 5000 });
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 4,
        column: 32,
        endLine: 4,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const listUsers = () => axios.get('https://users.internal/users', { headers: injectContext() });
export const touch = () => axios.post('https://users.internal/touch');
export const save = (user: unknown) => axios.post('https://users.internal/users', user, { timeout: 5000 });
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 5,
        column: 28,
        endLine: 5,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const listUsers = () => axios.get('https://users.internal/users');
export const touch = () => axios.post('https://users.internal/touch', undefined, { headers: injectContext() });
export const save = (user: unknown) => axios.post('https://users.internal/users', user, { timeout: 5000 });
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const listUsers = () => axios.get('https://users.internal/users');
export const touch = () => axios.post('https://users.internal/touch');
export const save = (user: unknown) => axios.post('https://users.internal/users', user, { headers: injectContext(), timeout: 5000 });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios(config) and axios(url, config)',
    code: `
import axios from 'axios';

export const remove = (id: string) => axios({ url: \`https://users.internal/users/\${id}\`, method: 'DELETE' });
export const archive = (id: string) => axios(\`https://users.internal/users/\${id}/archive\`, { method: 'POST' });
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 4,
        column: 39,
        endLine: 4,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const remove = (id: string) => axios({ headers: injectContext(), url: \`https://users.internal/users/\${id}\`, method: 'DELETE' });
export const archive = (id: string) => axios(\`https://users.internal/users/\${id}/archive\`, { method: 'POST' });
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 5,
        column: 40,
        endLine: 5,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const remove = (id: string) => axios({ url: \`https://users.internal/users/\${id}\`, method: 'DELETE' });
export const archive = (id: string) => axios(\`https://users.internal/users/\${id}/archive\`, { headers: injectContext(), method: 'POST' });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an instance from axios.create',
    code: `
import axios from 'axios';

const api = axios.create({ baseURL: 'https://billing.internal' });

export const invoices = () => api.get('/invoices', { params: { open: true } });
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 6,
        column: 31,
        endLine: 6,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const api = axios.create({ baseURL: 'https://billing.internal' });

export const invoices = () => api.get('/invoices', { headers: injectContext(), params: { open: true } });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios.request(config variable)',
    code: `
import axios from 'axios';

export const run = (config: { url: string }) => axios.request(config);
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 4,
        column: 49,
        endLine: 4,
        endColumn: 62,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const run = (config: { url: string }) => axios.request({ ...config, headers: injectContext(config?.headers) });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a required axios instance in CommonJS; the existing injectContext require is reused',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `const axios = require('axios');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const api = axios.create({ baseURL: 'https://billing.internal' });

module.exports.invoices = function invoices() {
  return api.delete('/invoices/old');
};
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `const axios = require('axios');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const api = axios.create({ baseURL: 'https://billing.internal' });

module.exports.invoices = function invoices() {
  return api.delete('/invoices/old', { headers: injectContext() });
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an axios interceptor that sets only authorization does not inject',
    code: `
import axios from 'axios';

const api = axios.create({ baseURL: 'https://billing.internal' });
api.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${process.env.TOKEN}\`;
  return config;
});

export const invoices = () => api.get('/invoices');
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 10,
        column: 31,
        endLine: 10,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const api = axios.create({ baseURL: 'https://billing.internal' });
api.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${process.env.TOKEN}\`;
  return config;
});

export const invoices = () => api.get('/invoices', { headers: injectContext() });
`,
          },
        ],
      },
    ],
  },
  // ── outbound: got, ky, node-fetch, superagent, ws ──────────────────────────────────────────
  {
    name: 'got(url) and got.post(url, options)',
    code: `
import got from 'got';

export const rates = () => got('https://fx.internal/rates').json();
export const save = (rate: unknown) => got.post('https://fx.internal/rates', { json: rate });
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'got' },
        line: 4,
        column: 28,
        endLine: 4,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import got from 'got';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const rates = () => got('https://fx.internal/rates', { headers: injectContext() }).json();
export const save = (rate: unknown) => got.post('https://fx.internal/rates', { json: rate });
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'got' },
        line: 5,
        column: 40,
        endLine: 5,
        endColumn: 48,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import got from 'got';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const rates = () => got('https://fx.internal/rates').json();
export const save = (rate: unknown) => got.post('https://fx.internal/rates', { headers: injectContext(), json: rate });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'ky in a Worker package (its manifest lists Node instrumentations that never run there)',
    filename: EDGE_TS,
    code: `
import ky from 'ky';

export async function price(sku: string) {
  return ky.get(\`https://prices.internal/\${sku}\`).json();
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'ky' },
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import ky from 'ky';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function price(sku: string) {
  return ky.get(\`https://prices.internal/\${sku}\`, { headers: injectContext() }).json();
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'node-fetch under another name (espree, ESM)',
    filename: BARE_JS,
    languageOptions: ESM,
    code: `import nodeFetch from 'node-fetch';

export async function weather(city) {
  const response = await nodeFetch(\`https://weather.internal/\${city}\`, { timeout: 2000 });
  return response.json();
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'node-fetch' },
        line: 4,
        column: 26,
        endLine: 4,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `import nodeFetch from 'node-fetch';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function weather(city) {
  const response = await nodeFetch(\`https://weather.internal/\${city}\`, { headers: injectContext(), timeout: 2000 });
  return response.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'superagent imported as request: .set(injectContext()) right after the request call',
    filename: BARE_MJS,
    languageOptions: ESM,
    code: `import request from 'superagent';

export const search = (q) => request.get('https://search.internal/q').query({ q });
export const save = (user) => request.post('https://users.internal/users').send(user);
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'superagent' },
        line: 3,
        column: 30,
        endLine: 3,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `import request from 'superagent';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const search = (q) => request.get('https://search.internal/q').set(injectContext()).query({ q });
export const save = (user) => request.post('https://users.internal/users').send(user);
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'superagent' },
        line: 4,
        column: 31,
        endLine: 4,
        endColumn: 43,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `import request from 'superagent';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const search = (q) => request.get('https://search.internal/q').query({ q });
export const save = (user) => request.post('https://users.internal/users').set(injectContext()).send(user);
`,
          },
        ],
      },
    ],
  },
  {
    name: "new WebSocket from 'ws'",
    code: `
import WebSocket from 'ws';

export const prices = new WebSocket('wss://feed.internal/prices');
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'ws' },
        line: 4,
        column: 23,
        endLine: 4,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import WebSocket from 'ws';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const prices = new WebSocket('wss://feed.internal/prices', { headers: injectContext() });
`,
          },
        ],
      },
    ],
  },
  {
    name: "a required { WebSocket } from 'ws' with options (espree, CommonJS)",
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `const { WebSocket } = require('ws');

const trades = new WebSocket('wss://feed.internal/trades', { handshakeTimeout: 5000 });
trades.on('message', (data) => console.log(String(data)));
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'ws' },
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `const { WebSocket } = require('ws');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const trades = new WebSocket('wss://feed.internal/trades', { headers: injectContext(), handshakeTimeout: 5000 });
trades.on('message', (data) => console.log(String(data)));
`,
          },
        ],
      },
    ],
  },
  // ── settings and import placement ──────────────────────────────────────────────────────────
  {
    name: "instrumented: ['fetch'] covers fetch only",
    settings: { 'trace-context': { instrumented: ['fetch'] } },
    code: `
import axios from 'axios';

export const a = () => fetch('https://a.internal/x');
export const b = () => axios.get('https://b.internal/y');
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 5,
        column: 24,
        endLine: 5,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const a = () => fetch('https://a.internal/x');
export const b = () => axios.get('https://b.internal/y', { headers: injectContext() });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an existing wrapper import gains injectContext',
    filename: EDGE_TS,
    code: `
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch(request: Request) {
    return withExtractedContext(request.headers, async () => {
      return fetch('https://origin.internal/api', { method: 'GET' });
    }, { name: 'fetch', kind: 'server' });
  },
};
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 7,
        column: 14,
        endLine: 7,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch(request: Request) {
    return withExtractedContext(request.headers, async () => {
      return fetch('https://origin.internal/api', { headers: injectContext(), method: 'GET' });
    }, { name: 'fetch', kind: 'server' });
  },
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an aliased injectContext import is reused',
    code: `
import axios from 'axios';
import { injectContext as traceHeaders } from 'eslint-plugin-trace-context/wrappers';

export const a = () => axios.get('https://a.internal/x', { headers: traceHeaders() });
export const b = () => axios.get('https://b.internal/y');
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 6,
        column: 24,
        endLine: 6,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import axios from 'axios';
import { injectContext as traceHeaders } from 'eslint-plugin-trace-context/wrappers';

export const a = () => axios.get('https://a.internal/x', { headers: traceHeaders() });
export const b = () => axios.get('https://b.internal/y', { headers: traceHeaders() });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a relative wrapperModule is imported relative to the file',
    filename: fixture('http-node-bare', 'src', 'api', 'users.ts'),
    settings: { 'trace-context': { wrapperModule: './src/tracing/wrappers' } },
    code: `
export const users = () => fetch('https://users.internal/users');
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 2,
        column: 28,
        endLine: 2,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from '../tracing/wrappers';

export const users = () => fetch('https://users.internal/users', { headers: injectContext() });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'CRLF line endings are kept',
    code: "import axios from 'axios';\r\n\r\nexport const a = () => axios.get('https://a.internal/x');\r\n",
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: "import axios from 'axios';\r\nimport { injectContext } from 'eslint-plugin-trace-context/wrappers';\r\n\r\nexport const a = () => axios.get('https://a.internal/x', { headers: injectContext() });\r\n",
          },
        ],
      },
    ],
  },
  {
    name: "a BOM and 'use strict' in CommonJS",
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: "\uFEFF'use strict';\n\nfetch('https://a.internal/x').then((r) => r.text()).then(console.log);\n",
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: "\uFEFF'use strict';\nconst { injectContext } = require('eslint-plugin-trace-context/wrappers');\n\nfetch('https://a.internal/x', { headers: injectContext() }).then((r) => r.text()).then(console.log);\n",
          },
        ],
      },
    ],
  },
  // ── inbound: Workers ───────────────────────────────────────────────────────────────────────
  {
    name: 'a Worker fetch handler that calls out: one report for the handler, one for the call',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const upstream = await fetch(\`\${env.API}/cart\`, { method: 'GET' });
    return new Response(upstream.body, upstream);
  },
};
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'fetch'" },
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    return withExtractedContext(request.headers, async () => {
      const upstream = await fetch(\`\${env.API}/cart\`, { method: 'GET' });
      return new Response(upstream.body, upstream);
    }, { name: 'fetch', kind: 'server' });
  },
};
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 4,
        column: 28,
        endLine: 4,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const upstream = await fetch(\`\${env.API}/cart\`, { headers: injectContext(), method: 'GET' });
    return new Response(upstream.body, upstream);
  },
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Worker that rebuilds headers from an allow-list leaving out traceparent',
    filename: EDGE_TS,
    code: `
export default {
  async fetch(request: Request): Promise<Response> {
    const headers = new Headers();
    for (const name of ['authorization', 'accept', 'content-type']) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    return fetch('https://origin.internal' + new URL(request.url).pathname, { headers });
  },
};
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'fetch'" },
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch(request: Request): Promise<Response> {
    return withExtractedContext(request.headers, async () => {
      const headers = new Headers();
      for (const name of ['authorization', 'accept', 'content-type']) {
        const value = request.headers.get(name);
        if (value) headers.set(name, value);
      }
      return fetch('https://origin.internal' + new URL(request.url).pathname, { headers });
    }, { name: 'fetch', kind: 'server' });
  },
};
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 9,
        column: 12,
        endLine: 9,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch(request: Request): Promise<Response> {
    const headers = new Headers();
    for (const name of ['authorization', 'accept', 'content-type']) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    return fetch('https://origin.internal' + new URL(request.url).pathname, { headers: injectContext(headers) });
  },
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Worker that only starts spans',
    filename: EDGE_TS,
    code: `
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('worker');

export default {
  fetch(request: Request) {
    return tracer.startActiveSpan('render', (span) => {
      span.end();
      return new Response('ok');
    });
  },
};
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'fetch'" },
        line: 7,
        column: 3,
        endLine: 7,
        endColumn: 8,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { trace } from '@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const tracer = trace.getTracer('worker');

export default {
  fetch(request: Request) {
    return withExtractedContext(request.headers, () => {
      return tracer.startActiveSpan('render', (span) => {
        span.end();
        return new Response('ok');
      });
    }, { name: 'fetch', kind: 'server' });
  },
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Worker handler without a request parameter: reported without a suggestion',
    filename: EDGE_TS,
    code: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  async fetch() {
    const upstream = await fetch('https://status.internal/ping', { headers: injectContext() });
    return new Response(upstream.body);
  },
};
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'fetch'" },
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 14,
        suggestions: [],
      },
    ],
  },
  {
    name: 'an arrow-function Worker handler with satisfies, in a package with Node instrumentations',
    filename: INSTRUMENTED_TS,
    code: `
import { trace } from '@opentelemetry/api';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  fetch: async (request, env, ctx) => {
    const span = trace.getTracer('edge').startSpan('cart');
    const response = await fetch(env.CART_URL, { headers: injectContext() });
    span.end();
    return response;
  },
} satisfies ExportedHandler<Env>;
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'fetch'" },
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 8,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { trace } from '@opentelemetry/api';
import { injectContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export default {
  fetch: async (request, env, ctx) => {
    return withExtractedContext(request.headers, async () => {
      const span = trace.getTracer('edge').startSpan('cart');
      const response = await fetch(env.CART_URL, { headers: injectContext() });
      span.end();
      return response;
    }, { name: 'fetch', kind: 'server' });
  },
} satisfies ExportedHandler<Env>;
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Worker in double quotes without semicolons (espree, ESM)',
    filename: EDGE_JS,
    languageOptions: ESM,
    code: `import { trace } from "@opentelemetry/api"

const tracer = trace.getTracer("edge")

export default {
  async fetch(request) {
    return tracer.startActiveSpan("page", async (span) => {
      span.end()
      return new Response("ok")
    })
  },
}
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'fetch'" },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `import { trace } from "@opentelemetry/api"
import { withExtractedContext } from "eslint-plugin-trace-context/wrappers"

const tracer = trace.getTracer("edge")

export default {
  async fetch(request) {
    return withExtractedContext(request.headers, async () => {
      return tracer.startActiveSpan("page", async (span) => {
        span.end()
        return new Response("ok")
      })
    }, { name: "fetch", kind: "server" })
  },
}
`,
          },
        ],
      },
    ],
  },
  // ── inbound: Next.js edge routes and middleware, Deno, Bun ─────────────────────────────────
  {
    name: 'a Next.js edge POST route handler',
    filename: NEXT_ROUTE_TS,
    code: `
export const runtime = 'edge';

export async function POST(request: Request) {
  const order = await request.json();
  return fetch('https://orders.internal/orders', { method: 'POST', body: JSON.stringify(order) });
}
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'POST'" },
        line: 4,
        column: 23,
        endLine: 4,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export const runtime = 'edge';

export async function POST(request: Request) {
  return withExtractedContext(request.headers, async () => {
    const order = await request.json();
    return fetch('https://orders.internal/orders', { method: 'POST', body: JSON.stringify(order) });
  }, { name: 'POST', kind: 'server' });
}
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const runtime = 'edge';

export async function POST(request: Request) {
  const order = await request.json();
  return fetch('https://orders.internal/orders', { headers: injectContext(), method: 'POST', body: JSON.stringify(order) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Next.js middleware forwarding only the cookie',
    filename: NEXT_MIDDLEWARE_TS,
    code: `
import { NextResponse, type NextRequest } from 'next/server';

export async function middleware(request: NextRequest) {
  const session = await fetch('https://auth.internal/session', { headers: { cookie: request.headers.get('cookie') ?? '' } });
  return session.ok ? NextResponse.next() : NextResponse.redirect(new URL('/login', request.url));
}
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'middleware'" },
        line: 4,
        column: 23,
        endLine: 4,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { NextResponse, type NextRequest } from 'next/server';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function middleware(request: NextRequest) {
  return withExtractedContext(request.headers, async () => {
    const session = await fetch('https://auth.internal/session', { headers: { cookie: request.headers.get('cookie') ?? '' } });
    return session.ok ? NextResponse.next() : NextResponse.redirect(new URL('/login', request.url));
  }, { name: 'middleware', kind: 'server' });
}
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 5,
        column: 25,
        endLine: 5,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { NextResponse, type NextRequest } from 'next/server';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function middleware(request: NextRequest) {
  const session = await fetch('https://auth.internal/session', { headers: injectContext({ cookie: request.headers.get('cookie') ?? '' }) });
  return session.ok ? NextResponse.next() : NextResponse.redirect(new URL('/login', request.url));
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Deno.serve with an expression-bodied handler',
    filename: DENO_TS,
    code: `
Deno.serve((req) => fetch('https://api.internal/data'));
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'Deno.serve'" },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

Deno.serve((req) => withExtractedContext(req.headers, () => fetch('https://api.internal/data'), { name: 'Deno.serve', kind: 'server' }));
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 2,
        column: 21,
        endLine: 2,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

Deno.serve((req) => fetch('https://api.internal/data', { headers: injectContext() }));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Deno.serve(options, handler) starting a span',
    filename: DENO_TS,
    code: `
import { trace } from 'npm:@opentelemetry/api';

Deno.serve({ port: 8000 }, async (req) => {
  return await trace.getTracer('api').startActiveSpan('handle', async (span) => {
    span.end();
    return new Response('ok');
  });
});
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'Deno.serve'" },
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { trace } from 'npm:@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

Deno.serve({ port: 8000 }, async (req) => {
  return withExtractedContext(req.headers, async () => {
    return await trace.getTracer('api').startActiveSpan('handle', async (span) => {
      span.end();
      return new Response('ok');
    });
  }, { name: 'Deno.serve', kind: 'server' });
});
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Bun.serve({ fetch })',
    filename: BUN_TS,
    code: `
import { trace } from '@opentelemetry/api';

Bun.serve({
  port: 3000,
  async fetch(req) {
    const tracer = trace.getTracer('bun');
    return tracer.startActiveSpan('handle', (span) => {
      span.end();
      return new Response('ok');
    });
  },
});
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'Bun.serve'" },
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { trace } from '@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

Bun.serve({
  port: 3000,
  async fetch(req) {
    return withExtractedContext(req.headers, async () => {
      const tracer = trace.getTracer('bun');
      return tracer.startActiveSpan('handle', (span) => {
        span.end();
        return new Response('ok');
      });
    }, { name: 'Bun.serve', kind: 'server' });
  },
});
`,
          },
        ],
      },
    ],
  },
  // ── inbound: Lambda behind API Gateway / ALB ───────────────────────────────────────────────
  {
    name: 'a Lambda handler typed APIGatewayProxyEvent calling axios',
    filename: LAMBDA_TS,
    code: `
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import axios from 'axios';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const { data } = await axios.get('https://users.internal/users', { headers: { accept: 'application/json' } });
  return { statusCode: 200, body: JSON.stringify(data) };
};
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'handler'" },
        line: 5,
        column: 14,
        endLine: 5,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import axios from 'axios';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  return withExtractedContext(event.headers, async () => {
    const { data } = await axios.get('https://users.internal/users', { headers: { accept: 'application/json' } });
    return { statusCode: 200, body: JSON.stringify(data) };
  }, { name: 'handler', kind: 'server' });
};
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'axios' },
        line: 6,
        column: 26,
        endLine: 6,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const { data } = await axios.get('https://users.internal/users', { headers: injectContext({ accept: 'application/json' }) });
  return { statusCode: 200, body: JSON.stringify(data) };
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Lambda handler function declaration typed APIGatewayProxyEventV2',
    filename: LAMBDA_TS,
    code: `
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { trace } from '@opentelemetry/api';

export async function handler(event: APIGatewayProxyEventV2) {
  const span = trace.getTracer('lambda').startSpan('orders.get');
  span.end();
  return { statusCode: 200, body: '{}' };
}
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'handler'" },
        line: 5,
        column: 23,
        endLine: 5,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { trace } from '@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function handler(event: APIGatewayProxyEventV2) {
  return withExtractedContext(event.headers, async () => {
    const span = trace.getTracer('lambda').startSpan('orders.get');
    span.end();
    return { statusCode: 200, body: '{}' };
  }, { name: 'handler', kind: 'server' });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an untyped Lambda handler reading event.headers (espree, ESM)',
    filename: LAMBDA_JS,
    languageOptions: ESM,
    code: `import { trace } from '@opentelemetry/api';

export async function handler(event) {
  const tracer = trace.getTracer('lambda');
  return tracer.startActiveSpan('orders.list', async (span) => {
    span.setAttribute('tenant', event.headers['x-tenant'] ?? 'none');
    span.end();
    return { statusCode: 200, body: '[]' };
  });
}
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'handler'" },
        line: 3,
        column: 23,
        endLine: 3,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `import { trace } from '@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export async function handler(event) {
  return withExtractedContext(event.headers, async () => {
    const tracer = trace.getTracer('lambda');
    return tracer.startActiveSpan('orders.list', async (span) => {
      span.setAttribute('tenant', event.headers['x-tenant'] ?? 'none');
      span.end();
      return { statusCode: 200, body: '[]' };
    });
  }, { name: 'handler', kind: 'server' });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'an ALB Lambda handler whose same-file helper calls out (and injects)',
    filename: LAMBDA_TS,
    code: `
import type { ALBEvent } from 'aws-lambda';
import axios from 'axios';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

async function loadUser(id: string) {
  return axios.get(\`https://users.internal/\${id}\`, { headers: injectContext() });
}

export const handler = async (event: ALBEvent) => {
  const user = await loadUser(event.queryStringParameters?.id ?? '');
  return { statusCode: 200, body: JSON.stringify(user.data) };
};
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'handler'" },
        line: 10,
        column: 14,
        endLine: 10,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import type { ALBEvent } from 'aws-lambda';
import axios from 'axios';
import { injectContext, withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

async function loadUser(id: string) {
  return axios.get(\`https://users.internal/\${id}\`, { headers: injectContext() });
}

export const handler = async (event: ALBEvent) => {
  return withExtractedContext(event.headers, async () => {
    const user = await loadUser(event.queryStringParameters?.id ?? '');
    return { statusCode: 200, body: JSON.stringify(user.data) };
  }, { name: 'handler', kind: 'server' });
};
`,
          },
        ],
      },
    ],
  },
  // ── inbound: hand-registered Node servers ──────────────────────────────────────────────────
  {
    name: 'a hand-registered http.createServer handler starting a span',
    code: `
import http from 'node:http';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');

http.createServer((req, res) => {
  tracer.startActiveSpan('orders.list', (span) => {
    res.end('[]');
    span.end();
  });
}).listen(8080);
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'request'" },
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import http from 'node:http';
import { trace } from '@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const tracer = trace.getTracer('orders');

http.createServer((req, res) => {
  return withExtractedContext(req.headers, () => {
    tracer.startActiveSpan('orders.list', (span) => {
      res.end('[]');
      span.end();
    });
  }, { name: 'request', kind: 'server' });
}).listen(8080);
`,
          },
        ],
      },
    ],
  },
  {
    name: 'https.createServer(options, handler)',
    code: `
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { trace } from '@opentelemetry/api';

https.createServer({ key: readFileSync('key.pem'), cert: readFileSync('cert.pem') }, (req, res) => {
  const span = trace.getTracer('tls').startSpan('request');
  res.end('ok');
  span.end();
}).listen(8443);
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'request'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { trace } from '@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

https.createServer({ key: readFileSync('key.pem'), cert: readFileSync('cert.pem') }, (req, res) => {
  return withExtractedContext(req.headers, () => {
    const span = trace.getTracer('tls').startSpan('request');
    res.end('ok');
    span.end();
  }, { name: 'request', kind: 'server' });
}).listen(8443);
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a required http.createServer with a function expression that calls out (espree, CommonJS)',
    filename: BARE_CJS,
    languageOptions: COMMONJS,
    code: `const http = require('node:http');

const server = http.createServer(async function (req, res) {
  const upstream = await fetch('https://inventory.internal/stock', { method: 'GET' });
  res.end(await upstream.text());
});

server.listen(8080);
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'request'" },
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `const http = require('node:http');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

const server = http.createServer(async function (req, res) {
  return withExtractedContext(req.headers, async () => {
    const upstream = await fetch('https://inventory.internal/stock', { method: 'GET' });
    res.end(await upstream.text());
  }, { name: 'request', kind: 'server' });
});

server.listen(8080);
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 4,
        column: 26,
        endLine: 4,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `const http = require('node:http');
const { injectContext } = require('eslint-plugin-trace-context/wrappers');

const server = http.createServer(async function (req, res) {
  const upstream = await fetch('https://inventory.internal/stock', { headers: injectContext(), method: 'GET' });
  res.end(await upstream.text());
});

server.listen(8080);
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Node proxy that copies an allow-list of headers',
    code: `
import http from 'node:http';

const ALLOWED = ['authorization', 'accept'];

http.createServer(async (req, res) => {
  const headers: Record<string, string> = {};
  for (const name of ALLOWED) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const upstream = await fetch('https://origin.internal' + req.url, { headers });
  res.end(await upstream.text());
}).listen(8080);
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'request'" },
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import http from 'node:http';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

const ALLOWED = ['authorization', 'accept'];

http.createServer(async (req, res) => {
  return withExtractedContext(req.headers, async () => {
    const headers: Record<string, string> = {};
    for (const name of ALLOWED) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch('https://origin.internal' + req.url, { headers });
    res.end(await upstream.text());
  }, { name: 'request', kind: 'server' });
}).listen(8080);
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 12,
        column: 26,
        endLine: 12,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import http from 'node:http';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const ALLOWED = ['authorization', 'accept'];

http.createServer(async (req, res) => {
  const headers: Record<string, string> = {};
  for (const name of ALLOWED) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const upstream = await fetch('https://origin.internal' + req.url, { headers: injectContext(headers) });
  res.end(await upstream.text());
}).listen(8080);
`,
          },
        ],
      },
    ],
  },
  // ── cases found while writing the tests ──────────────────────────────────────────────────────
  {
    name: "new WebSocket(url, protocols) and new WebSocket(url, protocol, options) from 'ws' get no fix",
    code: `
import WebSocket from 'ws';

export const prices = new WebSocket('wss://feed.internal/prices', ['v2.prices']);
export const trades = new WebSocket('wss://feed.internal/trades', 'v2.trades', { handshakeTimeout: 5000 });
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'ws' },
        line: 4,
        column: 23,
        endLine: 4,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import WebSocket from 'ws';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const prices = new WebSocket('wss://feed.internal/prices', ['v2.prices'], { headers: injectContext() });
export const trades = new WebSocket('wss://feed.internal/trades', 'v2.trades', { handshakeTimeout: 5000 });
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'ws' },
        line: 5,
        column: 23,
        endLine: 5,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import WebSocket from 'ws';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const prices = new WebSocket('wss://feed.internal/prices', ['v2.prices']);
export const trades = new WebSocket('wss://feed.internal/trades', 'v2.trades', { headers: injectContext(), handshakeTimeout: 5000 });
`,
          },
        ],
      },
    ],
  },
  {
    name: 'http.request(options variable) alone is spread, not given a second argument',
    code: `
import http from 'node:http';

export function send(options: http.RequestOptions, body: string) {
  const req = http.request(options);
  req.end(body);
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'http' },
        line: 5,
        column: 15,
        endLine: 5,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import http from 'node:http';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export function send(options: http.RequestOptions, body: string) {
  const req = http.request({ ...options, headers: injectContext(options?.headers) });
  req.end(body);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'fetch(localRequest) keeps the Request headers when injecting',
    code: `
export async function send(url: string, body: string) {
  const outgoing = new Request(url, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
  return fetch(outgoing);
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 4,
        column: 10,
        endLine: 4,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function send(url: string, body: string) {
  const outgoing = new Request(url, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
  return fetch(outgoing, { headers: injectContext(outgoing.headers) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a second call in the same function is not covered by the first call\'s carrier',
    code: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function sync(url: string) {
  const headers = injectContext({ accept: 'application/json' });
  await fetch(url, { headers });
  return fetch(\`\${url}/status\`, { method: 'HEAD', headers: { accept: 'text/plain' } });
}
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: FETCH },
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export async function sync(url: string) {
  const headers = injectContext({ accept: 'application/json' });
  await fetch(url, { headers });
  return fetch(\`\${url}/status\`, { method: 'HEAD', headers: injectContext({ accept: 'text/plain' }) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a Next.js edge route handler that only starts spans',
    filename: NEXT_ROUTE_TS,
    code: `
import { trace } from '@opentelemetry/api';

export const runtime = 'edge';

export async function GET(request: Request) {
  return trace.getTracer('next').startActiveSpan('orders.list', async (span) => {
    span.end();
    return Response.json([]);
  });
}
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'GET'" },
        line: 6,
        column: 23,
        endLine: 6,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `
import { trace } from '@opentelemetry/api';
import { withExtractedContext } from 'eslint-plugin-trace-context/wrappers';

export const runtime = 'edge';

export async function GET(request: Request) {
  return withExtractedContext(request.headers, async () => {
    return trace.getTracer('next').startActiveSpan('orders.list', async (span) => {
      span.end();
      return Response.json([]);
    });
  }, { name: 'GET', kind: 'server' });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a CommonJS exports.handler Lambda reading event.rawPath (espree)',
    filename: LAMBDA_CJS,
    languageOptions: COMMONJS,
    code: `const { trace } = require('@opentelemetry/api');

exports.handler = async (event) => {
  return trace.getTracer('lambda').startActiveSpan('orders.list', async (span) => {
    span.setAttribute('path', event.rawPath);
    span.end();
    return { statusCode: 200, body: '[]' };
  });
};
`,
    errors: [
      {
        messageId: 'missingExtraction',
        data: { name: "'handler'" },
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'extractContext',
            output: `const { trace } = require('@opentelemetry/api');
const { withExtractedContext } = require('eslint-plugin-trace-context/wrappers');

exports.handler = async (event) => {
  return withExtractedContext(event.headers, async () => {
    return trace.getTracer('lambda').startActiveSpan('orders.list', async (span) => {
      span.setAttribute('path', event.rawPath);
      span.end();
      return { statusCode: 200, body: '[]' };
    });
  }, { name: 'handler', kind: 'server' });
};
`,
          },
        ],
      },
    ],
  },
  {
    name: 'instances from got.extend and ky.create',
    code: `
import got from 'got';
import ky from 'ky';

const fx = got.extend({ prefixUrl: 'https://fx.internal' });
const prices = ky.create({ prefixUrl: 'https://prices.internal' });

export const rates = () => fx.get('rates').json();
export const price = (sku: string) => prices.get(sku).json();
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'got' },
        line: 8,
        column: 28,
        endLine: 8,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import got from 'got';
import ky from 'ky';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const fx = got.extend({ prefixUrl: 'https://fx.internal' });
const prices = ky.create({ prefixUrl: 'https://prices.internal' });

export const rates = () => fx.get('rates', { headers: injectContext() }).json();
export const price = (sku: string) => prices.get(sku).json();
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'ky' },
        line: 9,
        column: 39,
        endLine: 9,
        endColumn: 49,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import got from 'got';
import ky from 'ky';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

const fx = got.extend({ prefixUrl: 'https://fx.internal' });
const prices = ky.create({ prefixUrl: 'https://prices.internal' });

export const rates = () => fx.get('rates').json();
export const price = (sku: string) => prices.get(sku, { headers: injectContext() }).json();
`,
          },
        ],
      },
    ],
  },
  {
    name: "ws imported under another name (import WS from 'ws', { WebSocket as Socket })",
    code: `
import WS from 'ws';
import { WebSocket as Socket } from 'ws';

export const prices = new WS('wss://feed.internal/prices');
export const trades = new Socket('wss://feed.internal/trades');
`,
    errors: [
      {
        messageId: 'missingInjection',
        data: { library: 'ws' },
        line: 5,
        column: 23,
        endLine: 5,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import WS from 'ws';
import { WebSocket as Socket } from 'ws';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const prices = new WS('wss://feed.internal/prices', { headers: injectContext() });
export const trades = new Socket('wss://feed.internal/trades');
`,
          },
        ],
      },
      {
        messageId: 'missingInjection',
        data: { library: 'ws' },
        line: 6,
        column: 23,
        endLine: 6,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'injectHeaders',
            output: `
import WS from 'ws';
import { WebSocket as Socket } from 'ws';
import { injectContext } from 'eslint-plugin-trace-context/wrappers';

export const prices = new WS('wss://feed.internal/prices');
export const trades = new Socket('wss://feed.internal/trades', { headers: injectContext() });
`,
          },
        ],
      },
    ],
  },
];

ruleTester.run(RULE, rule, { valid, invalid });

describeSuggestionRelint(RULE, rule, invalid, BARE_TS);

describe(`${RULE}: applying every suggestion in turn leaves the file clean`, () => {
  const active = invalid.filter((item) => !item.skip && item.errors.every((error) => (error.suggestions?.length ?? 0) > 0));

  it.each(active.map((item) => ({ title: item.name ?? item.code.slice(0, 40), item })))('$title', ({ item }) => {
    let code = item.code;
    for (let round = 0; round <= item.errors.length; round++) {
      const messages = lintWithRule(RULE, rule, { ...(item as LintCase), code }, BARE_TS);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      const fix = messages[0]?.suggestions?.[0]?.fix;
      if (!fix) break;
      const bom = code.startsWith('\uFEFF') ? '\uFEFF' : '';
      const text = code.slice(bom.length);
      code = bom + text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
    }
    expect(lintWithRule(RULE, rule, { ...(item as LintCase), code }, BARE_TS)).toEqual([]);
  });
});

describe(`${RULE}: the rule takes no options`, () => {
  const code = "fetch('https://a.internal/x');\n";

  it('rejects an option object', () => {
    expect(() => lintWithRule(RULE, rule, { code, options: [{ checkAll: true }] }, BARE_TS)).toThrow(/should NOT have more than 0 items/);
  });

  it('runs without options', () => {
    expect(lintWithRule(RULE, rule, { code }, BARE_TS)).toHaveLength(1);
  });
});

it('keeps at least as many valid cases as invalid ones', () => {
  expect(valid.length).toBeGreaterThanOrEqual(invalid.length);
});
