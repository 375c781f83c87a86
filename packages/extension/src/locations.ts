/**
 * Finds where an element (mission, person) is declared in the workspace's .mission files: used when a
 * node of the preview is clicked and to offer the persons for a brief. A plain text search keeps this
 * independent of the server (it works while the server is still building a large workspace).
 */
import * as vscode from 'vscode';

const MISSION_GLOB = '**/*.mission';
const EXCLUDE = '**/node_modules/**';

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching the declaration `<keyword> <name>` with the name as group 1. */
export function declarationPattern(keyword: string, name?: string): RegExp {
    const namePart = name === undefined ? '([A-Za-z_][A-Za-z0-9_-]*)' : `(${escapeRegExp(name)})`;
    return new RegExp(`(?:^|[\\s}])${keyword}\\s+${namePart}(?![A-Za-z0-9_-])`, 'gm');
}

/** Texts of the workspace's .mission files: from open documents when open (they may be unsaved). */
async function missionTexts(): Promise<Array<{ uri: vscode.Uri; text: string }>> {
    const open = new Map(
        vscode.workspace.textDocuments.filter(d => d.languageId === 'mission').map(d => [d.uri.toString(), d])
    );
    const uris = await vscode.workspace.findFiles(MISSION_GLOB, EXCLUDE);
    for (const document of open.values())
        if (!uris.some(u => u.toString() === document.uri.toString())) uris.push(document.uri);
    return Promise.all(
        uris.map(async uri => {
            const document = open.get(uri.toString());
            const text = document
                ? document.getText()
                : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            return { uri, text };
        })
    );
}

export async function findDeclaration(
    keyword: 'mission' | 'person',
    name: string
): Promise<vscode.Location | undefined> {
    for (const { uri, text } of await missionTexts()) {
        const match = declarationPattern(keyword, name).exec(text);
        if (!match) continue;
        const start = match.index + match[0].lastIndexOf(name);
        const before = text.slice(0, start).split(/\r?\n/);
        const position = new vscode.Position(before.length - 1, before[before.length - 1]!.length);
        return new vscode.Location(uri, new vscode.Range(position, position.translate(0, name.length)));
    }
    return undefined;
}
