// The library build: ESM modules with .d.ts beside each (tsc, one file per source module, so bundlers
// tree-shake and `sideEffects` stays exact), then the manifest and what is generated from it.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
if (existsSync('scripts/generate-from-manifest.mjs')) run('node', ['scripts/generate-from-manifest.mjs']);
console.log('Built dist/.');
