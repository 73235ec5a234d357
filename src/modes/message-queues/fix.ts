/**
 * Mode 3 fixes: producers write the context into the client's own carrier with `injectContext`
 * (a new object; the caller's stays untouched); consumers run in the extracted context under a
 * CONSUMER span named `process <destination>`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { walk } from '../../core/ast';
import { fileStyle, planAddProperty, quoteString, wrapBlock, type FixPlan, type TextEdit } from '../../core/fix-plan';
import { propertyKeyName, unwrapExpression } from '../../core/origins';
import { importedLocalName, wrapperSpecifier } from '../../core/wrapper-module';
import type { WrapperName } from '../../core/wrappers';
import type { TraceContextSettings } from '../../settings';
import type { ConsumerFinding, MessageQueueFinding, ProducerFinding } from './detect';

type SourceCode = Readonly<TSESLint.SourceCode>;

export function planMessageQueueFix(
  sourceCode: SourceCode,
  filename: string,
  finding: MessageQueueFinding,
  settings: TraceContextSettings,
): FixPlan | undefined {
  const module = wrapperSpecifier(filename, settings.wrapperModule);
  if (finding.customFix) {
    const locals: Partial<Record<WrapperName, string>> = {};
    const imports: { module: string; name: string }[] = [];
    for (const wrapper of finding.customFix.wrappers) {
      const existing = importedLocalName(sourceCode, module, wrapper);
      locals[wrapper] = existing ?? wrapper;
      if (!existing) imports.push({ module, name: wrapper });
    }
    const edits = finding.customFix.plan(locals);
    return edits && edits.length > 0 ? { edits, imports } : undefined;
  }
  const wrapper = finding.kind === 'producer' ? 'injectContext' : 'withExtractedContext';
  const existing = importedLocalName(sourceCode, module, wrapper);
  const local = existing ?? wrapper;
  const edits = finding.kind === 'producer' ? planProducer(sourceCode, finding, local) : planConsumer(sourceCode, finding, local);
  return edits && edits.length > 0 ? { edits, imports: existing ? [] : [{ module, name: wrapper }] } : undefined;
}

function planProducer(sourceCode: SourceCode, finding: ProducerFinding, inject: string): TextEdit[] | undefined {
  const fix = finding.producer?.fix;
  if (!fix || finding.messageId !== 'producerWithoutContext') return undefined;
  const { call } = finding;
  if (!call) return undefined;
  if (fix.kind === 'kafka-messages') {
    const edits: TextEdit[] = [];
    const arg = call.arguments[0];
    if (!arg) return undefined;
    walk(sourceCode, arg, (node) => {
      if (node.type !== AST_NODE_TYPES.ObjectExpression) return true;
      if (!isKafkaMessage(node)) return true;
      const edit = carrierEdit(sourceCode, node, 'headers', inject);
      if (edit) edits.push(...edit);
      return false;
    });
    return edits;
  }
  const options = call.arguments[fix.index];
  if (!options) {
    const last = call.arguments[call.arguments.length - 1];
    if (!last || call.arguments.length !== fix.index) return undefined;
    return [{ range: [last.range[1], last.range[1]], text: `, { ${fix.property}: ${inject}() }` }];
  }
  const value = unwrapExpression(options);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return carrierEdit(sourceCode, value, fix.property, inject);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
    const source = sourceCode.getText(options);
    return [{ range: options.range, text: `{ ...${source}, ${fix.property}: ${inject}(${source}?.${fix.property}) }` }];
  }
  return undefined;
}

/** A Kafka message literal: `{ value, key?, headers? }`. */
function isKafkaMessage(node: TSESTree.ObjectExpression): boolean {
  const names = node.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyKeyName(p.key, p.computed) : undefined));
  return names.includes('value') && !names.includes('messages') && !names.includes('topic');
}

/** `{ …, headers: X }` → `headers: inject(X)`; no carrier property → `headers: inject()` added. */
function carrierEdit(sourceCode: SourceCode, object: TSESTree.ObjectExpression, property: string, inject: string): TextEdit[] {
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
  const from = spread ? `${sourceCode.getText(spread.argument)}?.${property}` : '';
  return [planAddProperty(sourceCode, object, `${property}: ${inject}(${from})`)];
}

function planConsumer(sourceCode: SourceCode, finding: ConsumerFinding, extract: string): TextEdit[] | undefined {
  const { handler, consumer } = finding;
  if (!handler || !consumer?.carrier || !consumer.system) return undefined;
  const param = handler.params[0];
  let name: string | undefined;
  const destructured = new Set<string>();
  if (param?.type === AST_NODE_TYPES.Identifier) name = param.name;
  else if (param?.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of param.properties) {
      if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) {
        if (propertyKeyName(property.key, property.computed) === property.value.name) destructured.add(property.value.name);
      }
    }
  } else return undefined;
  const carrier = consumer.carrier(name ?? '', destructured);
  if (!carrier) return undefined;
  const style = fileStyle(sourceCode);
  const q = (text: string) => quoteString(text, style);
  const destination = finding.destination ?? (destructured.has('topic') ? 'topic' : undefined);
  const literal = destination !== undefined && /^(['"])[^'"\\`$]*\1$/.test(destination) ? destination.slice(1, -1) : undefined;
  const spanName = literal !== undefined ? q(`process ${literal}`) : destination ? `\`process \${${destination}}\`` : q('process');
  const attributes = destination
    ? `{ ${q('messaging.system')}: ${q(consumer.system)}, ${q('messaging.destination.name')}: ${literal !== undefined ? q(literal) : destination} }`
    : `{ ${q('messaging.system')}: ${q(consumer.system)} }`;
  const span = `{ name: ${spanName}, kind: ${q('consumer')}, attributes: ${attributes} }`;
  const asyncPrefix = handler.async ? 'async ' : '';
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = handler.body;
    return [
      { range: [body.range[0], body.range[0]], text: `${extract}(${carrier}, ${asyncPrefix}() => ` },
      { range: [body.range[1], body.range[1]], text: `, ${span})` },
    ];
  }
  if (handler.body.body.length === 0) return undefined;
  const open = `return ${extract}(${carrier}, ${asyncPrefix}() => {`;
  const close = `}, ${span})${style.semi ? ';' : ''}`;
  return [wrapBlock(sourceCode, handler.body, open, close)];
}
