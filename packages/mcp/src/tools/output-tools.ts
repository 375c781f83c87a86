/**
 * The tools that render the checked model with the CLI's generators: `brief` (one person's line of
 * sight in Markdown) and `diagram` (Mermaid or SVG of the cascade or a subtree).
 */
import {
    buildCascadeGraph,
    cascadeToDot,
    cascadeToMermaid,
    dotToSvg,
    LayoutTimeoutError,
    renderBrief,
    UnknownPersonError,
    UnknownRootError
} from 'mission-lang-language';
import { z } from 'zod';
import { type AnyMissionTool, missionTool } from '../tool.js';
import { ToolInputError } from '../tool-error.js';
import type { ModelWorkspace } from '../workspace.js';

/** How long Graphviz may lay out one diagram: an assistant waits for the answer. */
const LAYOUT_TIMEOUT_MS = 20_000;

export function outputTools(workspace: ModelWorkspace): AnyMissionTool[] {
    return [briefTool(workspace), diagramTool(workspace)];
}

function briefTool(workspace: ModelWorkspace): AnyMissionTool {
    return missionTool({
        name: 'brief',
        title: "A person's brief",
        description:
            "One person's line of sight in Markdown (as `mission brief`): vision, intents one and two levels " +
            'up, boundaries, measures, mutual support.',
        readOnly: true,
        input: { person: z.string().min(1).describe("the person's name") },
        output: { person: z.string(), markdown: z.string() },
        run: ({ person }) => {
            let markdown: string;
            try {
                markdown = renderBrief(workspace.outputModel(), person);
            } catch (error) {
                if (error instanceof UnknownPersonError) throw new ToolInputError(error.message);
                throw error;
            }
            return { structured: { person, markdown }, text: markdown };
        }
    });
}

function diagramTool(workspace: ModelWorkspace): AnyMissionTool {
    return missionTool({
        name: 'diagram',
        title: 'Cascade diagram',
        description:
            'The cascade as a Mermaid flowchart or an SVG image (as `mission diagram`), whole or the subtree ' +
            'under one vision or mission, optionally only some levels deep.',
        readOnly: true,
        input: {
            format: z.enum(['mermaid', 'svg']).optional().describe('mermaid (default) or svg'),
            root: z.string().optional().describe('draw only the subtree under this vision or mission'),
            depth: z.number().int().min(0).optional().describe('levels below the root to draw'),
            direction: z.enum(['TB', 'LR']).optional().describe('top to bottom (default) or left to right'),
            supports: z.boolean().optional().describe('draw supports edges (default true)')
        },
        output: { format: z.enum(['mermaid', 'svg']), nodes: z.number(), diagram: z.string() },
        run: async ({ format = 'mermaid', root, depth, direction = 'TB', supports }) => {
            let graph;
            try {
                graph = buildCascadeGraph(workspace.outputModel(), { root, depth, supports: supports !== false });
            } catch (error) {
                if (error instanceof UnknownRootError) throw new ToolInputError(error.message.split('\n')[0]);
                throw error;
            }
            const nodes = graph.nodes.length;
            let diagram: string;
            if (format === 'mermaid') {
                diagram = cascadeToMermaid(graph, { direction });
            } else {
                try {
                    diagram = await dotToSvg(cascadeToDot(graph, { direction }), LAYOUT_TIMEOUT_MS);
                } catch (error) {
                    if (error instanceof LayoutTimeoutError)
                        throw new ToolInputError(`${error.message} (${nodes} nodes): draw less with root and depth`);
                    throw error;
                }
            }
            return { structured: { format, nodes, diagram }, text: diagram };
        }
    });
}
