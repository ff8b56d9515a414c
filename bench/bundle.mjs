// Bundle size: what a page loads for `import 'tim-elements'` plus LocalCore, lit included, minified and
// gzipped, from the built library (dist/). Lazy chunks (loaded with import(): other locales, the demo seed,
// the emoji picker, the Tencent adapter) are reported on their own and not counted in kitGzipBytes.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createServer } from 'node:http';
import { chromium } from 'playwright';
import { launchOptions } from '../scripts/browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundles one entry with code splitting (the way a host app's bundler would) into a new directory. */
async function bundle(name, source) {
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
  return { dir, entry, outputs: result.metafile.outputs };
}

/** Bundles one entry with code splitting and returns the static graph's size and each lazy chunk's. */
async function measure(name, source) {
  const { dir, entry, outputs } = await bundle(name, source);
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

/** A readable name for any output chunk (entry point or shared), from the source files it holds. */
function chunkLabel(outputs, file) {
  const entryPoint = outputs[file].entryPoint;
  if (entryPoint?.endsWith('/first.js')) return 'page entry';
  if (entryPoint) return relative(ROOT, resolve(process.cwd(), entryPoint)).replace(/^dist\/|\.js$/g, '');
  return lazyLabel(Object.keys(outputs[file].inputs).map((p) => relative(ROOT, resolve(process.cwd(), p))));
}

/**
 * What a page really loads to show the kit's first screen, lazy chunks included: the kit bundled as a host app
 * would bundle it, served over HTTP, opened in Chromium; the page logs in as alice on a demo-seeded LocalCore,
 * shows the conversation list and opens a conversation with its history and composer. Every script the page
 * fetched until then is counted (gzip, as a server would send it), except the demo seed, which an app with its
 * own data never loads (reported on its own). `kitGzipBytes` counts only the static imports; this is the
 * honest cost of a chat on screen.
 */
async function firstScreen() {
  const { dir, outputs } = await bundle(
    'first',
    `import 'tim-elements';
import { createLocalCore } from 'tim-elements/core/local/index.js';
const core = await createLocalCore({ dbName: 'bench-first-screen', seed: 'demo' });
await core.login({ userID: 'alice' });
const provider = Object.assign(document.createElement('tim-provider'), { core });
provider.style.cssText = 'display:grid;grid-template-columns:20rem 1fr;height:100vh';
provider.append(document.createElement('tim-conversation'), Object.assign(document.createElement('tim-chat'), { conversationId: 'C2Cbob' }));
document.body.append(provider);
const deep = (root, selector) => root?.shadowRoot?.querySelector(selector);
const ready = () => {
  const chat = document.querySelector('tim-chat');
  return deep(deep(chat, 'tim-chat-composer'), 'textarea') && deep(chat, '.row') && deep(document.querySelector('tim-conversation'), '[data-id]');
};
while (!ready()) await new Promise((r) => setTimeout(r, 50));
window.__firstScreen = true;`,
  );
  const outDir = join(dir, 'out');
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><body style="margin:0"><script type="module" src="./first.js"></script>');
  const server = createServer((req, res) => {
    const path = join(outDir, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch(await launchOptions());
  const fetched = new Set();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) fetched.add(path.slice(1));
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.__firstScreen === true, null, { timeout: 60_000 }).catch((e) => {
      throw new Error(`first screen did not show: ${e.message}${errors.length ? `\n${errors.join('\n')}` : ''}`);
    });
    // Whatever the first screen starts loading on its own in the next moment belongs to it too.
    await page.waitForLoadState('networkidle');
  } finally {
    await browser.close();
    server.close();
  }
  const chunks = {};
  let gzipBytes = 0;
  let demoSeedGzipBytes = 0;
  for (const name of fetched) {
    const file = Object.keys(outputs).find((k) => k.endsWith(`/out/${name}`));
    const size = gz(readFileSync(join(outDir, name)));
    const label = file ? chunkLabel(outputs, file) : name;
    if (/core\/local\/seed-/.test(label)) demoSeedGzipBytes += size;
    else {
      gzipBytes += size;
      chunks[label] = (chunks[label] ?? 0) + size;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return { gzipBytes, files: fetched.size, demoSeedGzipBytes, chunks };
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
  const first = await firstScreen();
  return {
    kitGzipBytes: kit.gzipBytes,
    kitBytes: kit.bytes,
    budgetGzipBytes: 40 * 1024,
    withinBudget: kit.gzipBytes <= 40 * 1024,
    perEntry,
    lazyChunksGzipBytes: kit.lazy,
    // Everything fetched to show the list and an open chat with its composer (lazy chunks included).
    firstScreenGzipBytes: first.gzipBytes,
    firstScreenFiles: first.files,
    firstScreenChunks: first.chunks,
    demoSeedGzipBytes: first.demoSeedGzipBytes,
  };
}
