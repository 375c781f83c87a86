// The entry point of the GitHub Action's bundle (dist/action/index.js, built by scripts/bundle-dist.mjs).
import { isMainThread } from 'node:worker_threads';
import { runAction } from './github-action.js';
import { processOutput } from './output.js';

// A worker of this bundle (the diff mode checks its two sides in two) runs the module for its code, not the action.
if (isMainThread) process.exitCode = await runAction(process.env, processOutput());
