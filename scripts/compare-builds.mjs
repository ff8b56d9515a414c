// Draws the same screens from two builds of the library and counts the pixels that differ: the check that a
// size change (or a build step) leaves what users see as it was.
//   node scripts/compare-builds.mjs <old-dist> [<new-dist>=dist] [--out dir] [--themes light,dark]
// Make the old build from a commit in a worktree of its own (its node_modules a symlink of this one's):
//   git worktree add --detach ../old <commit> && (cd ../old && ln -s ../main/node_modules && node scripts/build.mjs)
// Each build is bundled as a host app would bundle it (esbuild, code splitting, minified), served over HTTP and
// opened in headless Chromium at a fixed clock, on a demo-seeded LocalCore logged in as alice: the list with a
// 1:1 chat, a group chat, a profile and a search, in light/English and dark/Chinese. Prints one JSON line a
// screen: `n` differing pixels and their bounding `box`; screenshots go to --out (default screenshots/compare/).
// Exits 1 when any screen differs.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { launchOptions } from './browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!positional[0]) {
  console.error('usage: node scripts/compare-builds.mjs <old-dist> [<new-dist>] [--out dir] [--themes light,dark]');
  process.exit(2);
}
const ROOT = resolve(import.meta.dirname, '..');
const builds = { old: resolve(positional[0]), new: resolve(positional[1] ?? 'dist') };
const out = resolve(option('out', 'screenshots/compare'));
const NOW = Date.parse('2026-11-22T10:00:00Z');

const page = `import 'tim-elements';
import { createLocalCore } from 'tim-elements/core/local/index.js';
const q = new URLSearchParams(location.search);
const core = await createLocalCore({ dbName: 'compare-' + q.get('run'), seed: 'demo', now: () => ${NOW} });
await core.login({ userID: 'alice' });
const provider = Object.assign(document.createElement('tim-provider'), { core, theme: q.get('theme'), locale: q.get('locale') });
provider.style.cssText = 'display:grid;grid-template-columns:20rem 1fr;height:100vh';
const view = q.get('view');
const right = view === 'profile' ? Object.assign(document.createElement('tim-profile'), { userId: 'bob' })
  : view === 'search' ? Object.assign(document.createElement('tim-search'), { keyword: 'the' })
  : Object.assign(document.createElement('tim-chat'), { conversationId: q.get('conversation') });
provider.append(document.createElement('tim-conversation'), right);
document.body.style.margin = '0';
document.body.append(provider);`;

/** Bundles the page against one build and serves it; resolves to the server's base URL. */
async function serve(name, dist) {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'entry.js'), page);
  await build({
    entryPoints: [join(dir, 'entry.js')], bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2022',
    outdir: join(dir, 'www'), nodePaths: [join(ROOT, 'node_modules')], alias: { 'tim-elements': dist },
    conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  });
  writeFileSync(join(dir, 'www', 'index.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><body><script type="module" src="entry.js"></script>');
  const server = createServer((req, res) => {
    const path = join(dir, 'www', new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html'));
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

const served = { old: await serve('old', builds.old), new: await serve('new', builds.new) };
const browser = await chromium.launch(await launchOptions());
const screens = [];
for (const theme of option('themes', 'light,dark').split(',')) {
  const locale = theme === 'dark' ? 'zh' : 'en';
  for (const [view, conversation] of [['chat', 'C2Cbob'], ['chat', 'GROUPteam'], ['profile', ''], ['search', '']]) screens.push({ view, conversation, theme, locale });
}

let differing = 0;
for (const [run, screen] of screens.entries()) {
  const shots = {};
  for (const name of ['old', 'new']) {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 760 }, colorScheme: screen.theme });
    tab.on('pageerror', (e) => console.error(`${name}: pageerror: ${e.message}`));
    await tab.clock.install({ time: NOW });
    await tab.clock.resume();
    const query = new URLSearchParams({ run: `${name}-${run}-${Date.now()}`, ...screen });
    await tab.goto(`${served[name].base}?${query}`);
    await tab.waitForTimeout(3000);
    await tab.mouse.move(0, 0);
    shots[name] = join(out, `${screen.view}-${screen.conversation || 'bob'}-${screen.theme}-${name}.png`);
    await tab.screenshot({ path: shots[name] });
    await tab.close();
  }
  const tab = await browser.newPage();
  const diff = await tab.evaluate(async ([a, b]) => {
    const load = (src) => new Promise((done) => Object.assign(new Image(), { onload() { done(this); }, src }));
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    const canvas = new OffscreenCanvas(ia.width, ia.height);
    const ctx = canvas.getContext('2d');
    const pixels = (image) => (ctx.clearRect(0, 0, ia.width, ia.height), ctx.drawImage(image, 0, 0), ctx.getImageData(0, 0, ia.width, ia.height).data);
    const [da, db] = [pixels(ia), pixels(ib)];
    let n = 0;
    const box = [Infinity, Infinity, -1, -1];
    for (let i = 0; i < da.length; i += 4) {
      if (da[i] === db[i] && da[i + 1] === db[i + 1] && da[i + 2] === db[i + 2]) continue;
      n++;
      const x = (i / 4) % ia.width;
      const y = Math.floor(i / 4 / ia.width);
      box.splice(0, 4, Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y));
    }
    return { n, box: n ? box : null };
  }, [shots.old, shots.new].map((file) => `data:image/png;base64,${readFileSync(file).toString('base64')}`));
  await tab.close();
  if (diff.n) differing++;
  console.log(JSON.stringify({ ...screen, ...diff }));
}
await browser.close();
for (const { server } of Object.values(served)) server.close();
process.exit(differing ? 1 : 0);
