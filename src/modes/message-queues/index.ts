export * from './catalog';
export * from './detect';
export * from './fix';
