// Proves the ruleset still catches what each rule is for (cases.json): writes each case's document, lints them all in
// one Spectral run and compares the rules reported at error level with the ones the case expects.
// Usage: node selftest.mjs <spectral command...>; exits 1 when a case is reported otherwise than expected.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ruleset = join(here, '..', 'nlgov-adr.yaml');
const {base, cases} = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8'));
const [command, ...commandArgs] = process.argv.slice(2);

// Paths are dot-separated keys ("paths./grants.get"); array indexes are keys too.
function parentOf(doc, path) {
  const keys = path.split('.');
  const last = keys.pop();
  let node = doc;
  for (const key of keys) {
    if (node[key] === undefined) throw new Error(`no ${key} in ${path}`);
    node = node[key];
  }
  return [node, last];
}

function variant(c) {
  const doc = structuredClone(base);
  for (const [path, value] of Object.entries(c.set ?? {})) {
    const [parent, key] = parentOf(doc, path);
    parent[key] = value;
  }
  for (const path of c.remove ?? []) {
    const [parent, key] = parentOf(doc, path);
    if (!(key in parent)) throw new Error(`nothing to remove at ${path}`);
    delete parent[key];
  }
  for (const [path, name] of Object.entries(c.rename ?? {})) {
    const [parent, key] = parentOf(doc, path);
    // Keeps the key's place, so that the document reads the same but for the name.
    const entries = Object.entries(parent).map(([k, v]) => [k === key ? name : k, v]);
    Object.keys(parent).forEach(k => delete parent[k]);
    entries.forEach(([k, v]) => { parent[k] = v; });
    if (name.startsWith('/') || !path.startsWith('components.schemas.')) continue;
    // A renamed schema: its references follow.
    const json = JSON.stringify(doc).replaceAll(`"#/components/schemas/${key}"`, `"#/components/schemas/${name}"`);
    return JSON.parse(json);
  }
  return doc;
}

const dir = mkdtempSync(join(tmpdir(), 'adr-selftest-'));
try {
  const files = cases.map((c, i) => {
    const file = join(dir, `case-${String(i).padStart(2, '0')}.json`);
    writeFileSync(file, JSON.stringify(variant(c), null, 1));
    return file;
  });
  let output;
  try {
    output = execFileSync(command, [...commandArgs, 'lint', '--format', 'json', '--quiet', '--ruleset', ruleset,
      ...files], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
  } catch (e) {
    output = e.stdout; // Spectral exits 1 when it reports errors, as most cases should make it
  }
  const results = JSON.parse(output);
  let failed = 0;
  cases.forEach((c, i) => {
    const reported = [...new Set(results.filter(r => r.source === files[i] && r.severity === 0).map(r => r.code))]
      .sort();
    const expected = [...c.expect].sort();
    if (JSON.stringify(reported) !== JSON.stringify(expected)) {
      failed++;
      console.error(`spectral self-test: "${c.name}": expected [${expected}], reported [${reported}]`);
    }
  });
  if (failed > 0) {
    console.error(`spectral self-test: ${failed} of ${cases.length} cases reported otherwise than expected`);
    process.exit(1);
  }
  console.log(`spectral self-test: the ruleset reports each of ${cases.length} cases as expected`);
} finally {
  rmSync(dir, {recursive: true, force: true});
}
