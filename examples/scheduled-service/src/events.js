// The service's in-process event bus: modules publish domain events here and others react to them.
import { EventEmitter } from 'node:events';

export const orderEvents = new EventEmitter();
