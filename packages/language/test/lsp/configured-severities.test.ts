/**
 * Severities from the workspace's mission.config.json, raised (`no-lead`: warning → error), lowered
 * (`unmeasured-mission`: warning → info) and turned off (`missing-intent`), are the severities the
 * language server publishes; the codes left alone keep the catalog's. The same config as the CLI's
 * outputs are held to (packages/cli/test/configured-severities.test.ts).
 */
import { DocumentState } from 'langium';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { expect, test } from 'vitest';
import { TestWorkspace } from './workspace.js';

test('severities raised, lowered and turned off in mission.config.json are the published ones', async () => {
    const config = '{ "rules": { "no-lead": "error", "unmeasured-mission": "info", "missing-intent": "off" } }';
    const workspace = new TestWorkspace(undefined, { 'mission.config.json': config });
    const published: Diagnostic[] = [];
    // What Langium's diagnostics handler sends for each validated document (addDiagnosticsHandler).
    workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        published.splice(0, published.length, ...(document.diagnostics ?? []));
    });
    await workspace.services.Mission.config.EditorSettings.beforeInitialBuild(workspace.folders);
    await workspace.set({
        'main.mission': [
            'vision V',
            'person ann',
            'team empty { }',
            'mission Bare under V { }',
            'mission Later under V { intent "later" lead ann status staged measure m { target 1 } }'
        ].join('\n')
    });
    expect(published.map(d => `${String(d.code)} ${d.severity}`).sort()).toEqual([
        `empty-team ${DiagnosticSeverity.Warning}`, // left at its default
        `no-lead ${DiagnosticSeverity.Error}`,
        `staged-without-value ${DiagnosticSeverity.Information}`, // left at its default
        `unmeasured-mission ${DiagnosticSeverity.Information}`
    ]);
});
