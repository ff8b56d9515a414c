/**
 * OPTIONAL: the contract suite against the REAL Tencent Cloud Chat service. Skipped unless credentials
 * are injected, which only `tencent-live.config.mjs` does:
 *
 *   TIM_SDKAPPID=1400000000 TIM_SECRET=… npx wtr --config test/core/tencent-live.config.mjs
 *
 * Never in CI. Use a throw-away test app: the suite's users (alice, bob…) and their data persist on the
 * service, so a second run starts from a non-empty state unless the accounts are deleted in the console.
 * Each instance gets its own copy of the SDK in an iframe (`create()` returns one instance per SDKAppID
 * per page). Tickets come from the debug helper, UNSAFE FOR PRODUCTION, acceptable here because the
 * secret never leaves this machine. Fault injection needs the stand-in: tests that use it fail here.
 */
import '../helpers/readable-failures.js';
import { createTencentCore, type TencentCore, type TIMModule } from '../../src/core/tencent/index.js';
import { genTestUserSigUNSAFE } from '../../src/core/tencent/debug-usersig.js';
import type { FaultControl } from '../../src/core/index.js';
import { runCoreContract, type CoreWorld } from './contract.js';
import { deleteDatabase } from './helpers.js';

const live = (globalThis as { __TIM_LIVE__?: { SDKAppID: number; secret: string } }).__TIM_LIVE__;

const unsupported = (): never => {
  throw new Error('Fault injection needs the SDK stand-in; the live service has none');
};
const noFaults: FaultControl = {
  get settings() {
    return unsupported();
  },
  set: unsupported,
  reset: unsupported,
  disconnect: unsupported,
  reconnect: unsupported,
  kickOut: unsupported,
  expireTicket: unsupported,
};

/** A fresh copy of the SDK in its own realm. */
async function sdkInFrame(frames: HTMLIFrameElement[]): Promise<TIMModule> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  document.body.append(frame);
  frames.push(frame);
  const win = frame.contentWindow as Window & { TencentCloudChat?: TIMModule };
  await new Promise<void>((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = '/node_modules/@tencentcloud/chat/index.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Cannot load @tencentcloud/chat'));
    win.document.head.append(script);
  });
  return win.TencentCloudChat!;
}

async function liveWorld(SDKAppID: number, secret: string): Promise<CoreWorld> {
  const cores: TencentCore[] = [];
  const frames: HTMLIFrameElement[] = [];
  const outboxDB = `tim-live-outbox-${crypto.randomUUID()}`;
  return {
    async instance() {
      const TIM = await sdkInFrame(frames);
      const core = await createTencentCore({
        SDKAppID,
        getUserSig: (userID) => genTestUserSigUNSAFE({ SDKAppID, secretKey: secret, userID }),
        sdk: async () => TIM,
        logLevel: 4,
        outboxDB,
      });
      cores.push(core);
      return { core, faults: noFaults };
    },
    async dispose() {
      await Promise.all(cores.map((core) => core.destroy()));
      for (const frame of frames) frame.remove();
      await deleteDatabase(outboxDB);
    },
  };
}

if (live) runCoreContract('TencentCore on the live service', { createWorld: () => liveWorld(Number(live.SDKAppID), live.secret) });
else
  describe('ChatCore contract: TencentCore on the live service', () => {
    it.skip('needs TIM_SDKAPPID and TIM_SECRET (npx wtr --config test/core/tencent-live.config.mjs)', () => {});
  });
