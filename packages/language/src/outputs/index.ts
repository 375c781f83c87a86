/** The outputs generated from one checked model, shared by the CLI and the language server. */
export * from './model-json.js';
export * from './model-diff.js';
export * from './model-diff-view.js';
export * from './model-diff-text.js';
export * from './measure-updates.js';
export * from './output-model.js';
export * from './cascade-graph.js';
export * from './dot.js';
export * from './mermaid.js';
export * from './png.js';
export * from './svg.js';
export * from './html.js';
export * from './report-html.js';
export * from './site/site.js';
export * from './brief-markdown.js';
export * from './starter-model.js';
