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
