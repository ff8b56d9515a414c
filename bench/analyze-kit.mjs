// Which modules the first screen (`import 'tim-elements'` + LocalCore) is made of: minified bytes per
// module, largest first, and each static chunk's gzip. Run after `node scripts/build.mjs`.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tim-analyze-'));
const entry = join(dir, 'kit.js');
writeFileSync(entry, `import 'tim-elements'; import { createLocalCore } from 'tim-elements/core/local/index.js'; console.log(createLocalCore);`);
const result = await build({
  entryPoints: [entry], bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2022',
  outdir: join(dir, 'out'), metafile: true, write: true, logLevel: 'silent',
  nodePaths: [join(ROOT, 'node_modules')], alias: { 'tim-elements': join(ROOT, 'dist') },
  conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' },
});
const outputs = result.metafile.outputs;
const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith('kit.js'));
const seen = new Set();
const walk = (f) => { if (seen.has(f)) return; seen.add(f); for (const i of outputs[f].imports) if (i.kind === 'import-statement') walk(i.path); };
walk(entryOut);
const rows = [];
for (const f of seen) {
  const gz = gzipSync(readFileSync(join(process.cwd(), f)), { level: 9 }).length;
  console.log(`chunk ${relative(dir, f)} min ${outputs[f].bytes} gz ${gz}`);
  for (const [input, { bytesInOutput }] of Object.entries(outputs[f].inputs)) rows.push([bytesInOutput, relative(ROOT, resolve(process.cwd(), input)), relative(dir, f)]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const [b, i, c] of rows) if (b > 0) console.log(String(b).padStart(7), i, c);
// Why each shared chunk is split off: the lazy chunks that import it.
if (process.argv.includes('--why')) {
  const label = (f) => Object.keys(outputs[f].inputs).map((p) => relative(ROOT, resolve(process.cwd(), p))).filter((p) => !p.includes('node_modules')).slice(0, 2).join(',') || Object.keys(outputs[f].inputs)[0];
  for (const f of seen) {
    if (f === entryOut) continue;
    const users = Object.keys(outputs).filter((o) => !seen.has(o) && outputs[o].imports.some((i) => i.path === f && i.kind === 'import-statement'));
    console.log(`${relative(dir, f)} [${label(f)}] <- ${users.map(label).join(' | ')}`);
  }
}
rmSync(dir, { recursive: true, force: true });
