#!/usr/bin/env node
// The entry point of the self-contained `mission` bundle (dist/mission.js, built by
// scripts/bundle-dist.mjs) that the pre-commit hooks run from a clone with nothing installed.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
