export * from './result';
export * from './routes';
export * from './trail';
export * from './record';
export * from './summary';
export * from './jobs';
export * from './session';
export * from './client';
