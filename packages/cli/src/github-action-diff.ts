import { readFile } from 'node:fs/promises';
import { isEmptyDiff, modelDiffMarkdown } from 'mission-lang-language';
import { diffSides, gitSides } from './diff.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import type { Output } from './output.js';

/** The hidden line that marks the action's one pull-request comment, so that a later run updates it. */
export const DIFF_COMMENT_MARKER = '<!-- mission-diff -->';

/** GitHub refuses a comment longer than 65,536 characters. */
const MAX_COMMENT_LENGTH = 65_000;

export interface DiffModeInputs {
    readonly paths: readonly string[];
    readonly today?: string;
    readonly config?: string;
    /** The `base` input; else the pull request's base commit from the event. */
    readonly base?: string;
    readonly token?: string;
}

export interface DiffModeResult {
    readonly exitCode: number;
    readonly markdown: string;
    readonly outputs: Record<string, string>;
}

/**
 * The action's `mode: diff`: the model of the pull request's base commit (read with git; the checkout
 * needs that commit, `fetch-depth: 0`) compared with the working tree, as Markdown in the step summary
 * and in one pull-request comment, found again by its marker and updated on each run. Differences
 * never fail the step; a base that cannot be read, or an API call that fails, does (exit 2).
 */
export async function runDiffMode(
    env: NodeJS.ProcessEnv,
    inputs: DiffModeInputs,
    output: Output
): Promise<DiffModeResult> {
    const event = await pullRequestEvent(env);
    const base = inputs.base ?? event?.baseSha;
    if (base === undefined)
        throw new UsageError(
            'mode diff needs a base revision: run on a pull_request event (its base commit) or set the input base'
        );
    const diff = await diffSides(await gitSides(base, inputs.paths), { today: inputs.today, config: inputs.config });
    let markdown = `${DIFF_COMMENT_MARKER}\n${modelDiffMarkdown(diff)}`;
    if (markdown.length > MAX_COMMENT_LENGTH)
        markdown =
            `${markdown.slice(0, MAX_COMMENT_LENGTH)}\n\n` +
            `… (cut: run \`mission diff --git ${base}\` for the rest)\n`;
    const outputs: Record<string, string> = { changed: String(!isEmptyDiff(diff)), 'comment-url': '' };
    if (event?.number === undefined || !inputs.token || !env.GITHUB_REPOSITORY) {
        output.stdout('mission: not a pull request (or no token): the diff is in the step summary only\n');
        return { exitCode: EXIT_OK, markdown, outputs };
    }
    const api = new GitHubApi(env.GITHUB_API_URL || 'https://api.github.com', inputs.token);
    const url = await upsertComment(api, env.GITHUB_REPOSITORY, event.number, markdown);
    output.stdout(`mission: the model diff is in ${url}\n`);
    return { exitCode: EXIT_OK, markdown, outputs: { ...outputs, 'comment-url': url } };
}

/** The pull request's number and base commit, from the event file the runner names ($GITHUB_EVENT_PATH). */
async function pullRequestEvent(env: NodeJS.ProcessEnv): Promise<{ number?: number; baseSha?: string } | undefined> {
    const path = env.GITHUB_EVENT_PATH;
    if (!path) return undefined;
    let event: { pull_request?: { number?: unknown; base?: { sha?: unknown } } };
    try {
        event = JSON.parse(await readFile(path, 'utf8')) as typeof event;
    } catch (error) {
        throw new UsageError(`GITHUB_EVENT_PATH (${path}): cannot read the event: ${(error as Error).message}`);
    }
    const pull = event.pull_request;
    if (!pull) return undefined;
    return {
        number: typeof pull.number === 'number' ? pull.number : undefined,
        baseSha: typeof pull.base?.sha === 'string' ? pull.base.sha : undefined
    };
}

/** Updates the comment that carries the marker, or adds one; returns its address. */
async function upsertComment(api: GitHubApi, repository: string, pull: number, body: string): Promise<string> {
    for (let page = 1; ; page++) {
        const comments = await api.call<Array<{ id: number; body?: string; html_url: string }>>(
            'GET',
            `/repos/${repository}/issues/${pull}/comments?per_page=100&page=${page}`
        );
        const ours = comments.find(comment => comment.body?.includes(DIFF_COMMENT_MARKER));
        if (ours) {
            const updated = await api.call<{ html_url: string }>(
                'PATCH',
                `/repos/${repository}/issues/comments/${ours.id}`,
                { body }
            );
            return updated.html_url;
        }
        if (comments.length < 100) break;
    }
    const created = await api.call<{ html_url: string }>('POST', `/repos/${repository}/issues/${pull}/comments`, {
        body
    });
    return created.html_url;
}

/** The few calls of GitHub's REST API the action makes, with fetch. */
class GitHubApi {
    constructor(
        private readonly root: string,
        private readonly token: string
    ) {}

    async call<T>(method: string, path: string, body?: object): Promise<T> {
        let response: Response;
        try {
            response = await fetch(`${this.root.replace(/\/$/, '')}${path}`, {
                method,
                headers: {
                    Accept: 'application/vnd.github+json',
                    Authorization: `Bearer ${this.token}`,
                    'Content-Type': 'application/json',
                    'User-Agent': 'mission-lang-action',
                    'X-GitHub-Api-Version': '2022-11-28'
                },
                body: body === undefined ? undefined : JSON.stringify(body)
            });
        } catch (error) {
            throw new UsageError(`GitHub API: ${method} ${path}: ${(error as Error).message}`);
        }
        if (!response.ok) {
            const detail = await response.text().catch(() => '');
            const message = /"message"\s*:\s*"([^"]*)"/.exec(detail)?.[1] ?? response.statusText;
            const hint =
                response.status === 403 || response.status === 404 ? ' (the job needs pull-requests: write)' : '';
            throw new UsageError(`GitHub API: ${method} ${path} answered ${response.status}: ${message}${hint}`);
        }
        return (await response.json()) as T;
    }
}
