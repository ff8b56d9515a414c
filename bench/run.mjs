// `npm run bench`: builds the library, then prints one JSON object with every figure. Speed figures come
// from headless Chromium and are compared as ratios inside one run (machines are shared and noisy).
// Sections: bundle (always), then every bench/sections/*.mjs that exports `run(ctx)`.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSizes } from './bundle.mjs';
import { closeBrowserBench } from './browser.mjs';

const only = process.argv.slice(2);
const log = (...args) => console.error('[bench]', ...args);

if (!process.env.BENCH_SKIP_BUILD) {
  log('building the library…');
  execFileSync('node', ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const result = {};
if (only.length === 0 || only.includes('bundle')) {
  log('bundle sizes…');
  result.bundle = await bundleSizes();
}

const sectionsDir = join(import.meta.dirname, 'sections');
let files = [];
try {
  files = readdirSync(sectionsDir).filter((f) => f.endsWith('.mjs')).sort();
} catch {
  /* no browser sections yet */
}
for (const file of files) {
  const name = file.replace(/\.mjs$/, '');
  if (only.length && !only.includes(name)) continue;
  log(`${name}…`);
  const section = await import(join(sectionsDir, file));
  Object.assign(result, await section.run({ log }));
}

await closeBrowserBench();
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
