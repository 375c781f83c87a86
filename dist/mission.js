#!/usr/bin/env node
import { createRequire as __missionCreateRequire } from 'node:module'; const require = __missionCreateRequire(import.meta.url);
import {
  CONFIG_FILE_NAME,
  Command,
  CommanderError,
  DEFAULT_LAYOUT_TIMEOUT_MS,
  EXIT_MODEL_ERRORS,
  EXIT_OK,
  EXIT_USAGE,
  LayoutTimeoutError,
  Option,
  STARTER_MODEL_FILE,
  UnknownPersonError,
  UnknownRootError,
  UsageError,
  VERSION,
  buildCascadeGraph,
  cascadeToDot,
  cascadeToMermaid,
  checkedToday,
  collectModelPaths,
  defineValidateCommand,
  describeError,
  dotToSvg,
  failOnOption,
  formatDocument,
  loadConfig,
  loadModel,
  modelJsonText,
  modelOptions,
  outputExitCode,
  outputModelOf,
  processOutput,
  renderBrief,
  renderReport,
  starterFiles,
  svgToPng,
  warmUpLayout,
  watchOption,
  withWatch,
  writeFileAtomic
} from "./lib/chunk-UV3E3GJR.js";

// packages/cli/src/emit.ts
async function emit(target, data, output) {
  if (target === void 0 || target === "-") {
    output.stdout(typeof data === "string" ? data : Buffer.from(data).toString("latin1"));
    return;
  }
  await writeFileAtomic(target, data);
}

