#!/usr/bin/env node
// The entry point of the self-contained `mission` bundle (dist/mission.js, built by
// scripts/bundle-dist.mjs) that the pre-commit hooks run from a clone with nothing installed.
import { main, relaunchWithNodeFlags } from './main.js';

// A command that wants V8 flags (`mission mcp`) runs again in a Node process given them.
const argv = process.argv.slice(2);
process.exitCode = await (relaunchWithNodeFlags(process.argv[1]!, argv) ?? main(argv));
