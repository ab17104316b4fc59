#!/usr/bin/env node
// The lke-zi command line, run from the TypeScript sources (esbuild transpiles on load).
require("esbuild-register/dist/node").register({ target: "node20" });
require("../src/cli/main.ts").runFromProcess();
