// Computes package.json "sideEffects": exactly the modules a bundler must keep even when nothing is imported
// from them. A module has side effects when its top level does something (registers a tag, provides a
// catalog: any top-level statement that is not a declaration or an import/export), or when it imports a
// module with side effects just for them (`import './define.js'`): such an import exists to register tags,
// so the importer registers them too (`import 'tim-elements'`, `import 'tim-elements/chat'`). Everything else
// is side-effect free, so hosts that import one element do not get the others.
//
// Covers src/ (as .ts, which the demo, Storybook and tests build from, and as the dist/ .js it compiles to)
// and demo/. `node scripts/side-effects.mjs` writes the list into package.json; `--check` exits 1 when it
// differs, naming the modules (npm test runs the check).
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'demo'];

function walk(dir) {
  const out = [];
  for (const name of readdirSync(join(ROOT, dir)).sort()) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...walk(path));
    else if (/\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** True when a top-level statement runs something beyond declaring. */
function runsSomething(statement) {
  switch (statement.kind) {
    case ts.SyntaxKind.ImportDeclaration:
    case ts.SyntaxKind.ImportEqualsDeclaration:
    case ts.SyntaxKind.ExportDeclaration:
    case ts.SyntaxKind.ExportAssignment:
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.EnumDeclaration:
    case ts.SyntaxKind.ModuleDeclaration: // declare global { … }
    case ts.SyntaxKind.VariableStatement: // constants, styles, tables (initialisers are kept pure)
    case ts.SyntaxKind.EmptyStatement:
      return false;
    case ts.SyntaxKind.ClassDeclaration:
      // A class decorator (e.g. @customElement) registers; member decorators only describe the class.
      return (ts.getDecorators(statement) ?? []).length > 0;
    default:
      return true; // expression statements (define(…), provideSourceArea(…)), if/for blocks, top-level await
  }
}

export function sideEffectModules() {
  const files = SCANNED.flatMap(walk);
  const own = new Set();
  const bareImports = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = [];
    for (const statement of source.statements) {
      if (runsSomething(statement)) own.add(file);
      if (ts.isImportDeclaration(statement) && !statement.importClause && ts.isStringLiteral(statement.moduleSpecifier)) {
        const spec = statement.moduleSpecifier.text;
        if (spec.startsWith('.')) imports.push(join(dirname(file), spec).replace(/\.js$/, '.ts'));
      }
    }
    bareImports.set(file, imports);
  }
  const effects = new Set(own);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, imports] of bareImports) {
      if (!effects.has(file) && imports.some((i) => effects.has(i))) {
        effects.add(file);
        grew = true;
      }
    }
  }
  return [...effects].sort();
}

export function sideEffectsField() {
  const modules = sideEffectModules();
  const src = modules.filter((m) => m.startsWith('src/'));
  return [
    ...src.map((m) => `./${m.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')}`),
    ...src.map((m) => `./${m}`),
    ...modules.filter((m) => !m.startsWith('src/')).map((m) => `./${m}`),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const path = join(ROOT, 'package.json');
  const text = readFileSync(path, 'utf8');
  const pkg = JSON.parse(text);
  const want = sideEffectsField();
  const have = pkg.sideEffects;
  if (JSON.stringify(want) === JSON.stringify(have)) {
    console.log(`package.json sideEffects is exact (${want.length} entries).`);
  } else if (process.argv.includes('--check')) {
    const missing = want.filter((w) => !have?.includes?.(w));
    const extra = Array.isArray(have) ? have.filter((h) => !want.includes(h)) : [String(have)];
    console.error('package.json "sideEffects" is not exact: run `node scripts/side-effects.mjs` and commit package.json.');
    if (missing.length) console.error(`  missing (these modules register tags or run code at load): ${missing.join(', ')}`);
    if (extra.length) console.error(`  not side effects (or no such module): ${extra.join(', ')}`);
    process.exit(1);
  } else {
    pkg.sideEffects = want;
    writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
    console.log(`package.json sideEffects: ${want.length} entries (${relative(ROOT, path)}).`);
  }
}
