/**
 * The GitHub Action's `mode: diff` from the sources, against a small local HTTP server standing in for
 * GitHub's REST API (the real one is not reachable from the tests): the pull request's base commit is
 * compared with the working tree and one comment, found by its hidden marker, is added or updated.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIFF_COMMENT_MARKER } from '../src/github-action-diff.js';
import { runAction } from '../src/github-action.js';
import { temporaryFolder } from './helpers.js';

interface Comment {
    id: number;
    body: string;
    html_url: string;
}

/** What the stand-in API holds and was asked. */
const api = { comments: [] as Comment[], requests: [] as string[], nextId: 1, failWith: 0 };

function readBody(request: IncomingMessage): Promise<string> {
    return new Promise(resolve => {
        let text = '';
        request.on('data', (chunk: Buffer) => (text += chunk.toString()));
        request.on('end', () => resolve(text));
    });
}

let server: Server;
let apiUrl: string;
let repo: string;
let base: string;

beforeAll(async () => {
    server = createServer((request, response) => {
        void (async () => {
            const body = await readBody(request);
            const url = new URL(request.url!, 'http://localhost');
            api.requests.push(`${request.method} ${url.pathname}${url.search} ${request.headers.authorization}`);
            const reply = (status: number, value: unknown) => {
                response.writeHead(status, { 'Content-Type': 'application/json' });
                response.end(JSON.stringify(value));
            };
            if (api.failWith) return reply(api.failWith, { message: 'Resource not accessible by integration' });
            const list = /^\/repos\/acme\/models\/issues\/7\/comments$/.exec(url.pathname);
            if (list && request.method === 'GET') {
                const page = Number(url.searchParams.get('page'));
                const size = Number(url.searchParams.get('per_page'));
                return reply(200, api.comments.slice((page - 1) * size, page * size));
            }
            if (list && request.method === 'POST') {
                const id = api.nextId++;
                const comment = { id, body: JSON.parse(body).body, html_url: `https://github.test/c/${id}` };
                api.comments.push(comment);
                return reply(201, comment);
            }
            const one = /^\/repos\/acme\/models\/issues\/comments\/(\d+)$/.exec(url.pathname);
            const comment = one && api.comments.find(candidate => candidate.id === Number(one[1]));
            if (comment && request.method === 'PATCH') {
                comment.body = JSON.parse(body).body;
                return reply(200, comment);
            }
            reply(404, { message: 'Not Found' });
        })();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    repo = temporaryFolder('mission-action-diff-');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    writeFileSync(join(repo, 'model.mission'), 'person alice\nvision V\nmission Grow under V { lead alice }\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    base = git('rev-parse', 'HEAD');
    // The pull request's change, in the working tree as a checkout of it has it.
    writeFileSync(
        join(repo, 'model.mission'),
        'person alice\nvision V\nmission Grow under V { status won lead alice }\n'
    );
});

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

async function runDiffAction(inputs: Record<string, string> = {}) {
    const runner = temporaryFolder('mission-runner-');
    const files = { event: join(runner, 'event.json'), summary: join(runner, 'summary.md'), out: join(runner, 'out') };
    writeFileSync(files.event, JSON.stringify({ pull_request: { number: 7, base: { sha: base } } }));
    writeFileSync(files.summary, '');
    writeFileSync(files.out, '');
    const env: NodeJS.ProcessEnv = {
        GITHUB_API_URL: apiUrl,
        GITHUB_REPOSITORY: 'acme/models',
        GITHUB_EVENT_PATH: files.event,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_OUTPUT: files.out,
        INPUT_MODE: 'diff',
        'INPUT_GITHUB-TOKEN': 'secret-token',
        INPUT_TODAY: '2026-11-23'
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    let stdout = '';
    const previous = process.cwd();
    process.chdir(repo);
    try {
        const code = await runAction(env, {
            stdout: text => (stdout += text),
            stderr: text => (stdout += text),
            color: false
        });
        return { code, stdout, summary: readFileSync(files.summary, 'utf8'), outputs: readFileSync(files.out, 'utf8') };
    } finally {
        process.chdir(previous);
    }
}

describe('the GitHub Action, mode diff', () => {
    test('posts one comment with the marker, then updates it (found across pages of comments)', async () => {
        api.comments = Array.from({ length: 100 }, (_, index) => ({
            id: 1000 + index,
            body: `someone else's comment ${index}`,
            html_url: `https://github.test/c/${1000 + index}`
        }));
        api.requests = [];
        const first = await runDiffAction();
        expect(first.code).toBe(0);
        expect(first.stdout).toBe(`mission: the model diff is in https://github.test/c/1\n`);
        expect(api.requests).toEqual([
            'GET /repos/acme/models/issues/7/comments?per_page=100&page=1 Bearer secret-token',
            'GET /repos/acme/models/issues/7/comments?per_page=100&page=2 Bearer secret-token',
            'POST /repos/acme/models/issues/7/comments Bearer secret-token'
        ]);
        const posted = api.comments.at(-1)!;
        expect(posted.body).toBe(
            `${DIFF_COMMENT_MARKER}\n## Mission model diff\n\n**mission Grow**\n\n- status: active → won\n`
        );
        expect(first.summary).toBe(posted.body);
        expect(first.outputs).toBe('changed=true\ncomment-url=https://github.test/c/1\n');

        api.requests = [];
        writeFileSync(
            join(repo, 'model.mission'),
            'person alice\nvision V\nmission Grow under V { status lost lead alice }\n'
        );
        const second = await runDiffAction();
        expect(second.code).toBe(0);
        expect(api.requests.map(request => request.split(' ').slice(0, 2).join(' '))).toEqual([
            'GET /repos/acme/models/issues/7/comments?per_page=100&page=1',
            'GET /repos/acme/models/issues/7/comments?per_page=100&page=2',
            'PATCH /repos/acme/models/issues/comments/1'
        ]);
        expect(api.comments).toHaveLength(101);
        expect(api.comments.at(-1)!.body).toContain('- status: active → lost\n');
    });

    test('an API refusal is one error annotation and exit 2; a base that is no commit too', async () => {
        api.failWith = 403;
        try {
            const refused = await runDiffAction();
            expect(refused.code).toBe(2);
            expect(refused.stdout).toBe(
                '::error title=mission::mission: GitHub API: ' +
                    'GET /repos/acme/models/issues/7/comments?per_page=100&page=1 ' +
                    'answered 403: Resource not accessible by integration (the job needs pull-requests: write)\n'
            );
        } finally {
            api.failWith = 0;
        }
        const noBase = await runDiffAction({ base: 'no-such-revision' });
        expect(noBase.code).toBe(2);
        expect(noBase.stdout).toContain("--git: 'no-such-revision' is not a revision of this repository");
    });
});
