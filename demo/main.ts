/**
 * The demo's entry: makes the core and hands it to the app. LocalCore by default (the whole service in this
 * browser, shared by its tabs); `?core=tencent` is for the real service (see README).
 */
import '../src/index.js';
import { createLocalCore } from '../src/core/local/index.js';
import './app.js';
import type { TimDemoApp } from './app.js';

const app = document.querySelector('tim-demo-app') as TimDemoApp;
const params = new URLSearchParams(location.search);
const core =
  params.get('core') === 'tencent'
    ? await (await import('./tencent-login.js')).loginToTencent(app)
    : await createLocalCore({ dbName: params.get('db') ?? 'tim-demo', seed: 'demo' });
app.core = core;
// Tests and curious developers can reach the core from the console.
(window as unknown as { timDemo: unknown }).timDemo = { core, app };
