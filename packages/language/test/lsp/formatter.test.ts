import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatDocument } from '../../src/lsp/formatter.js';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

const MESSY = `

/* Header block
   comment */
vision Acme "Acme"   {horizon 2030-12-31}
person   alice "Alice"{capacity 1 role "Boss"}   // trailing
person bob
// about the team
team   t   {  }
team clinical { members alice ,bob }
mission Grow "Grow" under Acme { // after brace
    lead alice    // who
  // a comment line between items
      status active
  measure m { target 3 contributes to  Grow . x }

  boundary { window 2026-01-01..2026-12-31   /* inline */ budget 1M GBP }
  /* before the close */
}
mission Empty {}


`;

const CANONICAL = `/* Header block
   comment */
vision Acme "Acme" {
  horizon 2030-12-31
}

person alice "Alice" { capacity 1 role "Boss" } // trailing
person bob
// about the team
team t {}
team clinical { members alice, bob }

mission Grow "Grow" under Acme { // after brace
  lead alice // who
  // a comment line between items
  status active
  measure m {
    target 3
    contributes to Grow.x
  }
  boundary {
    window 2026-01-01 .. 2026-12-31 /* inline */
    budget 1M GBP
  }
  /* before the close */
}

mission Empty {}
`;

describe('formatting', () => {
    test('one canonical layout, comments kept', () => {
        expect(formatDocument(MESSY)).toBe(CANONICAL);
    });

    test('idempotent: formatting the result changes nothing', () => {
        for (const text of [MESSY, PEOPLE, MISSIONS]) {
            const once = formatDocument(text);
            expect(formatDocument(once)).toBe(once);
        }
    });

    test('inline blocks of the example become one item per line', () => {
        const formatted = formatDocument(MISSIONS);
        expect(formatted).toContain('  boundary {\n    window 2026-02-01 .. 2026-09-30\n    budget 1.2M GBP\n  }\n');
        expect(formatted).toContain(
            '  measure opened "Clinics open" {\n    target 3\n    current 1\n    unit clinics\n  }\n'
        );
    });

    test('text that does not parse is refused, not rewritten', () => {
        expect(() => formatDocument('mission Broken {\n  lead\n')).toThrow(/does not parse/);
    });

    test('every example that parses is stable under formatting', () => {
        const root = join(import.meta.dirname, '../../../../examples');
        const files = listMissionFiles(root);
        for (const file of files) {
            const text = readFileSync(file, 'utf8');
            let once: string;
            try {
                once = formatDocument(text);
            } catch {
                continue; // the broken examples
            }
            expect(formatDocument(once), file).toBe(once);
        }
    });

    test('the language server formats a whole document with one edit, and a formatted one with none', async () => {
        const ws = new TestWorkspace();
        await ws.set({ 'messy.mission': MESSY, 'clean.mission': CANONICAL });
        const formatter = ws.services.Mission.lsp.Formatter!;
        const options = { tabSize: 2, insertSpaces: true };
        const edits = await formatter.formatDocument(ws.document('messy.mission'), {
            textDocument: { uri: ws.uri('messy.mission').toString() },
            options
        });
        expect(edits).toHaveLength(1);
        expect(edits[0]!.newText).toBe(CANONICAL);
        expect(
            await formatter.formatDocument(ws.document('clean.mission'), {
                textDocument: { uri: ws.uri('clean.mission').toString() },
                options
            })
        ).toEqual([]);
    });

    test('a range is formatted token by token, its comments left where they are', async () => {
        const ws = new TestWorkspace();
        const text = 'mission A   "A" {\n  lead   x\n    // note\n  status active\n}\nmission   B {}\n';
        await ws.set({ 'range.mission': text });
        const edits = await ws.services.Mission.lsp.Formatter!.formatDocumentRange(ws.document('range.mission'), {
            textDocument: { uri: ws.uri('range.mission').toString() },
            options: { tabSize: 2, insertSpaces: true },
            range: { start: { line: 0, character: 0 }, end: { line: 4, character: 1 } }
        });
        const formatted = TextDocument.applyEdits(ws.document('range.mission').textDocument, edits);
        expect(formatted).toBe('mission A "A" {\n  lead x\n    // note\n  status active\n}\n\nmission   B {}\n');
    });
});

function listMissionFiles(folder: string): string[] {
    let entries: ReturnType<typeof readdirSync>;
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch {
        return [];
    }
    return entries.flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return listMissionFiles(path);
        return entry.name.endsWith('.mission') ? [path] : [];
    });
}
