// Runs inside VS Code's extension host (loaded by @vscode/test-electron): activation, diagnostics of
// the fixture workspace, the cascade preview's webview, and a quick fix. A small runner (no mocha in
// the project): each test is an async function; results go to MISSION_TEST_RESULTS as {passed, failed}.
const assert = require('node:assert/strict');
const { writeFileSync } = require('node:fs');
const vscode = require('vscode');

const EXTENSION_ID = 'mission-lang.mission-lang';
const TIMEOUT = 60_000;

function workspaceFile(name) {
    return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
}

function codesOf(uri) {
    return vscode.languages.getDiagnostics(uri).map(d => (typeof d.code === 'object' ? d.code.value : d.code));
}

/** Resolves when `condition()` holds, checked now and on every diagnostics change. */
function whenDiagnostics(condition, what) {
    return new Promise((resolve, reject) => {
        if (condition()) return resolve();
        const timer = setTimeout(() => {
            subscription.dispose();
            reject(new Error(`timed out waiting for ${what}`));
        }, TIMEOUT);
        const subscription = vscode.languages.onDidChangeDiagnostics(() => {
            if (!condition()) return;
            clearTimeout(timer);
            subscription.dispose();
            resolve();
        });
    });
}

/** Resolves when a tab satisfies `predicate`, checked now and on every tab change. */
function whenTab(predicate, what) {
    const find = () => vscode.window.tabGroups.all.flatMap(group => group.tabs).find(predicate);
    return new Promise((resolve, reject) => {
        if (find()) return resolve(find());
        const timer = setTimeout(() => {
            subscription.dispose();
            reject(new Error(`timed out waiting for ${what}`));
        }, TIMEOUT);
        const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
            const tab = find();
            if (!tab) return;
            clearTimeout(timer);
            subscription.dispose();
            resolve(tab);
        });
    });
}

const tests = [
    [
        'the extension activates on the workspace',
        async () => {
            const extension = vscode.extensions.getExtension(EXTENSION_ID);
            assert.ok(extension, `${EXTENSION_ID} is installed`);
            await extension.activate();
            assert.equal(extension.isActive, true);
            assert.ok(extension.exports.client.isRunning, 'the language server runs');
        }
    ],
    [
        'an unopened broken file has its diagnostics',
        async () => {
            const broken = workspaceFile('broken.mission');
            await whenDiagnostics(
                () =>
                    ['unaligned-mission', 'unresolved-reference', 'invalid-date'].every(code =>
                        codesOf(broken).includes(code)
                    ),
                'the codes of broken.mission'
            );
            assert.deepEqual(codesOf(workspaceFile('model.mission')), []);
        }
    ],
    [
        'the cascade preview opens a webview',
        async () => {
            await vscode.window.showTextDocument(workspaceFile('model.mission'));
            await vscode.commands.executeCommand('mission.openPreview');
            const tab = await whenTab(
                t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mission.cascadePreview'),
                'the preview tab'
            );
            assert.equal(tab.label, 'Mission Cascade');
        }
    ],
    [
        'the quick fix for unaligned-mission applies',
        async () => {
            const broken = workspaceFile('broken.mission');
            const document = await vscode.workspace.openTextDocument(broken);
            await vscode.window.showTextDocument(document);
            const diagnostic = vscode.languages
                .getDiagnostics(broken)
                .find(d => (d.code?.value ?? d.code) === 'unaligned-mission');
            assert.ok(diagnostic, 'unaligned-mission is reported');
            const actions = await vscode.commands.executeCommand(
                'vscode.executeCodeActionProvider',
                broken,
                diagnostic.range,
                vscode.CodeActionKind.QuickFix.value
            );
            const fix = actions.find(action => action.title.includes('under Care'));
            assert.ok(fix, `a fix 'under Care' among ${actions.map(a => a.title).join(' | ')}`);
            assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
            await whenDiagnostics(() => !codesOf(broken).includes('unaligned-mission'), 'unaligned-mission to go');
            assert.match(document.getText(), /mission Stray "A mission aligned to nothing" under Care \{/);
        }
    ]
];

async function run() {
    const results = { passed: 0, failed: 0 };
    for (const [name, test] of tests) {
        try {
            await test();
            results.passed++;
            console.log(`  ✓ ${name}`);
        } catch (error) {
            results.failed++;
            console.log(`  ✗ ${name}: ${error.message}`);
        }
    }
    if (process.env.MISSION_TEST_RESULTS) writeFileSync(process.env.MISSION_TEST_RESULTS, JSON.stringify(results));
    if (results.failed > 0) throw new Error(`${results.failed} test(s) failed`);
}

module.exports = { run };
