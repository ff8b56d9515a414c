// The library build: the manifest and what is generated from it (React wrappers, JSX and Vue types, editor
// data), then ESM modules with .d.ts beside each (tsc, one file per source module, so bundlers tree-shake
// and `sideEffects` stays exact). `--pack` then packs the tarball the examples install
// (examples/tim-elements.tgz), the way a registry would serve it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...options });

rmSync('dist', { recursive: true, force: true });
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
run('node', ['scripts/generate-from-manifest.mjs']);
try {
  run('npx', ['tsc', '-p', 'tsconfig.build.json']);
} finally {
  // tsc emits even when it reports type errors (the build still fails): dist is then finished the same way.
  shareDecorateHelper('dist');
  declareReactiveFields('dist');
  dropDecoratorImports('dist');
  compactTemplates('dist');
}
console.log('Built dist/.');

/** Every .js file under `root`. */
function jsFiles(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Lit ships the text of its `html` and `css` templates as written, indentation included (no minifier
 * touches template literals). In those tagged templates only: in `html`, every run of whitespace holding
 * line breaks becomes the line breaks alone (the same whitespace to HTML); in `css`, comments go and every
 * run of whitespace becomes one space, or nothing next to `{ } ; , :` (quoted CSS strings are left alone),
 * so a style sheet is one line. The line breaks a `css` template loses are put back after it, where the
 * minifier drops them: every line of code keeps its number, so the source maps stay exact.
 */
function compactTemplates(root) {
  const lines = (ws) => '\n'.repeat(ws.split('\n').length - 1);
  const compactHtml = (text) => text.replace(/\s*\n\s*/g, lines);
  // CSS is split into quoted strings, comments and the rest, left to right (an apostrophe in a comment is
  // the comment's); `edges` says which ends of the part meet the template's backticks (not a `${}`).
  const compactCss = (text, edges) => {
    const tokens = text.split(/('[^']*'|"[^"]*"|\/\*[^]*?\*\/)/);
    // A template part with a quote left over (a string cut by an interpolation) is left as written.
    if (tokens.some((part, i) => i % 2 === 0 && /['"]/.test(part))) return text;
    // Strings apart, the rest with its comments as white space.
    const pieces = [''];
    for (const token of tokens) {
      if (/^['"]/.test(token)) pieces.push(token, '');
      else pieces[pieces.length - 1] += token.startsWith('/*') ? ' ' : token;
    }
    return pieces
      .map((piece, i) => {
        if (i % 2) return piece;
        let css = piece
          .replace(/\s+/g, ' ')
          .replace(/ ?([{};,]) ?/g, '$1')
          .replace(/: /g, ':')
          .replace(/;}/g, '}')
          .replace(/ !important/g, '!important')
          // 0.5 -> .5: a number's leading zero, where a value's number starts (after `:`, a space, `,` or `(`).
          .replace(/([:\s,(])0\.(\d)/g, '$1.$2');
        if (i === 0 && edges.start) css = css.replace(/^ /, '');
        if (i === pieces.length - 1 && edges.end) css = css.replace(/ $/, '');
        return css;
      })
      .join('');
  };
  for (const path of jsFiles(root)) {
    const text = readFileSync(path, 'utf8');
    if (!/\b(html|css|svg) ?`/.test(text)) continue;
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const edits = [];
    const visit = (node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['html', 'css', 'svg'].includes(node.tag.text)) {
        const compact = node.tag.text === 'css' ? compactCss : compactHtml;
        const t = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((span) => span.literal)];
        let lost = 0;
        parts.forEach((part, i) => {
          // Between the opening ` or } and the closing ` or ${.
          const start = part.getStart(file) + 1;
          const end = part.end - (ts.isNoSubstitutionTemplateLiteral(part) || ts.isTemplateTail(part) ? 1 : 2);
          const raw = text.slice(start, end);
          const next = compact(raw, { start: i === 0, end: i === parts.length - 1 });
          lost += raw.split('\n').length - next.split('\n').length;
          if (next !== raw) edits.push([start, end, next]);
        });
        // The line breaks a template lost go after it (outside the literal: the minifier drops them).
        if (lost) edits.push([node.end, node.end, '\n'.repeat(lost)]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    let out = text;
    for (const [start, end, next] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + next + out.slice(end);
    if (out.split('\n').length !== text.split('\n').length) throw new Error(`${path}: compacting the templates moved lines`);
    if (out !== text) writeFileSync(path, out);
  }
}

/**
 * tsc writes its `__decorate` helper into every module with decorators (20 copies, one per element module,
 * each of them shipped). Without tslib as a dependency, the modules import one copy instead, in
 * `dist/decorate.js`. The import takes the helper's lines, so the source maps stay exact.
 *
 * That copy is tsc's helper for the one form the kit emits: a member decorator,
 * `__decorate([...], Class.prototype, "name", void 0)` (Lit's @property, @state, @query...), checked at each
 * call. tsc's general helper also takes class decorators and method descriptors, and hands everything to
 * `Reflect.decorate` when a reflect-metadata polyfill defines it: code the first screen shipped and never ran.
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
        const calls = source.match(/__decorate\(\[/g).length;
        const memberCalls = source.match(/^\], [\w$.]+, "[^"]+", void 0\);$/gm)?.length ?? 0;
        if (memberCalls !== calls) throw new Error(`${path}: a decorator that is not on a field (the shared __decorate takes only those)`);
        const specifier = relative(dirname(path), join(root, 'decorate.js'));
        const lines = match[0].split('\n').length - 1;
        const replacement = `import { __decorate } from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';${'\n'.repeat(lines)}`;
        writeFileSync(path, source.replace(match[0], replacement));
      }
    }
  };
  visit(root);
  if (!shared) throw new Error('No __decorate helper found in the tsc output (did the emit change?)');
  writeFileSync(
    join(root, 'decorate.js'),
    `/** tsc's decorator helper for a field's decorators, the one form the element modules use (see scripts/build.mjs). */
export function __decorate(decorators, target, key, desc) {
    for (let i = decorators.length - 1; i >= 0; i--) desc = decorators[i](target, key, desc) || desc;
    if (desc) Object.defineProperty(target, key, desc);
    return desc;
}
/** A class's @property() and @state() fields, declared in their order as those decorators do (see scripts/build.mjs). */
export function __properties(cls, properties) {
    for (const name in properties) cls.createProperty(name, properties[name]);
}
/** The options @state() gives. */
export const __state = () => ({ state: true, attribute: false });
/** A class's @query(selector) fields: getters of the first element in the render root that matches (see scripts/build.mjs). */
export function __queries(cls, queries) {
    for (const name in queries) {
        const selector = queries[name];
        Object.defineProperty(cls.prototype, name, {
            get() {
                return this.renderRoot?.querySelector(selector) ?? null;
            },
            configurable: true,
            enumerable: true,
        });
    }
}
`,
  );
}

/**
 * Lit's field decorators, as TypeScript's experimental decorators run them (useDefineForClassFields off), each
 * do one thing: @property(options) and @state() call `Class.createProperty(name, options)` (@state: options
 * `{ state: true, attribute: false }`), in the fields' order; @query(selector) defines a getter on the
 * prototype, `this.renderRoot?.querySelector(selector) ?? null`. tsc writes each as a call of its own,
 * `__decorate([property({...})], Class.prototype, "name", void 0)`, and the calls bring in the decorators'
 * modules (which also hold the standard-decorator paths, never taken here). So a run of such calls on one
 * class becomes one call of dist/decorate.js: `__properties(Class, { name: options, ... })` (options as
 * written; `undefined` for a bare @property(), which createProperty takes as its default; `__state()` for
 * @state()), or `__queries(Class, { name: selector, ... })`. Any other decorator (or @query with its cache
 * argument) stays a `__decorate` call. The lines are kept, so the source maps stay exact.
 */
function declareReactiveFields(root) {
  for (const path of jsFiles(root)) {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('__decorate([')) continue;
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    /** A statement `__decorate([property(options) | state() | query(selector)], C.prototype, "name", void 0)`. */
    const decoratedField = (statement) => {
      const call = ts.isExpressionStatement(statement) && statement.expression;
      if (!call || !ts.isCallExpression(call) || call.expression.getText(file) !== '__decorate') return undefined;
      const [decorators, target, key, descriptor] = call.arguments;
      const decorator = ts.isArrayLiteralExpression(decorators) && decorators.elements.length === 1 && decorators.elements[0];
      if (!decorator || !ts.isCallExpression(decorator) || descriptor?.getText(file) !== 'void 0') return undefined;
      if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'prototype' || !ts.isStringLiteral(key)) return undefined;
      const [argument, ...more] = decorator.arguments.map((a) => a.getText(file));
      const field = { cls: target.expression.getText(file), name: key.text };
      switch (decorator.expression.getText(file)) {
        case 'property':
          return more.length ? undefined : { ...field, helper: '__properties', value: argument ?? 'undefined' };
        case 'state':
          return argument ? undefined : { ...field, helper: '__properties', value: '__state()' };
        case 'query':
          return argument && !more.length ? { ...field, helper: '__queries', value: argument } : undefined;
      }
      return undefined;
    };
    const runs = [];
    for (const statement of file.statements) {
      const field = decoratedField(statement);
      if (!field) continue;
      const run = runs.at(-1);
      if (run?.cls === field.cls && run.helper === field.helper && run.end === statement.pos) run.fields.push(field);
      else runs.push({ cls: field.cls, helper: field.helper, start: statement.getStart(file), fields: [field] });
      runs.at(-1).end = statement.end;
    }
    if (!runs.length) continue;
    let out = text;
    for (const run of runs.reverse()) {
      const lines = text.slice(run.start, run.end).split('\n').length - 1;
      const fields = run.fields.map((f) => `${JSON.stringify(f.name)}: ${f.value}`).join(', ');
      out = out.slice(0, run.start) + `${run.helper}(${run.cls}, { ${fields} });` + '\n'.repeat(lines) + out.slice(run.end);
    }
    const used = ['__decorate', '__properties', '__state', '__queries'].filter((name) => out.includes(`${name}(`));
    const imported = /^import \{ __decorate \} from '([^']+)';$/m;
    if (!imported.test(out)) throw new Error(`${path}: no import of the shared __decorate helper`);
    out = out.replace(imported, (_, specifier) => `import { ${used.join(', ')} } from '${specifier}';`);
    if (out.split('\n').length !== text.split('\n').length) throw new Error(`${path}: declaring the decorated fields moved lines`);
    writeFileSync(path, out);
  }
}

/**
 * Once the decorated fields are declared by dist/decorate.js's helpers (declareReactiveFields), no module of
 * dist calls Lit's decorators, but their imports stay: `import { property, state } from 'lit/decorators.js'`
 * and the same names through the lazy modules' barrel (`elements/shared/first-screen.js`, which re-exports
 * them). An import keeps the decorators' modules in a bundle's graph even when nothing is used (a bundler
 * still lists their license comments, and an unbundled page still fetches them). So an imported decorator
 * name that the module no longer uses is dropped (the whole import when nothing is left of it), and the
 * barrel's re-export of them when no module imports them from it any more. Lines are kept.
 */
function dropDecoratorImports(root) {
  const decorators = new Set(['property', 'state', 'query']);
  const fromDecorators = (specifier) => specifier === 'lit/decorators.js';
  const fromBarrel = (specifier) => specifier.endsWith('/first-screen.js');
  // The checker tells an import's binding from a local of the same name (`const state = store.state`).
  const paths = jsFiles(root).filter((path) => /lit\/decorators\.js|first-screen\.js/.test(readFileSync(path, 'utf8')));
  const program = ts.createProgram(paths, { allowJs: true, noResolve: true, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  let barrelImports = 0;
  for (const path of paths) {
    const file = program.getSourceFile(path);
    const text = file.text;
    /** Whether the module refers to an import's binding outside its imports. */
    const referenced = (specifier) => {
      const binding = checker.getSymbolAtLocation(specifier.name);
      let found = false;
      const visit = (node) => {
        if (found || ts.isImportDeclaration(node)) return;
        if (ts.isIdentifier(node) && node.text === specifier.name.text && checker.getSymbolAtLocation(node) === binding) found = true;
        else ts.forEachChild(node, visit);
      };
      visit(file);
      return found;
    };
    const edits = [];
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const named = statement.importClause?.namedBindings;
      if (!(fromDecorators(specifier) || fromBarrel(specifier)) || !named || !ts.isNamedImports(named) || statement.importClause.name) continue;
      const keep = named.elements.filter((e) => !decorators.has((e.propertyName ?? e.name).text) || referenced(e));
      if (fromBarrel(specifier)) barrelImports += keep.filter((e) => decorators.has((e.propertyName ?? e.name).text)).length;
      if (keep.length === named.elements.length) continue;
      const start = statement.getStart(file);
      const lines = '\n'.repeat(text.slice(start, statement.end).split('\n').length - 1);
      const names = keep.map((e) => e.getText(file)).join(', ');
      edits.push([start, statement.end, (keep.length ? `import { ${names} } from '${specifier}';` : '') + lines]);
    }
    let out = text;
    for (const [start, end, next] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + next + out.slice(end);
    if (out !== text) writeFileSync(path, out);
  }
  if (barrelImports) return;
  const barrel = join(root, 'elements/shared/first-screen.js');
  const text = readFileSync(barrel, 'utf8');
  const reexport = /^export \{ property, query, state \} from 'lit\/decorators\.js';$/m;
  if (!reexport.test(text)) throw new Error(`${barrel}: the re-export of Lit's decorators changed (update dropDecoratorImports)`);
  writeFileSync(barrel, text.replace(reexport, ''));
}

if (process.argv.includes('--pack')) {
  const out = execFileSync('npm', ['pack', '--pack-destination', 'examples', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [{ filename, size, entryCount }] = JSON.parse(out);
  renameSync(`examples/${filename}`, 'examples/tim-elements.tgz');
  console.log(`Packed examples/tim-elements.tgz (${filename}, ${entryCount} files, ${(size / 1024).toFixed(0)} KB).`);
}
