// End-to-end tests (test/e2e/*.spec.ts): Playwright against the built demo (`vite preview`), the three
// built examples and the built Storybook (scripts/serve-static.mjs), each on its own port. scripts/e2e.mjs
// builds them all first (`npm run test:e2e`).
import { defineConfig } from '@playwright/test';
import { launchOptions } from './scripts/browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4317);
// E2E_ONLY=demo,examples,storybook (as for scripts/e2e.mjs) serves only those hosts.
const only = process.env.E2E_ONLY?.split(',');
const wants = (part) => !only || only.includes(part);
const served = [
  ['examples', 'examples/html/dist', process.env.E2E_HTML_PORT ?? 4406],
  ['examples', 'examples/react/dist', process.env.E2E_REACT_PORT ?? 4407],
  ['examples', 'examples/vue/dist', process.env.E2E_VUE_PORT ?? 4408],
  ['storybook', 'storybook-static', process.env.E2E_STORYBOOK_PORT ?? 4409],
].filter(([part]) => wants(part));

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: await launchOptions(),
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: [
    ...(wants('demo')
      ? [
          {
            command: `npx vite preview --port ${PORT} --strictPort`,
            url: `http://127.0.0.1:${PORT}`,
            reuseExistingServer: false,
            timeout: 60_000,
          },
        ]
      : []),
    ...served.map(([, dir, port]) => ({
      command: `node scripts/serve-static.mjs ${dir} ${port}`,
      port: Number(port),
      reuseExistingServer: false,
      timeout: 30_000,
    })),
  ],
});
