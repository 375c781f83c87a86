import { createRequire as __missionCreateRequire } from 'node:module'; const require = __missionCreateRequire(import.meta.url);
import {
  EXIT_MODEL_ERRORS,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  describeError,
  diffSides,
  displayPath,
  escapeData,
  formatGithub,
  formatSarif,
  gitSides,
  loadModel,
  parseMaxWarnings,
  processOutput,
  summaryLine,
  validationFailure,
  writeFileAtomic
} from "../lib/chunk-PPQSQZ4S.js";
import {
  isEmptyDiff,
  modelDiffMarkdown
} from "../lib/chunk-DQPCKAQ4.js";

// packages/cli/src/github-action.ts
import { appendFile } from "node:fs/promises";
import { sep } from "node:path";

// packages/cli/src/annotation-order.ts
var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
function orderForAnnotations(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  const keyed = diagnostics.map((diagnostic, index) => {
    const kind = `${diagnostic.severity} ${diagnostic.code}`;
    const firstOfCode = !seen.has(kind);
    seen.add(kind);
    return { diagnostic, rank: SEVERITY_RANK[diagnostic.severity] * 2 + (firstOfCode ? 0 : 1), index };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return keyed.map((entry) => entry.diagnostic);
}

// packages/cli/src/github-action-diff.ts
import { readFile } from "node:fs/promises";
var DIFF_COMMENT_MARKER = "<!-- mission-diff -->";
var MAX_COMMENT_LENGTH = 65e3;
async function runDiffMode(env, inputs, output) {
  const event = await pullRequestEvent(env);
  const base = inputs.base ?? event?.baseSha;
  if (base === void 0)
    throw new UsageError(
      "mode diff needs a base revision: run on a pull_request event (its base commit) or set the input base"
    );
  const diff = await diffSides(await gitSides(base, inputs.paths), { today: inputs.today, config: inputs.config });
  let markdown = `${DIFF_COMMENT_MARKER}
${modelDiffMarkdown(diff)}`;
  if (markdown.length > MAX_COMMENT_LENGTH)
    markdown = `${markdown.slice(0, MAX_COMMENT_LENGTH)}

\u2026 (cut: run \`mission diff --git ${base}\` for the rest)
`;
  const outputs = { changed: String(!isEmptyDiff(diff)), "comment-url": "" };
  if (event?.number === void 0 || !inputs.token || !env.GITHUB_REPOSITORY) {
    output.stdout("mission: not a pull request (or no token): the diff is in the step summary only\n");
    return { exitCode: EXIT_OK, markdown, outputs };
  }
  const api = new GitHubApi(env.GITHUB_API_URL || "https://api.github.com", inputs.token);
  const url = await upsertComment(api, env.GITHUB_REPOSITORY, event.number, markdown);
  output.stdout(`mission: the model diff is in ${url}
`);
  return { exitCode: EXIT_OK, markdown, outputs: { ...outputs, "comment-url": url } };
}
async function pullRequestEvent(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return void 0;
  let event;
  try {
    event = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH (${path}): cannot read the event: ${error.message}`);
  }
  const pull = event.pull_request;
  if (!pull) return void 0;
  return {
    number: typeof pull.number === "number" ? pull.number : void 0,
    baseSha: typeof pull.base?.sha === "string" ? pull.base.sha : void 0
  };
}
async function upsertComment(api, repository, pull, body) {
  for (let page = 1; ; page++) {
    const comments = await api.call(
      "GET",
      `/repos/${repository}/issues/${pull}/comments?per_page=100&page=${page}`
    );
    const ours = comments.find((comment) => comment.body?.includes(DIFF_COMMENT_MARKER));
    if (ours) {
      const updated = await api.call(
        "PATCH",
        `/repos/${repository}/issues/comments/${ours.id}`,
        { body }
      );
      return updated.html_url;
    }
    if (comments.length < 100) break;
  }
  const created = await api.call("POST", `/repos/${repository}/issues/${pull}/comments`, {
    body
  });
  return created.html_url;
}
var GitHubApi = class {
  constructor(root, token) {
    this.root = root;
    this.token = token;
  }
  root;
  token;
  async call(method, path, body) {
    let response;
    try {
      response = await fetch(`${this.root.replace(/\/$/, "")}${path}`, {
        method,
        headers: {
          Accept: "application/vnd.github+json",
          Authorization: `Bearer ${this.token}`,
          "Content-Type": "application/json",
          "User-Agent": "mission-lang-action",
          "X-GitHub-Api-Version": "2022-11-28"
        },
        body: body === void 0 ? void 0 : JSON.stringify(body)
      });
    } catch (error) {
      throw new UsageError(`GitHub API: ${method} ${path}: ${error.message}`);
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => "");
      const message = /"message"\s*:\s*"([^"]*)"/.exec(detail)?.[1] ?? response.statusText;
      const hint = response.status === 403 || response.status === 404 ? " (the job needs pull-requests: write)" : "";
      throw new UsageError(`GitHub API: ${method} ${path} answered ${response.status}: ${message}${hint}`);
    }
    return await response.json();
  }
};

// packages/cli/src/format-markdown.ts
var STEP_SUMMARY_LIMIT = 1e6;
function formatStepSummary(diagnostics, summary, verdict, limit = STEP_SUMMARY_LIMIT) {
  const head = `## mission validate

${escapeMarkdown(verdict)}

${escapeMarkdown(summaryLine(summary))}

`;
  if (diagnostics.length === 0) return head;
  let text = head + "| Location | Severity | Code | Message |\n| --- | --- | --- | --- |\n";
  let size = Buffer.byteLength(text);
  const budget = limit - 200;
  for (let index = 0; index < diagnostics.length; index++) {
    const diagnostic = diagnostics[index];
    const location = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
    const cells = [location, diagnostic.severity, diagnostic.code, diagnostic.message];
    const row = `| ${cells.map(escapeMarkdown).join(" | ")} |
`;
    const rowSize = Buffer.byteLength(row);
    if (size + rowSize > budget) {
      const left = diagnostics.length - index;
      return text + `
${left} more diagnostic${left === 1 ? " is" : "s are"} not listed here (a step summary is limited to 1 MiB); the SARIF file and the annotations in the log have them all.
`;
    }
    text += row;
    size += rowSize;
  }
  return text;
}
function escapeMarkdown(text) {
  return text.replace(/\r\n|\r|\n/g, " ").replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

// packages/cli/src/github-action.ts
async function runAction(env, output) {
  try {
    const mode = actionInput(env, "mode") || "validate";
    if (mode === "diff") return await diffModel(env, output);
    if (mode !== "validate") throw new UsageError(`mode: '${mode}' is neither validate nor diff`);
    return await checkModel(env, output);
  } catch (error) {
    const reason = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)} (please report this)`;
    output.stdout(`::error title=mission::${escapeData(`mission: ${reason}`)}
`);
    await appendStepSummary(env, `## mission validate

mission: ${reason}
`).catch(() => void 0);
    return EXIT_USAGE;
  }
}
async function diffModel(env, output) {
  const result = await runDiffMode(
    env,
    {
      paths: pathsInput(env),
      today: actionInput(env, "today") || void 0,
      config: actionInput(env, "config") || void 0,
      base: actionInput(env, "base") || void 0,
      token: actionInput(env, "github-token") || void 0
    },
    output
  );
  await appendStepSummary(env, result.markdown);
  await setOutputs(env, result.outputs);
  return result.exitCode;
}
function pathsInput(env) {
  const paths = actionInput(env, "paths").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
  if (paths.length === 0) paths.push(".");
  if (paths.includes("-")) throw new UsageError("paths: '-' (standard input) cannot be read in a workflow");
  return paths;
}
async function checkModel(env, output) {
  const paths = pathsInput(env);
  const maxWarnings = parseMaxWarnings(actionInput(env, "max-warnings") || void 0, "max-warnings");
  const today = actionInput(env, "today") || void 0;
  const config = actionInput(env, "config") || void 0;
  const sarifFile = actionInput(env, "sarif-file") || void 0;
  const model = await loadModel(
    paths,
    { today, config },
    { stdout: output.stdout, stderr: output.stderr, color: false }
  );
  const { summary } = model;
  const shown = model.diagnostics.map(relativeToWorkspace);
  output.stdout(formatGithub(orderForAnnotations(shown)));
  if (sarifFile !== void 0) await writeFileAtomic(sarifFile, formatSarif(model.diagnostics));
  const failure = validationFailure(summary, maxWarnings, "max-warnings");
  const verdict = failure === void 0 ? "Passed." : `Failed: ${failure.message}.`;
  await appendStepSummary(env, formatStepSummary(shown, summary, verdict));
  await setOutputs(env, {
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    files: summary.files,
    "sarif-file": sarifFile ?? ""
  });
  output.stdout(`mission: ${summaryLine(summary)}
`);
  if (shown.length > 10) {
    output.stdout(
      "mission: GitHub shows the first 10 annotations of each severity on the pull request; the step summary lists every diagnostic\n"
    );
  }
  if (failure === void 0) return EXIT_OK;
  output.stdout(
    failure.reason === "warnings" ? `::error title=mission::${escapeData(`mission: ${failure.message}`)}
` : `mission: ${failure.message}
`
  );
  return EXIT_MODEL_ERRORS;
}
function actionInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function relativeToWorkspace(diagnostic) {
  if (diagnostic.file.startsWith("<")) return diagnostic;
  return { ...diagnostic, file: displayPath(diagnostic.file).split(sep).join("/") };
}
async function appendStepSummary(env, markdown) {
  await appendRunnerFile(env, "GITHUB_STEP_SUMMARY", markdown);
}
async function setOutputs(env, outputs) {
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]/g, " ")}
`);
  await appendRunnerFile(env, "GITHUB_OUTPUT", lines.join(""));
}
async function appendRunnerFile(env, variable, text) {
  const path = env[variable];
  if (path === void 0 || path === "") return;
  await appendFile(path, text, "utf8").catch((error) => {
    throw new UsageError(`${variable} (${path}): cannot write: ${describeError(error)}`);
  });
}

// packages/cli/src/action-entry.ts
process.exitCode = await runAction(process.env, processOutput());
