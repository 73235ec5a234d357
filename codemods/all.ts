/** jscodeshift transform: applies the suggestions of every trace-context rule. */
import { createTransform } from './lib/transform';

export = createTransform('all');
