#!/usr/bin/env node
import '../out/server/main.js';
