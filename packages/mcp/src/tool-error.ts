/**
 * A problem with what an assistant asked (an unknown element, a malformed edit, a path outside the
 * workspace): answered as a tool error (`isError: true`) with this one-line message, never a crash.
 */
export class ToolInputError extends Error {}
