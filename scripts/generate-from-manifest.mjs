// Generates, from custom-elements.json, everything the manifest already says, so nothing of it is
// written by hand:
//   src/react/index.ts        React wrappers (@lit/react), typed event props (onTimNavigate…)
//   src/react/jsx.ts          JSX IntrinsicElements for using the tags directly in React
//   src/vue/index.ts          Vue GlobalComponents types for the tags
//   vscode.html-custom-data.json  VS Code HTML custom data
//   web-types.json            JetBrains web types
// `node scripts/generate-from-manifest.mjs` writes them; `--check` exits 1 when any is stale.
// Public elements are those whose class src/index.ts exports; internal building blocks get nothing.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const HEADER = '// GENERATED from custom-elements.json by scripts/generate-from-manifest.mjs. Do not edit.\n';

/** Class names src/index.ts exports: the public API. */
function exportedNames() {
  const index = readFileSync(join(ROOT, 'src/index.ts'), 'utf8');
  const names = new Set();
  for (const [, list] of index.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of list.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, '');
      if (name) names.add(name);
    }
  }
  return names;
}

export function publicElements(manifest) {
  const exported = exportedNames();
  const out = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName || !exported.has(d.name)) continue;
      out.push({ ...d, modulePath: mod.path });
    }
  }
  return out.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

const pascal = (s) => s.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const camel = (s) => s.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const reactEventProp = (name) => `on${pascal(name)}`;
const jsString = (s) => JSON.stringify(s ?? '');
const doc = (text, indent = '') => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

/** Event classes the kit exports from src/events (others fall back to Event). */
function exportedEventClasses() {
  const dir = join(ROOT, 'src/events');
  const index = readFileSync(join(dir, 'index.ts'), 'utf8');
  const names = new Set();
  for (const [, file] of index.matchAll(/from '\.\/([\w-]+)\.js'/g)) {
    const src = readFileSync(join(dir, `${file}.ts`), 'utf8');
    for (const [, name] of src.matchAll(/export class (\w+)/g)) names.add(name);
  }
  return names;
}

