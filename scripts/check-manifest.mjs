// Fails when custom-elements.json is not what the analyzer generates from the source now.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer joins outdir to the working directory, so the scratch copy lives under node_modules/.cache.
const out = join('node_modules', '.cache', 'cem-check');
rmSync(out, { recursive: true, force: true });
execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
  stdio: 'pipe',
  env: { ...process.env, CEM_OUTDIR: out },
});
const fresh = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
let committed;
try {
  committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
} catch {
  committed = null;
}
if (JSON.stringify(fresh) !== JSON.stringify(committed)) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
