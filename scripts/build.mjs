// The library build: the manifest and what is generated from it (React wrappers, JSX and Vue types, editor
// data), then ESM modules with .d.ts beside each (tsc, one file per source module, so bundlers tree-shake
// and `sideEffects` stays exact). `--pack` then packs the tarball the examples install
// (examples/tim-elements.tgz), the way a registry would serve it.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...options });

rmSync('dist', { recursive: true, force: true });
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
run('node', ['scripts/generate-from-manifest.mjs']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
console.log('Built dist/.');

if (process.argv.includes('--pack')) {
  const out = execFileSync('npm', ['pack', '--pack-destination', 'examples', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [{ filename, size, entryCount }] = JSON.parse(out);
  renameSync(`examples/${filename}`, 'examples/tim-elements.tgz');
  console.log(`Packed examples/tim-elements.tgz (${filename}, ${entryCount} files, ${(size / 1024).toFixed(0)} KB).`);
}