// packages/cli/src/compile.ts
async function runCompile(paths, options, output) {
  const model = await loadModel(paths, options, output, { everyPosition: true });
  await emit(options.output, modelJsonText(outputModelFrom(model)), output);
  return outputExitCode(model.summary, options.failOn);
}
function outputModelFrom(model) {
  return outputModelOf(model.result, model.diagnostics, model.summary);
}
function defineCompileCommand(program, context) {
  const command = program.command("compile").description("write the JSON model: elements, resolved references, computed facts and all diagnostics").argument("<paths...>", "model files or folders, or - for standard input").option("-o, --output <file>", "write to this file (default: standard output)").action(async (paths, options) => {
    context.setExitCode(
      await withWatch(
        paths,
        options,
        context.output,
        "compile",
        () => runCompile(paths, options, context.output)
      )
    );
  });
  for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

// packages/cli/src/brief.ts
async function runBrief(paths, options, output) {
  const model = await loadModel(paths, options, output);
  let text;
  try {
    text = renderBrief(outputModelFrom(model), options.person);
  } catch (error) {
    if (error instanceof UnknownPersonError) throw new UsageError(`--person ${error.person}: ${error.message}`);
    throw error;
  }
  await emit(options.output, text, output);
  return outputExitCode(model.summary, options.failOn);
}
function defineBriefCommand(program, context) {
  const command = program.command("brief").description(
    "write one person's line of sight in Markdown: vision, intents 1-up and 2-up, boundaries, measures, mutual support"
  ).argument("<paths...>", "model files or folders, or - for standard input").requiredOption("-p, --person <name>", "the person (their name in the model)").option("-o, --output <file>", "write to this file, e.g. brief.md (default: standard output)").action(async (paths, options) => {
    context.setExitCode(await runBrief(paths, options, context.output));
  });
  for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

// packages/cli/src/diagram.ts
import { extname } from "node:path";
var DIAGRAM_FORMATS = ["mermaid", "dot", "svg", "png"];
var EXTENSION_FORMATS = {
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
  ".dot": "dot",
  ".gv": "dot",
  ".svg": "svg",
  ".png": "png"
};
async function runDiagram(paths, options, output) {
  const format = diagramFormat(options);
  if (format === "png" && (options.output === void 0 || options.output === "-"))
    throw new UsageError("--format png needs -o FILE");
  const depth = wholeNumber("--depth", options.depth);
  const timeoutSeconds = options.timeout === void 0 ? DEFAULT_LAYOUT_TIMEOUT_MS / 1e3 : Number(options.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
  const direction = options.direction ?? "TB";
  if (format === "svg" || format === "png") warmUpLayout();
  const model = await loadModel(paths, options, output, { everyPosition: true });
  const graph = cascadeGraph(model, options, depth);
  await emit(options.output, await renderDiagram(graph, format, direction, timeoutSeconds * 1e3), output);
  return outputExitCode(model.summary, options.failOn);
}
function cascadeGraph(model, options, depth) {
  try {
    return buildCascadeGraph(outputModelFrom(model), {
      root: options.root,
      depth,
      supports: options.supports !== false
    });
  } catch (error) {
    if (error instanceof UnknownRootError) throw new UsageError(`--root ${error.root}: ${error.message}`);
    throw error;
  }
}
async function renderDiagram(graph, format, direction, timeoutMs) {
  if (format === "mermaid") return cascadeToMermaid(graph, { direction });
  const dot = cascadeToDot(graph, { direction });
  if (format === "dot") return dot;
  let svg;
  try {
    svg = await dotToSvg(dot, timeoutMs);
  } catch (error) {
    if (error instanceof LayoutTimeoutError) {
      throw new UsageError(
        `${error.message} (${graph.nodes.length} nodes): draw less with --root/--depth, allow more with --timeout, or use --format mermaid or dot`
      );
    }
    throw error;
  }
  return format === "png" ? svgToPng(svg) : svg;
}
function diagramFormat(options) {
  const extension = options.output && options.output !== "-" ? extname(options.output).toLowerCase() : "";
  const fromExtension = EXTENSION_FORMATS[extension];
  if (options.format !== void 0) {
    if (!DIAGRAM_FORMATS.includes(options.format)) {
      throw new UsageError(`unknown format '${options.format}' (expected ${DIAGRAM_FORMATS.join(", ")})`);
    }
    if (fromExtension !== void 0 && fromExtension !== options.format) {
      throw new UsageError(
        `--format ${options.format} does not match -o ${options.output} (a ${fromExtension} file name): name the file ${extensionsOf(options.format)}, or leave out --format`
      );
    }
    return options.format;
  }
  if (extension === "") return "mermaid";
  if (fromExtension === void 0) {
    throw new UsageError(
      `-o ${options.output}: '${extension}' is no diagram format; use ${knownExtensions()} (or --format ${DIAGRAM_FORMATS.join("|")})`
    );
  }
  return fromExtension;
}
function extensionsOf(format) {
  return Object.keys(EXTENSION_FORMATS).filter((extension) => EXTENSION_FORMATS[extension] === format).join(" or ");
}
function knownExtensions() {
  const each = DIAGRAM_FORMATS.map((format) => `${extensionsOf(format).replace(" or ", "/")} (${format})`);
  return `${each.slice(0, -1).join(", ")} or ${each.at(-1)}`;
}
function wholeNumber(option, value) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} wants a whole number, not '${value}'`);
  return Number(value);
}
function defineDiagramCommand(program, context) {
  const command = program.command("diagram").description(
    "draw the cascade: visions on top, missions below their parents, supports dashed; errors outlined in red"
  ).argument("<paths...>", "model files or folders, or - for standard input").option("-f, --format <format>", `${DIAGRAM_FORMATS.join(", ")} (default: from the -o extension, else mermaid)`).option("-o, --output <file>", "write to this file (default: standard output; png needs a file)").option("--root <name>", "draw only this vision or mission and what is below it").option("--depth <levels>", "draw only this many levels below the root(s)").addOption(
    new Option("--direction <direction>", "top to bottom or left to right").choices(["TB", "LR"]).default("TB")
  ).option("--no-supports", "leave out the dashed supports edges").option(
    "--timeout <seconds>",
    `time limit of the SVG/PNG layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1e3})`
  ).action(async (paths, options) => {
    context.setExitCode(
      await withWatch(
        paths,
        options,
        context.output,
        "diagram",
        () => runDiagram(paths, options, context.output)
      )
    );
  });
  for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

// packages/cli/src/format.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
async function runFormat(paths, options, output) {
  const config = await loadConfig(options.config);
  if (config.diagnostics.length > 0) {
    for (const problem of config.diagnostics) {
      output.stderr(`mission: ${problem.file}:${problem.line}:${problem.column}: ${problem.message}
