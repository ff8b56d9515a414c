// Bundles the installed package into dist/vendor/ (one module per import-map entry, shared code split into
// chunks, lit included once), and copies the page. The page itself is not processed: it imports
// 'tim-elements' and 'tim-elements/core/local' through its import map, as it would from a CDN.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: [
    { in: 'tim-elements', out: 'tim-elements' },
    { in: 'tim-elements/core/local', out: 'core-local' },
  ],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outdir: 'dist/vendor',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
mkdirSync('dist', { recursive: true });
copyFileSync('index.html', 'dist/index.html');
console.log('Built dist/ (index.html + vendor/).');
