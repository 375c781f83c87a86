/** The outputs generated from one checked model, shared by the CLI and the language server. */
export * from './model-json.js';
export * from './output-model.js';
