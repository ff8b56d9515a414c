// Builds every host the end-to-end tests open, then runs them (Playwright, playwright.config.mjs):
//   1. the demo (`vite build` → dist-demo/);
//   2. the library and its tarball (`scripts/build.mjs --pack` → dist/, examples/tim-elements.tgz);
//   3. each example in examples/: its dependencies from its lockfile (`npm ci`, from the npm cache when it
//      has them; when node_modules is already there, only the fresh tarball is put in), then `npm run build`,
//      which type-checks (tsc / vue-tsc) and bundles;
//   4. Storybook (`storybook build` → storybook-static/).
// Arguments are passed to `playwright test` (e.g. a spec file). E2E_ONLY=demo,examples,storybook limits the
// builds (the specs of skipped hosts then fail to connect: pass their spec files to skip them too).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const started = Date.now();
const only = process.env.E2E_ONLY?.split(',');
const wants = (part) => !only || only.includes(part);
const run = (cmd, args, options = {}) => {
  const t = Date.now();
  execFileSync(cmd, args, { stdio: 'inherit', ...options });
  return ((Date.now() - t) / 1000).toFixed(1);
};
const npmQuiet = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
const log = (text) => console.log(`e2e: ${text}`);

if (wants('demo')) log(`demo built in ${run('npx', ['vite', 'build', '--logLevel', 'warn'])}s`);

const EXAMPLES = ['html', 'react', 'vue'];

/** Whether npm's record of what it installed (node_modules/.package-lock.json) is what the lockfile pins, the
 * tarball aside: then only the tarball (rebuilt above) needs putting in. */
function installedAsLocked(cwd) {
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).packages ?? {} : null);
  const locked = read(`${cwd}/package-lock.json`);
  const installed = read(`${cwd}/node_modules/.package-lock.json`);
  if (!locked || !installed) return false;
  const skip = (key) => !key || key === 'node_modules/tim-elements';
  for (const [key, entry] of Object.entries(locked)) {
    if (skip(key) || entry.optional) continue;
    if (installed[key]?.version !== entry.version) return false;
  }
  for (const [key, entry] of Object.entries(installed)) if (!skip(key) && locked[key]?.version !== entry.version) return false;
  return true;
}

if (wants('examples')) {
  log(`library built and packed in ${run('node', ['scripts/build.mjs', '--pack'])}s`);
  for (const name of EXAMPLES) {
    const cwd = `examples/${name}`;
    const fresh = installedAsLocked(cwd);
    const seconds = fresh
      ? run('npm', ['install', '--no-save', ...npmQuiet, '../tim-elements.tgz'], { cwd })
      : run('npm', ['ci', ...npmQuiet], { cwd });
    log(`examples/${name}: ${fresh ? 'tarball reinstalled' : 'npm ci'} in ${seconds}s`);
    log(`examples/${name}: built in ${run('npm', ['run', 'build', '--silent'], { cwd })}s`);
  }
}

if (wants('storybook')) log(`storybook built in ${run('npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet', '--disable-telemetry'])}s`);

log(`builds took ${((Date.now() - started) / 1000).toFixed(0)}s; running Playwright`);
run('npx', ['playwright', 'test', '--config', 'playwright.config.mjs', ...process.argv.slice(2)]);
