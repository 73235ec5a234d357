'use strict';
// Renders finished spans as trace trees: one block per trace id, span names indented under their
// parents. Plain CommonJS so that tests (TypeScript), child programs and scripts/demo.mjs share it.

/**
 * Accepts SDK spans (`ReadableSpan`) and the plain records `toSpanRecord` makes (the JSON that the
 * e2e programs print), and returns plain records.
 */
function toSpanRecord(span) {
  if (typeof span.spanContext !== 'function') return span;
  const { traceId, spanId } = span.spanContext();
  const [seconds, nanos] = span.startTime;
  const record = {
    name: span.name,
    traceId,
    spanId,
    startTime: seconds * 1e3 + nanos / 1e6,
  };
  const parentSpanId = span.parentSpanContext?.spanId;
  if (parentSpanId) record.parentSpanId = parentSpanId;
  if (span.status && span.status.code === 2) record.error = span.status.message || 'error';
  return record;
}

const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], cyan: [36, 39] };
const paint = (on, style, text) => (on ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
const byStart = (a, b) => (a.startTime ?? 0) - (b.startTime ?? 0);

/**
 * Groups spans by trace (in order of each trace's first span) and draws every trace as an indented
 * tree. A span whose parent was not exported is drawn as a root and marked.
 *
 * @param {Iterable<object>} spans ReadableSpan objects or span records
 * @param {{ color?: boolean, ids?: boolean }} [options]
 * @returns {string}
 */
function traceTrees(spans, options = {}) {
  const color = options.color === true;
  const showIds = options.ids !== false;
  const records = [...spans].map(toSpanRecord);
  const traces = new Map();
  for (const record of [...records].sort(byStart)) {
    if (!traces.has(record.traceId)) traces.set(record.traceId, []);
    traces.get(record.traceId).push(record);
  }

  const blocks = [];
  for (const [traceId, members] of traces) {
    const ids = new Set(members.map((span) => span.spanId));
    const children = new Map();
    const roots = [];
    for (const span of members) {
      if (span.parentSpanId && ids.has(span.parentSpanId)) {
        if (!children.has(span.parentSpanId)) children.set(span.parentSpanId, []);
        children.get(span.parentSpanId).push(span);
      } else {
        roots.push(span);
      }
    }
    const count = members.length === 1 ? '1 span' : `${members.length} spans`;
    const lines = [paint(color, 'dim', `trace ${showIds ? traceId.slice(0, 8) + ' ' : ''}(${count})`)];
    const draw = (span, depth) => {
      let label = depth === 0 ? paint(color, 'bold', span.name) : span.name;
      if (span.parentSpanId && !ids.has(span.parentSpanId)) label += paint(color, 'dim', ' (parent not exported)');
      if (span.error) label += ' ' + paint(color, 'red', `[error: ${span.error}]`);
      lines.push(`${'  '.repeat(depth + 1)}${label}`);
      for (const child of children.get(span.spanId) ?? []) draw(child, depth + 1);
    };
    for (const root of roots) draw(root, 0);
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

module.exports = { toSpanRecord, traceTrees };
