#!/usr/bin/env node
// Runs a TypeScript entry point straight from the checkout (esbuild transpiles on load; no build step).
require("esbuild-register/dist/node").register({ target: "node20" });
const path = require("node:path");
const entry = process.argv[2];
if (!entry) {
  process.stderr.write("usage: run-ts <file.ts> [args...]\n");
  process.exit(1);
}
process.argv.splice(1, 2, path.resolve(entry));
require(path.resolve(entry));
