// The library build: the manifest and what is generated from it (React wrappers, JSX and Vue types, editor
// data), then ESM modules with .d.ts beside each (tsc, one file per source module, so bundlers tree-shake
// and `sideEffects` stays exact). `--pack` then packs the tarball the examples install
// (examples/tim-elements.tgz), the way a registry would serve it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...options });

rmSync('dist', { recursive: true, force: true });
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
run('node', ['scripts/generate-from-manifest.mjs']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
shareDecorateHelper('dist');
console.log('Built dist/.');

/**
 * tsc writes its `__decorate` helper into every module with decorators (20 copies, one per element module,
 * each of them shipped). Without tslib as a dependency, the modules import one copy instead: the same
 * function, in `dist/decorate.js`. The import takes the helper's lines, so the source maps stay exact.
 */
function shareDecorateHelper(root) {
  const helper = /^var __decorate = \(this && this\.__decorate\) \|\| (function \(decorators, target, key, desc\) \{\n[^]*?\n\});\n/m;
  let shared;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.js')) {
        const source = readFileSync(path, 'utf8');
        const match = helper.exec(source);
        if (!match) continue;
        shared ??= match[1];
        if (match[1] !== shared) throw new Error(`${path}: another __decorate helper`);
        const specifier = relative(dirname(path), join(root, 'decorate.js'));
        const lines = match[0].split('\n').length - 1;
        const replacement = `import { __decorate } from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';${'\n'.repeat(lines)}`;
        writeFileSync(path, source.replace(match[0], replacement));
      }
    }
  };
  visit(root);
  if (!shared) throw new Error('No __decorate helper found in the tsc output (did the emit change?)');
  writeFileSync(join(root, 'decorate.js'), `/** The decorator helper tsc emits (shared by the element modules). */\nexport ${shared.replace('function (', 'function __decorate(')}\n`);
}

if (process.argv.includes('--pack')) {
  const out = execFileSync('npm', ['pack', '--pack-destination', 'examples', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [{ filename, size, entryCount }] = JSON.parse(out);
  renameSync(`examples/${filename}`, 'examples/tim-elements.tgz');
  console.log(`Packed examples/tim-elements.tgz (${filename}, ${entryCount} files, ${(size / 1024).toFixed(0)} KB).`);
}
