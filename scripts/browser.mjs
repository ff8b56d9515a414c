// Which Chromium the tests drive. CI and this workplace have Debian's /usr/bin/chromium and no way to
// download Playwright's own; a developer's machine usually has Playwright's. Order:
//   $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, Playwright's bundled browser.
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Two test files run as two pages of one browser: neither may be throttled as a background page (rAF
  // paused, timers slowed), which once stalled a whole file past the runner's 3-minute limit.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export async function chromiumExecutable() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const path of candidates) if (existsSync(path)) return path;
  try {
    const { chromium } = await import('playwright');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return undefined; // let Playwright use its own
  } catch {
    /* fall through to the message */
  }
  throw new Error(
    'No Chromium found. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), or `npx playwright install chromium`, ' +
      'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

/** Options for playwright's chromium.launch(). */
export async function launchOptions(extra = {}) {
  const executablePath = await chromiumExecutable();
  return { headless: true, args: CHROMIUM_FLAGS, ...(executablePath ? { executablePath } : {}), ...extra };
}
