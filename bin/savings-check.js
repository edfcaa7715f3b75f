#!/usr/bin/env node
// Thin launcher: the command is compiled to lib/ by `npm run build:cli` (run on `npm ci` by `prepare`).
require("../lib/src/cli/main.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
