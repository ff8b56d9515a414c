// OPTIONAL live run of the contract suite against the real Tencent Cloud Chat service (never in CI):
//   TIM_SDKAPPID=1400000000 TIM_SECRET=… npx wtr --config test/core/tencent-live.config.mjs
// The secret is handed to the test page only, on this machine; it is never written anywhere.
import base from '../../web-test-runner.config.mjs';

const SDKAppID = Number(process.env.TIM_SDKAPPID);
const secret = process.env.TIM_SECRET ?? '';
if (!SDKAppID || !secret) {
  console.error('Set TIM_SDKAPPID and TIM_SECRET to run the live suite.');
  process.exit(1);
}

export default {
  ...base,
  files: ['test/core/tencent-live.test.ts'],
  concurrency: 1,
  testsFinishTimeout: 1_800_000,
  testFramework: { config: { timeout: 60_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html><html><body>
<script>window.__TIM_LIVE__ = ${JSON.stringify({ SDKAppID, secret })};</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
};
