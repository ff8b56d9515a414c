// Builds the demo, then runs the Playwright end-to-end tests against it.
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test', '--config', 'playwright.config.mjs', ...process.argv.slice(2)]);