`);
    }
    return EXIT_MODEL_ERRORS;
  }
  const settings = config.format ?? {};
  if (paths.includes("-")) {
    if (paths.length > 1) throw new UsageError("'-' (standard input) cannot be combined with files");
    const text = output.readStdin ? await output.readStdin() : "";
    try {
      const formatted = formatDocument(text, settings);
      if (options.check) return formatted === text ? EXIT_OK : EXIT_MODEL_ERRORS;
      output.stdout(formatted);
      return EXIT_OK;
    } catch (error) {
      output.stderr(`mission: <stdin>: ${error.message}
`);
      return EXIT_MODEL_ERRORS;
    }
  }
  const files = await collectModelPaths(paths);
  if (files.length === 0) throw new UsageError(`no .mission files found in ${paths.join(", ")}`);
  let failed = false;
  let changed = 0;
  for (const file of files) {
    const text = await readFile(resolve(file), "utf8").catch((error) => {
      throw new UsageError(`${file}: ${describeError(error)}`);
    });
    let formatted;
    try {
      formatted = formatDocument(text.charCodeAt(0) === 65279 ? text.slice(1) : text, settings);
    } catch (error) {
      output.stderr(`mission: ${file}: ${error.message}
`);
      failed = true;
      continue;
    }
    if (formatted === text) continue;
    changed++;
    if (options.check) {
      output.stdout(`${file}
`);
    } else {
      await writeFileAtomic(file, formatted);
      output.stdout(`formatted ${file}
`);
    }
  }
  if (options.check && changed > 0) {
    output.stderr(
      `mission: ${changed} of ${files.length} file${files.length === 1 ? "" : "s"} not formatted; run mission format to fix
`
    );
  }
  return failed || options.check && changed > 0 ? EXIT_MODEL_ERRORS : EXIT_OK;
}
function defineFormatCommand(program, context) {
  program.command("format").description(
    "rewrite model files in the canonical layout (comments kept); --check only lists the files that would change"
  ).argument("<paths...>", "model files or folders, or - to format standard input to standard output").option("--check", "write nothing; exit 1 when a file is not formatted").option(
    "--config <file>",
    'the configuration file, for its "format" section (default: mission.config.json in the current folder)'
  ).action(async (paths, options) => {
    context.setExitCode(await runFormat(paths, options, context.output));
  });
}

// packages/cli/src/init.ts
import { access } from "node:fs/promises";
import { join, resolve as resolve2 } from "node:path";
async function runInit(folder, output, today) {
  const target = resolve2(folder ?? ".");
  const files = starterFiles(checkedToday(today) ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10));
  for (const file of files) {
    const path = join(target, file.name);
    const exists = await access(path).then(
      () => true,
      () => false
    );
    if (exists)
      throw new UsageError(
        `${join(folder ?? ".", file.name)} already exists; mission init never overwrites files`
      );
  }
  for (const file of files) await writeFileAtomic(join(target, file.name), file.text);
  const shown = folder ?? ".";
  const created = `created ${join(shown, STARTER_MODEL_FILE)} and ${join(shown, CONFIG_FILE_NAME)}`;
  output.stdout(`${created}
