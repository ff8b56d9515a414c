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

export default {
  files: filter ? filter.split(',') : ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), blockRequests],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: await launchOptions() })],
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
};
