/**
 * Imported by every test file (through `kit.ts` and `chat.ts`, or directly). A failed assertion about a DOM
 * node (`expect(deepActive()).to.equal(button)`, `expect(q(el, '.pill')).to.be.null`) keeps the node as the
 * error's `actual` or `expected`. The test runner clones the results to report them, a node cannot be cloned,
 * and the file then hangs until the runner gives up ("Browser tests did not finish within 180000ms") instead
 * of showing the failure. This root hook turns such nodes into their opening tag first.
 */
const describeNode = (node: Node): string => {
  if (!(node instanceof Element)) return node.nodeName;
  const html = node.outerHTML;
  return html.slice(0, html.indexOf('>') + 1) || `<${node.localName}>`;
};

afterEach(function () {
  const err = this.currentTest?.err as (Error & { actual?: unknown; expected?: unknown }) | undefined;
  if (!err) return;
  for (const key of ['actual', 'expected'] as const) {
    const value = err[key];
    if (value instanceof Node) err[key] = describeNode(value);
    else if (Array.isArray(value) && value.some((v) => v instanceof Node)) err[key] = value.map((v) => (v instanceof Node ? describeNode(v) : v));
  }
});

/**
 * Lit's dev-mode warning that an element asked for another update while finishing one ("change-in-update":
 * a second render per change, usually state set in `updated()` or by an event fired by its own render) only
 * scrolls past in the browser logs. It fails the test that caused it instead. Lit says it once per element
 * class and page, so the first test to cause it is the one named.
 */
const changesInUpdate: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('lit.dev/msg/change-in-update')) changesInUpdate.push(args[0].split(' (generally')[0]!);
  warn(...args);
};

afterEach(function () {
  if (!changesInUpdate.length) return;
  const found = changesInUpdate.splice(0);
  throw new Error(`${found.join('; ')} after an update completed (https://lit.dev/msg/change-in-update)`);
});
