/**
 * A newer edit cancels the checking of an older one: the server's document updates run under Langium's
 * workspace lock, whose next write cancels the previous one, and the builder stops at its next
 * cancellation check. Only the newest text is checked to the end.
 */
import { DocumentState, TextDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { TestWorkspace } from './workspace.js';

function model(title: string, missions: number): string {
    const lines = ['vision V', 'person p { capacity 9999 }'];
    for (let i = 0; i < missions; i++)
        lines.push(`mission m${i} "${title} ${i}" under V {\n  intent "i"\n  lead p\n  measure k { target 1 }\n}`);
    return lines.join('\n');
}

describe('cancellation', () => {
    it('checks only the newest of two quick edits to the end', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'big.mission': model('First', 300) });
        const { DocumentBuilder: builder, WorkspaceLock: lock } = workspace.services.shared.workspace;
        const uri = workspace.uri('big.mission');
        const validatedTexts: string[] = [];
        const listener = builder.onDocumentPhase(DocumentState.Validated, document => {
            validatedTexts.push(document.textDocument.getText().slice(0, 60));
        });

        const edit = (version: number, text: string) => {
            setTextDocument(workspace.services.shared, TextDocument.create(uri.toString(), 'mission', version, text));
            return lock.write(token => builder.update([uri], [], token));
        };
        const older = edit(2, model('Older', 300));
        const newer = edit(3, model('Newer', 300));
        await Promise.allSettled([older, newer]);
        listener.dispose();

        expect(validatedTexts.filter(text => text.includes('Older'))).toEqual([]);
        expect(validatedTexts.some(text => text.includes('Newer'))).toBe(true);
        const mission = workspace
            .document('big.mission')
            .parseResult.value.elements.find(element => element.$type === 'Mission');
        expect(mission?.title).toBe('Newer 0');
    });
});
