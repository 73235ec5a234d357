export * from './ast';
export * from './code-kind';
export * from './create-rule';
export * from './fix-plan';
export * from './instrumentation';
export * from './manifest';
export * from './origins';
export * from './wrappers';
