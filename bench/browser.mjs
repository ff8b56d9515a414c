// Runs a bench page in headless Chromium and returns what it reports. Pages live in bench/pages/
// (`<name>.html` loading `<name>.ts`), are served by Vite from the source, and set
// `window.__benchResult` (an object) or `window.__benchError` (a string) when done.
import { createServer } from 'vite';
import { chromium } from 'playwright';
import { resolve } from 'node:path';
import { launchOptions } from '../scripts/browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');

let shared;

/** One Vite server and one browser for the whole bench run. */
async function context() {
  if (!shared) {
    const server = await createServer({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1' },
      // Production-like: no Lit dev mode warnings or checks in the timings.
      resolve: { conditions: ['production'] },
    });
    await server.listen();
    const address = server.httpServer.address();
    const browser = await chromium.launch(await launchOptions());
    shared = { server, browser, base: `http://127.0.0.1:${address.port}` };
  }
  return shared;
}

/**
 * Opens bench/pages/<page>.html?<query> and waits for its result.
 * @param {string} page
 * @param {{ query?: Record<string, string | number>, timeoutMs?: number, viewport?: { width: number, height: number } }} [options]
 */
export async function runPage(page, options = {}) {
  const { browser, base } = await context();
  const ctx = await browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 800 } });
  const tab = await ctx.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  const query = new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]) => [k, String(v)]));
  try {
    await tab.goto(`${base}/bench/pages/${page}.html?${query}`);
    const handle = await tab.waitForFunction(() => window.__benchResult ?? (window.__benchError ? { error: window.__benchError } : undefined), null, {
      timeout: options.timeoutMs ?? 180_000,
      polling: 250,
    });
    const result = await handle.jsonValue();
    if (result.error) throw new Error(`${page}: ${result.error}`);
    return result;
  } catch (error) {
    if (errors.length) throw new Error(`${page}: ${error.message}\npage errors: ${errors.join('\n')}`);
    throw error;
  } finally {
    await ctx.close();
  }
}

/** Closes the shared server and browser (bench/run.mjs calls it at the end). */
export async function closeBrowserBench() {
  if (!shared) return;
  await shared.browser.close();
  await shared.server.close();
  shared = undefined;
}
