// The published package, as the examples install it: examples/tim-elements.tgz (`npm run build:pack`; the
// end-to-end run makes it, and this test packs it when it is missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { sideEffectsField } from '../../scripts/side-effects.mjs';

const TARBALL = 'examples/tim-elements.tgz';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

function tarballFiles() {
  if (!existsSync(TARBALL)) execFileSync('node', ['scripts/build.mjs', '--pack'], { stdio: 'inherit' });
  return new Set(
    execFileSync('tar', ['tzf', TARBALL], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, './')),
  );
}

test('every export of package.json is in the tarball, with its types', () => {
  const files = tarballFiles();
  const targets = Object.entries(pkg.exports).flatMap(([name, target]) =>
    typeof target === 'string' ? [[name, target]] : Object.values(target).map((t) => [name, t]),
  );
  const missing = targets.filter(([, t]) => !files.has(t)).map(([name, t]) => `${name} → ${t}`);
  assert.deepEqual(missing, []);
  for (const entry of ['.', './core/local', './core/tencent', './react', './react/jsx', './vue', './chat', './conversation', './profile', './search'])
    assert.ok(pkg.exports[entry]?.types && pkg.exports[entry]?.default, `exports has ${entry} with types`);
});

test('the tarball holds the build, the manifest and the editor data, and no sources or tests', () => {
  const files = [...tarballFiles()];
  for (const f of ['./custom-elements.json', './vscode.html-custom-data.json', './web-types.json', './README.md', './package.json'])
    assert.ok(files.includes(f), f);
  assert.deepEqual(files.filter((f) => /^\.\/(src|test|stories|demo|examples|bench)\//.test(f) || /\.test\.js$/.test(f)), []);
  const manifest = JSON.parse(execFileSync('tar', ['xzOf', TARBALL, 'package/custom-elements.json'], { encoding: 'utf8' }));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName);
  for (const tag of ['tim-provider', 'tim-conversation', 'tim-chat', 'tim-profile']) assert.ok(tags.includes(tag), tag);
});

test('sideEffects is exact: it names each module that registers tags or runs code at load, and exists', () => {
  assert.deepEqual(pkg.sideEffects, sideEffectsField());
  const files = tarballFiles();
  const missing = pkg.sideEffects.filter((f) => f.startsWith('./dist/') && !files.has(f));
  assert.deepEqual(missing, []);
  for (const define of ['./dist/elements/chat/define.js', './dist/elements/conversation/define.js', './dist/index.js'])
    assert.ok(pkg.sideEffects.includes(define), define);
  assert.ok(!pkg.sideEffects.includes('./dist/store/chat-store.js'), 'the store has no side effects');
});

test('lit is a dependency (one copy for the host), react and vue optional peers', () => {
  assert.ok(pkg.dependencies.lit && pkg.dependencies['@lit/react'] && pkg.dependencies['@lit/context']);
  for (const peer of ['react', 'vue', '@tencentcloud/chat']) {
    assert.ok(pkg.peerDependencies[peer], peer);
    assert.equal(pkg.peerDependenciesMeta[peer]?.optional, true, `${peer} is optional`);
  }
});

test('the examples install the tarball, and their lockfiles let `npm ci` take a rebuilt one', () => {
  for (const name of ['html', 'react', 'vue']) {
    const example = JSON.parse(readFileSync(`examples/${name}/package.json`, 'utf8'));
    assert.equal(example.dependencies['tim-elements'], 'file:../tim-elements.tgz', name);
    const lock = JSON.parse(readFileSync(`examples/${name}/package-lock.json`, 'utf8'));
    const entry = lock.packages['node_modules/tim-elements'];
    assert.equal(entry?.resolved, 'file:../tim-elements.tgz', name);
    // An integrity here would pin one build of the tarball: `npm ci` would then refuse every later one.
    assert.equal(entry.integrity, undefined, `examples/${name}/package-lock.json pins the tarball's integrity: delete that line`);
    // `npm ci` installs what the lockfile says the tarball needs: it must be what package.json says now.
    assert.deepEqual(entry.dependencies, pkg.dependencies, `examples/${name}/package-lock.json: run \`npm install ../tim-elements.tgz\` there (then delete the integrity line)`);
  }
});
