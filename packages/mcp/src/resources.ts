/**
 * The resources (each model file, the JSON model, the language reference) and the prompt "review this
 * mission against the method".
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { modelIndex } from './model-index.js';
import type { ModelWorkspace } from './workspace.js';

export const MODEL_JSON_URI = 'mission://model/model.json';
export const LANGUAGE_REFERENCE_URI = 'mission://language/reference.md';
const FILE_TEMPLATE = 'mission://files/{+path}';

/**
 * Where the language reference is: the copy of LANGUAGE.md this package ships (package.json `files`),
 * found through the package's own name so that it resolves from the compiled modules and from the
 * CLI's bundle alike; a host that bundles the server elsewhere (the VS Code extension) passes its path.
 */
export function defaultLanguageReferencePath(): string {
    return createRequire(import.meta.url).resolve('mission-lang-mcp/LANGUAGE.md');
}

export function fileUri(path: string): string {
    return `mission://files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** `languageReferencePath`: undefined for the package's own copy, looked up when first read. */
export function registerResources(
    server: McpServer,
    workspace: ModelWorkspace,
    languageReferencePath: string | undefined
): void {
    server.registerResource(
        'model-files',
        new ResourceTemplate(FILE_TEMPLATE, {
            list: () => ({
                resources: workspace.modelFiles().map(file => ({
                    uri: fileUri(file.path),
                    name: file.path,
                    mimeType: 'text/plain'
                }))
            })
        }),
        { title: 'Model file', description: 'A .mission file of the model, as the server holds it now' },
        (uri, variables) => {
            const path = decodeURIComponent(String(variables.path));
            const file = workspace.fileAt(path);
            if (!file) throw new Error(`${path}: not a model file of this workspace`);
            return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: file.text }] };
        }
    );
    server.registerResource(
        'model-json',
        MODEL_JSON_URI,
        {
            title: 'The JSON model',
            description: 'Every element, resolved reference, computed fact and diagnostic (as mission compile)',
            mimeType: 'application/json'
        },
        async uri => {
            await workspace.ready();
            return {
                contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(workspace.modelJson()) }]
            };
        }
    );
    server.registerResource(
        'language-reference',
        LANGUAGE_REFERENCE_URI,
        {
            title: 'The Mission language reference',
            description: 'LANGUAGE.md: the syntax, the rules and the facts. Read it before writing model text.',
            mimeType: 'text/markdown'
        },
        async uri => ({
            contents: [
                {
                    uri: uri.href,
                    mimeType: 'text/markdown',
                    text: await readFile(languageReferencePath ?? defaultLanguageReferencePath(), 'utf8')
                }
            ]
        })
    );
}

export function registerPrompts(server: McpServer, workspace: ModelWorkspace): void {
    server.registerPrompt(
        'review-mission',
        {
            title: 'Review a mission against the method',
            description: 'Review one mission: intent, measures, boundaries, support, people and load',
            argsSchema: { mission: z.string().describe('the mission to review') }
        },
        async ({ mission }) => {
            await workspace.ready();
            const found = modelIndex(workspace).elements.get(mission);
            const facts =
                found?.kind === 'mission'
                    ? `What the checked model says of it (JSON, as mission compile writes it):\n\n` +
                      '```json\n' +
                      JSON.stringify(found.json, null, 2) +
                      '\n```\n'
                    : `The model has no mission named '${mission}': find it first (the find tool).\n`;
            return {
                description: `Review of ${mission}`,
                messages: [
                    {
                        role: 'user',
                        content: {
                            type: 'text',
                            text:
                                `Review the mission ${mission} against the method of mission models ` +
                                `(the language reference, ${LANGUAGE_REFERENCE_URI}, explains it).\n\n` +
                                facts +
                                '\nCheck, and say plainly what is missing or weak:\n' +
                                '1. Intent: a purpose statement, end states that say what done looks like, ' +
                                'key tasks.\n' +
                                '2. Alignment: its parent, and whether its intent serves the intent one and two ' +
                                'levels up (describe the parent and grandparent).\n' +
                                '3. Measures: baseline, target and current; progress and pace; each measure ' +
                                'contributing to a measure above.\n' +
                                '4. Boundaries: window, budget, headcount, must / must not rules, within the ' +
                                "parent's.\n" +
                                '5. Support: who it supports and who supports it, and whether the windows meet.\n' +
                                '6. People: a lead, a crew, and whether anyone is over capacity (the load tool).\n' +
                                '7. Its diagnostics (the check tool with its file).\n\n' +
                                'Propose concrete changes as model text, and check each with propose_edit ' +
                                '(without apply) before suggesting it.'
                        }
                    }
                ]
            };
        }
    );
}