/** The module that registers an element: its folder's define.ts, else the class module itself. */
const defineModule = (modulePath, tagName) => {
  const define = modulePath.replace(/[^/]+\.ts$/, 'define.ts');
  const registers = existsSync(join(ROOT, define)) && readFileSync(join(ROOT, define), 'utf8').includes(`'${tagName}'`);
  return (registers ? define : modulePath).replace(/^src\//, '../').replace(/\.ts$/, '.js');
};
const classModule = (modulePath) => modulePath.replace(/^src\//, '../').replace(/\.ts$/, '.js');

function eventsOf(el) {
  const seen = new Set();
  return (el.events ?? []).filter((e) => e.name && !seen.has(e.name) && seen.add(e.name));
}

function reactWrappers(elements, eventClasses) {
  const usedEvents = new Set();
  for (const el of elements) for (const e of eventsOf(el)) if (eventClasses.has(e.type?.text)) usedEvents.add(e.type.text);
  let out = HEADER;
  out += `/**\n * React wrappers for every tim-elements element (@lit/react): properties are props, events are\n * \`on…\` props, e.g. \`<TimChat conversationId="C2Calice" onTimNavigate={(e) => route(e.detail)} />\`. Objects such\n * as \`core\` are set as properties (\`<TimProvider core={core}>\`). Importing this module registers the tags.\n */\n`;
  out += `import * as React from 'react';\nimport { createComponent, type EventName } from '@lit/react';\n`;
  if (usedEvents.size) out += `import type { ${[...usedEvents].sort().join(', ')} } from '../events/index.js';\n`;
  for (const el of elements) {
    out += `import { ${el.name} as ${el.name}Element } from '${classModule(el.modulePath)}';\n`;
    out += `import '${defineModule(el.modulePath, el.tagName)}';\n`;
  }
  for (const el of elements) {
    out += `\n${doc(el.summary || el.description)}export const ${el.name} = createComponent({\n  tagName: ${jsString(el.tagName)},\n  elementClass: ${el.name}Element,\n  react: React,\n  events: {\n`;
    for (const e of eventsOf(el)) {
      const type = eventClasses.has(e.type?.text) ? e.type.text : 'Event';
      out += `${doc(e.description, '    ')}    ${reactEventProp(e.name)}: ${jsString(e.name)} as EventName<${type}>,\n`;
    }
    out += `  },\n});\n`;
  }
  return out;
}

function attributeType(attr) {
  const t = attr.type?.text ?? 'string';
  if (/boolean/.test(t)) return 'boolean';
  if (/^number/.test(t)) return 'number';
  if (/^('[^']*'\s*\|?\s*)+$/.test(t.replace(/\s*\|\s*''/, ''))) return t;
  return 'string';
}

function jsxTypes(elements, eventClasses) {
  let out = HEADER;
  out += `/**\n * JSX types for using the tags directly in React, e.g. \`<tim-chat conversation-id="C2Calice" />\`: attributes,\n * and for React 19 (which sets known properties and listens to \`on<event-name>\` on custom elements) the\n * writable properties (\`core={core}\`) and events (\`ontim-navigate={(e) => …}\`, typed with the event class).\n * Import once: \`import 'tim-elements/react/jsx';\`. The wrappers in \`tim-elements/react\` work with any React.\n */\n`;
  out += `import type * as React from 'react';\n`;
  const usedEvents = new Set();
  for (const el of elements) for (const e of eventsOf(el)) if (eventClasses.has(e.type?.text)) usedEvents.add(e.type.text);
  if (usedEvents.size) out += `import type { ${[...usedEvents].sort().join(', ')} } from '../events/index.js';\n`;
  for (const el of elements) out += `import type { ${el.name} } from '${classModule(el.modulePath)}';\n`;
  out += '\n';
  out += `type ElementProps<E, A> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> & Partial<A> & { class?: string };\n\n`;
  out += `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n`;
  for (const el of elements) {
    const props = (el.attributes ?? []).map((a) => `${jsString(a.name)}?: ${attributeType(a)}`);
    for (const e of eventsOf(el)) props.push(`${jsString(`on${e.name}`)}?: (event: ${eventClasses.has(e.type?.text) ? e.type.text : 'Event'}) => void`);
    const fields = (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && !m.privacy).map((m) => jsString(m.name));
    const pick = fields.length ? ` & Pick<${el.name}, ${fields.join(' | ')}>` : '';
    out += `${doc(el.summary, '      ')}      ${jsString(el.tagName)}: ElementProps<${el.name}, { ${props.join('; ')} }${pick}>;\n`;
  }
  out += `    }\n  }\n}\n\nexport {};\n`;
  return out;
}

function vueTypes(elements, eventClasses) {
  let out = HEADER;
  out += `/**\n * Vue GlobalComponents types for the tags: props (attributes and properties) and events, checked by\n * vue-tsc in templates (\`:conversation-id\` and \`conversationId\` alike, \`@tim-navigate\` gets a TimNavigateEvent).\n * Import once: \`import 'tim-elements/vue';\`. Tell Vue the tags are custom elements:\n * \`compilerOptions: { isCustomElement: (tag) => tag.startsWith('tim-') }\`, and bind objects as properties\n * (\`:core.prop="core"\`).\n */\n`;
  out += `import type { DefineComponent } from 'vue';\n`;
  let body = '';
  const usedClasses = new Set();
  const usedEvents = new Set();
  for (const el of elements) {
    const props = new Map();
    // Vue camelizes attribute names before it checks them against props: `conversation-id` is `conversationId`.
    for (const a of el.attributes ?? []) props.set(camel(a.name), attributeType(a));
    for (const m of el.members ?? []) {
      if (m.kind !== 'field' || m.static || m.readonly || m.privacy || props.has(m.name)) continue;
      if ((el.attributes ?? []).some((a) => a.fieldName === m.name)) continue;
      props.set(m.name, `${el.name}[${jsString(m.name)}]`);
      usedClasses.add(el);
    }
    for (const e of eventsOf(el)) {
      const type = eventClasses.has(e.type?.text) ? e.type.text : 'Event';
      if (type !== 'Event') usedEvents.add(type);
      props.set(`on${pascal(e.name)}`, `(event: ${type}) => void`);
    }
    const list = [...props].map(([k, v]) => `${jsString(k)}?: ${v}`).join('; ');
    body += `${doc(el.summary, '    ')}    ${jsString(el.tagName)}: DefineComponent<{ ${list} }>;\n`;
  }
  if (usedEvents.size) out += `import type { ${[...usedEvents].sort().join(', ')} } from '../events/index.js';\n`;
  for (const el of usedClasses) out += `import type { ${el.name} } from '${classModule(el.modulePath)}';\n`;
  out += `\ndeclare module 'vue' {\n  interface GlobalComponents {\n${body}`;
  out += `  }\n}\n\nexport {};\n`;
  return out;
}

function vscodeData(elements) {
  return `${JSON.stringify(
    {
      $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
      version: 1.1,
      tags: elements.map((el) => ({
        name: el.tagName,
        description: [el.summary, el.description].filter(Boolean).join('\n\n'),
        attributes: (el.attributes ?? []).map((a) => {
          const values = [...(a.type?.text ?? '').matchAll(/'([^']+)'/g)].map((m) => ({ name: m[1] }));
          return { name: a.name, description: a.description ?? '', ...(values.length ? { values } : {}) };
        }),
      })),
    },
    null,
    2,
  )}\n`;
}

function webTypes(elements, pkg) {
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/web-types',
      name: pkg.name,
      version: pkg.version,
      'description-markup': 'markdown',
      contributions: {
        html: {
          elements: elements.map((el) => ({
            name: el.tagName,
            description: [el.summary, el.description].filter(Boolean).join('\n\n'),
            attributes: (el.attributes ?? []).map((a) => ({ name: a.name, description: a.description ?? '', value: { type: a.type?.text ?? 'string' } })),
            js: {
              properties: (el.members ?? [])
                .filter((m) => m.kind === 'field' && !m.static && !m.privacy)
                .map((m) => ({ name: m.name, description: m.description ?? '', type: m.type?.text ?? 'unknown' })),
              events: eventsOf(el).map((e) => ({ name: e.name, description: e.description ?? '' })),
            },
          })),
        },
      },
    },
    null,
    2,
  )}\n`;
}

export function generate() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const elements = publicElements(manifest);
  const eventClasses = exportedEventClasses();
  return new Map([
    ['src/react/index.ts', reactWrappers(elements, eventClasses)],
    ['src/react/jsx.ts', jsxTypes(elements, eventClasses)],
    ['src/vue/index.ts', vueTypes(elements, eventClasses)],
    ['vscode.html-custom-data.json', vscodeData(elements)],
    ['web-types.json', webTypes(elements, pkg)],
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [file, content] of generate()) {
    const path = join(ROOT, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === content) continue;
    if (check) stale.push(file);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`generated ${file}`);
    }
  }
  if (check && stale.length) {
    console.error(`Stale generated files (run \`npm run build\` or \`node scripts/generate-from-manifest.mjs\`): ${stale.join(', ')}`);
    process.exit(1);
  }
}
