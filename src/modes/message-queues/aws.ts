/**
 * Mode 3, AWS SDK v3 SQS / SNS: commands sent with `client.send(new XCommand(input))`, where the
 * carrier is the message's `MessageAttributes` and SQS caps a message at 10 attributes.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { newHeadLoc } from '../../core/ast';
import { isFunctionNode, propertyKeyName, unwrapExpression } from '../../core/origins';
import type { AwsCommand } from './catalog';
import type { DetectorScope, MessageQueueFinding } from './detect';

/** Listeners for AWS code that is not a `client.send(new XCommand(…))` call (the detector routes those to `judgeAwsSend`). */
export function createAwsDetector(_scope: DetectorScope): TSESLint.RuleListener {
  return {};
}

/** `client.send(new XCommand(input))`: a producer that sends no context, or a receive that never extracts. */
export function judgeAwsSend(
  scope: DetectorScope,
  call: TSESTree.CallExpression,
  command: TSESTree.NewExpression,
  aws: AwsCommand,
): MessageQueueFinding | undefined {
  const { judge, sourceCode } = scope;
  if (aws.role === 'receive') {
    if (judge.extractsSomewhere(enclosingFunctionOf(call) ?? sourceCode.ast)) return undefined;
    return { kind: 'consumer', messageId: 'consumerWithoutContext', loc: newHeadLoc(command), library: aws.library };
  }
  if (judge.alreadyInjects(call)) return undefined;
  const input = command.arguments[0] ? unwrapExpression(command.arguments[0]) : undefined;
  const attributes = input?.type === AST_NODE_TYPES.ObjectExpression ? countAttributes(input, aws.attributesProperty) : undefined;
  if (aws.covered && scope.covered(['aws-sdk'])) {
    if (aws.attributeCap === undefined || attributes === undefined || attributes <= aws.attributeCap) return undefined;
    return { kind: 'producer', messageId: 'sqsAttributeLimit', loc: call.callee.loc, library: aws.library, call };
  }
  return { kind: 'producer', messageId: 'producerWithoutContext', loc: call.callee.loc, library: aws.library, call };
}

/** The most user attributes one entry carries (`MessageAttributes: { a, b }`, per batch entry too). */
function countAttributes(input: TSESTree.ObjectExpression, property: string): number | undefined {
  let max: number | undefined;
  const visit = (object: TSESTree.ObjectExpression) => {
    for (const entry of object.properties) {
      if (entry.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyKeyName(entry.key, entry.computed);
      const value = unwrapExpression(entry.value);
      if (name === property && value.type === AST_NODE_TYPES.ObjectExpression) {
        if (value.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) continue;
        max = Math.max(max ?? 0, value.properties.length);
      } else if (value.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of value.elements) if (element?.type === AST_NODE_TYPES.ObjectExpression) visit(element);
      }
    }
  };
  visit(input);
  return max;
}

function enclosingFunctionOf(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}
