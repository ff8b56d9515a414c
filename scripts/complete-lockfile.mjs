// Adds lockfile entries for optional platform packages that npm left out.
//
// npm 11's `npm ci` validates every package named in a dependency's optionalDependencies (rollup's
// @rollup/rollup-<platform> binaries), but the registry this workplace reaches serves only this platform's
// binaries, so `npm install` cannot record the others, and then `npm ci` refuses the lock it wrote
// (npm/cli#4828, npm/cli#9083). This script fills the missing entries: from the registry's metadata when it
// has them, else from the platform spelled in the package's name (@rollup/rollup-<os>-<cpu>[-<libc>]).
// Such entries are never installed on a platform they do not match; they only make the lock complete.
// Idempotent: no change when nothing is missing. `.ci/run` runs it before `npm ci`.
//   node scripts/complete-lockfile.mjs            fix package-lock.json in place
//   node scripts/complete-lockfile.mjs --check    exit 1 when entries are missing
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv.find((a) => a.endsWith('.json')) ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages ?? {};

/** The entry a dependency of `path` resolves to (nested first, then up to the root). */
function resolved(path, name) {
  let dir = path;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

const missing = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolved(path, name)) continue;
    missing.push({ name, range, dev: entry.dev === true, path });
  }
}

if (missing.length === 0) {
  console.log('lockfile: no optional entries missing');
  process.exit(0);
}
if (process.argv.includes('--check')) {
  console.error(`lockfile: ${missing.length} optional entries missing (run node scripts/complete-lockfile.mjs)`);
  process.exit(1);
}

/** Registry metadata of name@range, or null when the registry does not have it. */
function registryMeta(name, range) {
  try {
    const meta = JSON.parse(execFileSync('npm', ['view', `${name}@${range}`, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return Array.isArray(meta) ? meta.at(-1) : meta;
  } catch {
    return null;
  }
}

/** os/cpu/libc from a platform package's name: @rollup/rollup-linux-arm64-musl, @esbuild/darwin-x64… */
function platformFromName(name) {
  const m = /^@(?:rollup\/rollup|esbuild|rolldown\/binding)-?\/?([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?/.exec(name.replace('@esbuild/', '@esbuild-'));
  if (!m) return null;
  const [, os, cpu, abi] = m;
  const platform = { os: [os], cpu: [cpu] };
  if (os === 'linux' && abi) platform.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  return platform;
}

for (const { name, range, dev } of missing) {
  const m = registryMeta(name, range);
  const platform = m ? null : platformFromName(name);
  if (!m && !platform) {
    console.error(`lockfile: ${name}@${range} is not in the registry and its platform cannot be read from its name`);
    process.exit(1);
  }
  const entry = { version: m?.version ?? range };
  if (m?.dist?.integrity) entry.integrity = m.dist.integrity;
  if (dev) entry.dev = true;
  entry.optional = true;
  if (m) {
    for (const key of ['license', 'os', 'cpu', 'libc', 'engines']) if (m[key] !== undefined) entry[key] = m[key];
  } else {
    Object.assign(entry, platform);
  }
  packages[`node_modules/${name}`] = entry;
  console.log(`lockfile: added ${name}@${entry.version}${m ? '' : ' (platform from its name; not in this registry)'}`);
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
