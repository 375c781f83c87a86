/** The Mission language package: everything the CLI, the language server and the extension share. */
export * from './api/check.js';
export * from './api/stdin-source.js';
export * from './config/json-with-positions.js';
export * from './config/mission-config.js';
export * from './facts/cascade.js';
export * from './facts/load.js';
export * from './facts/measures.js';
export * from './facts/model-facts.js';
export * from './facts/windows.js';
export * as ast from './generated/ast.js';
export * from './mission-module.js';
export * from './model/accessors.js';
export * from './syntax/dates.js';
export * from './syntax/numbers.js';
export * from './validation/codes.js';
export * from './validation/settings.js';