next: mission validate ${shown}
`);
  return EXIT_OK;
}
function defineInitCommand(program, context) {
  program.command("init").description("create a starter model (strategy.mission) and mission.config.json in a folder").argument("[dir]", "the folder (created when missing; default: the current folder)").option(
    "--today <date>",
    "the day the dates of the model are written from, YYYY-MM-DD (default: the system date)"
  ).action(async (dir, options) => {
    context.setExitCode(await runInit(dir, context.output, options.today));
  });
}

// packages/cli/src/report.ts
async function runReport(paths, options, output) {
  const timeoutSeconds = options.timeout === void 0 ? DEFAULT_LAYOUT_TIMEOUT_MS / 1e3 : Number(options.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
  warmUpLayout();
  const model = await loadModel(paths, options, output, { everyPosition: true });
  const outputModel = outputModelFrom(model);
  const graph = buildCascadeGraph(outputModel);
  let cascadeSvg;
  let cascadeNote;
  try {
    cascadeSvg = await dotToSvg(cascadeToDot(graph), timeoutSeconds * 1e3);
  } catch (error) {
    if (!(error instanceof LayoutTimeoutError)) throw error;
    cascadeNote = `The cascade (${graph.nodes.length} nodes) took longer than ${timeoutSeconds}s to lay out; draw parts of it with mission diagram --root NAME --depth N.`;
    output.stderr(`mission: ${cascadeNote}
`);
  }
  const page = renderReport(outputModel, { cascadeSvg, cascadeNote, title: options.title });
  await emit(options.output, page, output);
  return outputExitCode(model.summary, options.failOn);
}
function defineReportCommand(program, context) {
  const command = program.command("report").description(
    "write the scorecard: one self-contained HTML page with the cascade, measures, load, staging queue and diagnostics"
  ).argument("<paths...>", "model files or folders, or - for standard input").option("-o, --output <file>", "write to this file, e.g. report.html (default: standard output)").option("--title <text>", "the page title (default: Mission scorecard)").option(
    "--timeout <seconds>",
    `time limit of the cascade layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1e3})`
  ).action(async (paths, options) => {
    context.setExitCode(
      await withWatch(
        paths,
        options,
        context.output,
        "report",
        () => runReport(paths, options, context.output)
      )
    );
  });
  for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

// packages/cli/src/schema.ts
import { readFile as readFile2 } from "node:fs/promises";
import { createRequire } from "node:module";
async function modelSchemaText() {
  return readFile2(
    createRequire(import.meta.url).resolve("mission-lang-language/schema/mission-model.schema.json"),
    "utf8"
  );
}
function defineSchemaCommand(program, context) {
  program.command("schema").description("print the JSON Schema (draft 2020-12) of the JSON model that mission compile writes").option("-o, --output <file>", "write to this file (default: standard output)").action(async (options) => {
    await emit(options.output, await modelSchemaText(), context.output);
    context.setExitCode(EXIT_OK);
  });
}

// packages/cli/src/main.ts
async function main(argv, output = processOutput()) {
  let exitCode = 0;
  const context = {
    output,
    setExitCode: (code) => {
      exitCode = code;
    }
  };
  const program = new Command("mission").description("Check mission models and compile them to JSON, diagrams, reports and briefs.").version(VERSION, "-v, --version").exitOverride().configureOutput({
    writeOut: (text) => output.stdout(text),
    writeErr: (text) => output.stderr(text),
    outputError: (text, write) => write(text.startsWith("error:") ? `mission: ${text.slice("error: ".length)}` : text)
  });
  for (const define of commandDefinitions) define(program, context);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      output.stderr(`mission: ${error.message}
`);
      return EXIT_USAGE;
    }
    if (error?.code === "MODULE_NOT_FOUND") {
      const missing = /'([^']+)'/.exec(error.message)?.[1] ?? "a module";
      output.stderr(
        `mission: this command needs ${missing}, which is not installed here (dist/mission.js leaves it out; run the CLI of a mission-lang checkout after npm ci)
`
      );
      return EXIT_USAGE;
    }
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    output.stderr(`mission: internal error: ${reason} (please report this)
`);
    return EXIT_USAGE;
  }
}
var commandDefinitions = [
  defineValidateCommand,
  defineCompileCommand,
  defineDiagramCommand,
  defineReportCommand,
  defineBriefCommand,
  defineFormatCommand,
  defineInitCommand,
  defineSchemaCommand
];

// packages/cli/src/cli-entry.ts
process.exitCode = await main(process.argv.slice(2));
