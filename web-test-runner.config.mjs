// Browser tests: every file under test/ ending in .test.ts, in headless Chromium through Playwright.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { launchOptions } from './scripts/browser.mjs';

const filter = process.env.TEST_FILES;

/**
 * `executeServerCommand('block-requests', part)`: the test page's requests whose URL contains `part` fail as
 * they would offline, for the rest of the page's life (a lazy chunk that cannot be fetched).
 */
const blockRequests = {
  name: 'block-requests',
  async executeCommand({ command, payload, session }) {
    if (command !== 'block-requests') return undefined;
    await session.browser.getPage(session.id).route((url) => url.href.includes(payload), (route) => route.abort('internetdisconnected'));
    return true;
  },
};

/**
 * `executeServerCommand('ax-tree', { roles })`: Chromium's own accessibility tree of the test page (through the
 * DevTools protocol, across shadow roots), as `{ role, name, properties, node }` for each node not ignored whose
 * role is in `roles` or that is focusable; `node` is the DOM element's opening tag.
 */
const axTree = {
  name: 'ax-tree',
  async executeCommand({ command, payload, session }) {
    if (command !== 'ax-tree') return undefined;
    const page = session.browser.getPage(session.id);
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const roles = new Set(payload?.roles ?? []);
      const out = [];
      for (const n of nodes) {
        if (n.ignored) continue;
        const properties = Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value?.value]));
        const role = n.role?.value ?? '';
        if (!roles.has(role) && !properties.focusable) continue;
        let node = '';
        if (n.backendDOMNodeId) {
          const { node: d } = await cdp.send('DOM.describeNode', { backendNodeId: n.backendDOMNodeId }).catch(() => ({ node: undefined }));
          if (d) {
            const a = d.attributes ?? [];
            node = `<${d.localName}${a.reduce((s, v, i) => (i % 2 ? `${s}="${v}"` : `${s} ${v}`), '')}>`;
          }
        }
        out.push({ role, name: n.name?.value ?? '', properties, node });
      }
      return out;
    } finally {
      await cdp.detach();
    }
  },
};

export default {
  files: filter ? filter.split(',') : ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), blockRequests, axTree],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: await launchOptions() })],
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
};
