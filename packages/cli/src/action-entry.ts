// The entry point of the GitHub Action's bundle (dist/action/index.js, built by scripts/bundle-dist.mjs).
import { runAction } from './github-action.js';
import { processOutput } from './output.js';

process.exitCode = await runAction(process.env, processOutput());
