/**
 * Mode 3, job queues and NestJS transports: Bull / BullMQ producers and workers, `@nestjs/bull` /
 * `@nestjs/bullmq` processors and `@nestjs/microservices` clients and pattern handlers.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calleeName, newHeadLoc } from '../../core/ast';
import { propertyKeyName, unwrapExpression } from '../../core/origins';
import { decoratorName } from '../../core/wrappers';
import { BULLMQ_WORKERS, DECORATED_CONSUMERS, type Consumer, type Producer } from './catalog';
import type { ConsumerFinding, DetectorScope, ProducerFinding } from './detect';

/** `@Processor()` classes (`WorkerHost`) process jobs in this method. */
const NEST_HANDLER_METHOD = 'process';
const JOB_LIBRARIES: ReadonlySet<string> = new Set(['bullmq / bull', '@nestjs/microservices']);

/** Catalog rows (PRODUCERS / CONSUMERS) this module judges instead of the generic detector. */
export function isJobQueue(row: Producer | Consumer): boolean {
  return JOB_LIBRARIES.has(row.library);
}

/** Listeners for BullMQ workers (`new Worker(…)`) and the NestJS decorators. */
export function createJobsDetector(scope: DetectorScope): TSESLint.RuleListener {
  const { origins } = scope;
  return {
    NewExpression(node) {
      if (calleeName(unwrapExpression(node.callee)) !== 'Worker') return;
      if (!BULLMQ_WORKERS.includes(origins.key(node) ?? '')) return;
      scope.defer(() => judgeBullWorker(scope, node));
    },
    Decorator(node) {
      const name = decoratorName(node);
      if (name !== 'Process' && name !== 'Processor' && name !== 'EventPattern' && name !== 'MessagePattern') return;
      const expression = node.expression.type === AST_NODE_TYPES.CallExpression ? node.expression.callee : node.expression;
      const key = origins.key(expression);
      const decorated = DECORATED_CONSUMERS.find((row) => row.keys.includes(key ?? ''));
      if (!decorated) return;
      const parent = node.parent;
      if (decorated.target === 'method') {
        if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.value.type === AST_NODE_TYPES.FunctionExpression) {
          const fn = parent.value;
          scope.defer(() => judgeDecorated(scope, fn, parent.key, decorated.library));
        }
        return;
      }
      if (parent.type !== AST_NODE_TYPES.ClassDeclaration && parent.type !== AST_NODE_TYPES.ClassExpression) return;
      for (const element of parent.body.body) {
        if (
          element.type === AST_NODE_TYPES.MethodDefinition &&
          !element.static &&
          propertyKeyName(element.key, element.computed) === NEST_HANDLER_METHOD &&
          element.value.type === AST_NODE_TYPES.FunctionExpression
        ) {
          const fn = element.value;
          scope.defer(() => judgeDecorated(scope, fn, element.key, decorated.library));
        }
      }
    },
  };
}

/** `queue.add(…)`, `addBulk(…)`, `flowProducer.add(…)`, `client.emit/send(…)`. */
export function judgeJobProducer(scope: DetectorScope, call: TSESTree.CallExpression, producer: Producer): ProducerFinding | undefined {
  if (scope.covered(producer.coveredBy)) return undefined;
  if (scope.judge.alreadyInjects(call)) return undefined;
  if (producer.library === 'bullmq / bull' && scope.hasConstructorOption(call.callee, 'telemetry')) return undefined;
  return { kind: 'producer', messageId: 'producerWithoutContext', loc: call.callee.loc, library: producer.library, call, producer };
}

/** Bull's `queue.process([name,] [concurrency,] processor)`. */
export function judgeJobConsumer(scope: DetectorScope, call: TSESTree.CallExpression, consumer: Consumer): ConsumerFinding | undefined {
  const index = consumer.handler.index < 0 ? call.arguments.length + consumer.handler.index : consumer.handler.index;
  const arg = call.arguments[index];
  if (!arg) return undefined;
  if (scope.covered(consumer.coveredBy)) return undefined;
  const handler = scope.handlerFunction(arg);
  if (handler && scope.judge.extractsSomewhere(handler.body)) return undefined;
  if (!handler && (!scope.isOpaque(arg) || scope.isFilePath(arg))) return undefined; // a processor file
  return { kind: 'consumer', messageId: 'consumerWithoutContext', loc: call.callee.loc, library: consumer.library, consumer };
}

function judgeBullWorker(scope: DetectorScope, node: TSESTree.NewExpression): ConsumerFinding | undefined {
  const processor = node.arguments[1];
  if (!processor) return undefined;
  const options = node.arguments[2] ? unwrapExpression(node.arguments[2]) : undefined;
  if (options?.type === AST_NODE_TYPES.ObjectExpression && hasProperty(options, 'telemetry')) return undefined;
  const handler = scope.handlerFunction(processor);
  if (handler && scope.judge.extractsSomewhere(handler.body)) return undefined;
  if (!handler && (!scope.isOpaque(processor) || scope.isFilePath(processor))) return undefined; // a sandboxed processor file
  return { kind: 'consumer', messageId: 'consumerWithoutContext', loc: newHeadLoc(node), library: 'bullmq' };
}

function judgeDecorated(scope: DetectorScope, fn: TSESTree.FunctionExpression, key: TSESTree.Node, library: string): ConsumerFinding | undefined {
  if (!fn.body || fn.body.body.length === 0) return undefined;
  if (scope.judge.extractsSomewhere(fn.body)) return undefined;
  return { kind: 'consumer', messageId: 'consumerWithoutContext', loc: key.loc, library };
}

function hasProperty(object: TSESTree.ObjectExpression, name: string): boolean {
  return object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p.key, p.computed) === name);
}
