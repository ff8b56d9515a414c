// Bundle size: what a page loads for `import 'tim-elements'` plus LocalCore, lit included, minified and
// gzipped, from the built library (dist/). Lazy chunks (loaded with import(): other locales, the demo seed,
// the emoji picker, the Tencent adapter) are reported on their own and not counted in kitGzipBytes.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundles one entry with code splitting and returns the static graph's size and each lazy chunk's. */
async function measure(name, source) {
  const dir = mkdtempSync(join(tmpdir(), 'tim-bench-'));
  const entry = join(dir, `${name.replace(/\W/g, '_')}.js`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir: join(dir, 'out'),
    metafile: true,
    write: true,
    logLevel: 'silent',
    nodePaths: [join(ROOT, 'node_modules')],
    alias: { 'tim-elements': join(ROOT, 'dist') },
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const outputs = result.metafile.outputs;
  // Dynamic-import targets are entry points in the metafile too: find the chunk of OUR entry file.
  const entryName = entry.split('/').pop();
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith(entryName));
  // Walk static imports from the entry chunk: that is what the page loads before it runs.
  const staticSet = new Set();
  const walk = (file) => {
    if (staticSet.has(file)) return;
    staticSet.add(file);
    for (const imp of outputs[file].imports) if (imp.kind === 'import-statement') walk(imp.path);
  };
  walk(entryOut);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of staticSet) {
    const content = readFileSync(join(process.cwd(), file));
    bytes += content.length;
    gzipBytes += gz(content);
  }
  const lazy = {};
  for (const file of Object.keys(outputs)) {
    if (staticSet.has(file) || !file.endsWith('.js')) continue;
    const content = readFileSync(join(process.cwd(), file));
    const inputs = Object.keys(outputs[file].inputs).map((p) => relative(ROOT, resolve(process.cwd(), p)));
    const label = NAMED[relative(ROOT, resolve(process.cwd(), outputs[file].entryPoint ?? '')).replace(/^dist\/|\.js$/g, '')] ?? lazyLabel(inputs);
    lazy[label] = (lazy[label] ?? 0) + gz(content);
  }
  rmSync(dir, { recursive: true, force: true });
  return { bytes, gzipBytes, lazy };
}

/** Lazy chunks reported under a name of their own, by the module the chunk is loaded for. */
const NAMED = {
  'elements/chat/composer/composer': 'elements/chat/composer',
  'elements/chat/composer/emoji-picker': 'elements/chat/composer/emoji-picker',
  'elements/chat/composer/sticker-panel': 'elements/chat/composer/sticker-panel',
  'elements/chat/actions/actions': 'elements/chat/actions',
};

/** A readable name for a lazy chunk, from the source files it holds. */
function lazyLabel(inputs) {
  const own = inputs.filter((p) => p.startsWith('dist/')).map((p) => p.replace(/^dist\//, '').replace(/\.js$/, ''));
  if (own.length === 0) return inputs[0]?.replace(/^node_modules\//, '') ?? 'chunk';
  const dirs = [...new Set(own.map((p) => p.split('/').slice(0, -1).join('/') || p))];
  return dirs.length === 1 && own.length > 1 ? dirs[0] : own[0];
}

export async function bundleSizes() {
  const kit = await measure('kit', `import 'tim-elements'; import { createLocalCore } from 'tim-elements/core/local/index.js'; console.log(createLocalCore);`);
  const entries = {
    index: `import 'tim-elements';`,
    'core/local': `import { createLocalCore } from 'tim-elements/core/local/index.js'; console.log(createLocalCore);`,
    lit: `import { LitElement, html, css } from 'lit'; import 'lit/decorators.js'; console.log(LitElement, html, css);`,
  };
  for (const [entry, file] of [
    ['core/tencent', 'core/tencent/index.js'],
    ['react', 'react/index.js'],
  ]) {
    try {
      readFileSync(join(ROOT, 'dist', file));
      entries[entry] = `export * from 'tim-elements/${file}';`;
    } catch {
      /* not built yet */
    }
  }
  const perEntry = {};
  for (const [entry, source] of Object.entries(entries)) {
    const m = await measure(entry, source);
    perEntry[entry] = { gzipBytes: m.gzipBytes, bytes: m.bytes };
  }
  return {
    kitGzipBytes: kit.gzipBytes,
    kitBytes: kit.bytes,
    budgetGzipBytes: 40 * 1024,
    withinBudget: kit.gzipBytes <= 40 * 1024,
    perEntry,
    lazyChunksGzipBytes: kit.lazy,
  };
}
