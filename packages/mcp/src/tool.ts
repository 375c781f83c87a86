/**
 * The one way a tool is registered: an input schema, an output schema, and a handler that answers with
 * structured content (checked by the SDK against the output schema) and a text rendering of it for
 * clients that show text. A `ToolInputError` becomes a tool error with its message; anything else
 * becomes a one-line internal error. Neither ever ends the server.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type z } from 'zod';
import { ToolInputError } from './tool-error.js';

/** A tool's answer: the structured content and its text rendering. */
export interface ToolAnswer<Output> {
    readonly structured: Output;
    readonly text: string;
}

/** The answer as the output schema types it, read-only all the way down (the language's data is). */
type DeepReadonly<T> =
    T extends ReadonlyArray<infer U>
        ? ReadonlyArray<DeepReadonly<U>>
        : T extends object
          ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
          : T;

export interface MissionTool<Input extends z.ZodRawShape, Output extends z.ZodRawShape> {
    readonly name: string;
    readonly title: string;
    readonly description: string;
    readonly input: Input;
    readonly output: Output;
    /** True for tools that only read the model (all but propose_edit). */
    readonly readOnly: boolean;
    run(
        args: z.infer<z.ZodObject<Input>>
    ):
        | ToolAnswer<DeepReadonly<z.infer<z.ZodObject<Output>>>>
        | Promise<ToolAnswer<DeepReadonly<z.infer<z.ZodObject<Output>>>>>;
}

/** A tool with its schemas' types erased, for a list of tools of different shapes. */
export type AnyMissionTool = MissionTool<z.ZodRawShape, z.ZodRawShape>;

/** Declares a tool (keeps its argument and answer types checked against its schemas). */
export function missionTool<Input extends z.ZodRawShape, Output extends z.ZodRawShape>(
    tool: MissionTool<Input, Output>
): AnyMissionTool {
    return tool as unknown as AnyMissionTool;
}

/** `prepare` runs before each call (the server waits there until the model is the written one). */
export function registerMissionTool(server: McpServer, tool: AnyMissionTool, prepare?: () => Promise<void>): void {
    server.registerTool(
        tool.name,
        {
            title: tool.title,
            description: tool.description,
            inputSchema: tool.input,
            outputSchema: tool.output,
            annotations: { title: tool.title, readOnlyHint: tool.readOnly, openWorldHint: false }
        },
        async (args: unknown): Promise<CallToolResult> => {
            try {
                await prepare?.();
                const answer = await tool.run(args as z.infer<z.ZodObject<z.ZodRawShape>>);
                return {
                    structuredContent: answer.structured,
                    content: [{ type: 'text', text: answer.text }]
                };
            } catch (error) {
                return toolError(error);
            }
        }
    );
}

export function toolError(error: unknown): CallToolResult {
    const message =
        error instanceof ToolInputError
            ? error.message
            : `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    return { isError: true, content: [{ type: 'text', text: message }] };
}
