/**
 * A status bar item with the workspace's error and warning counts for mission files; clicking it
 * opens the Problems panel.
 */
import * as vscode from 'vscode';

export interface ProblemCounts {
    errors: number;
    warnings: number;
}

/** Counts errors and warnings of .mission files (and mission.config.json) among all diagnostics. */
export function countMissionProblems(all: ReadonlyArray<[vscode.Uri, readonly vscode.Diagnostic[]]>): ProblemCounts {
    const counts = { errors: 0, warnings: 0 };
    for (const [uri, diagnostics] of all) {
        if (!isMissionFile(uri)) continue;
        for (const diagnostic of diagnostics) {
            if (diagnostic.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
            else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
        }
    }
    return counts;
}

/** `1 error`, `2 warnings` (as the CLI's summary line words them). */
export function counted(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function isMissionFile(uri: vscode.Uri): boolean {
    return uri.path.endsWith('.mission') || uri.path.endsWith('/mission.config.json');
}

export class ProblemsStatusItem implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('mission.problems', vscode.StatusBarAlignment.Left, 10);
    private readonly subscription: vscode.Disposable;

    constructor() {
        this.item.name = 'Mission Problems';
        this.item.command = 'workbench.actions.view.problems';
        this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.update());
        this.update();
        this.item.show();
    }

    private update(): void {
        const { errors, warnings } = countMissionProblems(vscode.languages.getDiagnostics());
        this.item.text = `$(target) Mission: $(error) ${errors} $(warning) ${warnings}`;
        const counts = `${counted(errors, 'error')}, ${counted(warnings, 'warning')}`;
        this.item.tooltip = `Mission models: ${counts}. Click to open the Problems panel.`;
        this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }

    dispose(): void {
        this.subscription.dispose();
        this.item.dispose();
    }
}
