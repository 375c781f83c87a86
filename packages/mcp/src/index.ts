/** The Mission MCP server (`mission mcp`): the checked model for AI assistants, with checked edits. */
export * from './server.js';
export * from './transports.js';
export * from './workspace.js';
export { LANGUAGE_REFERENCE_URI, MODEL_JSON_URI, defaultLanguageReferencePath, fileUri } from './resources.js';
export { ToolInputError } from './tool-error.js';
