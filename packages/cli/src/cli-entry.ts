#!/usr/bin/env node
// The entry point of the self-contained `mission` bundle (dist/mission.js, built by
// scripts/bundle-dist.mjs) that the pre-commit hooks run from a clone with nothing installed.
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';

// A worker of this bundle (mission diff checks its two sides in two) runs the module for its code, not the command.
if (isMainThread) process.exitCode = await main(process.argv.slice(2));
