/**
 * TencentCore over the scripted SDK stand-in (`tencent-stand-in.ts`): the whole contract suite, then what
 * is specific to the Tencent adapter and to the SDK's documented behaviour. No traffic leaves the machine.
 */
import { createTencentCore, type TencentCore, type TencentCoreOptions } from '../../src/core/tencent/index.js';
import { genTestUserSigUNSAFE } from '../../src/core/tencent/debug-usersig.js';
import { runCoreContract, type CoreInstance, type CoreWorld } from './contract.js';
import { deleteDatabase } from './helpers.js';
import { StandInUploadPlugin, StandInWorld, type StandInDevice, type StandInWorldOptions } from './tencent-stand-in.js';

const SDKAppID = 1400000001;
const SECRET = 'stand-in-secret-key-for-tests-only';

interface TencentWorld extends CoreWorld {
  service: StandInWorld;
  /** An instance with its device and custom core options. */
  open(options?: { multiInstance?: 'kick' | 'allow'; core?: Partial<TencentCoreOptions> }): Promise<CoreInstance & { core: TencentCore; device: StandInDevice }>;
  /** The service clock skew in seconds. */
  skew(): number;
}

async function tencentWorld(options: StandInWorldOptions = {}): Promise<TencentWorld> {
  let skew = 0;
  const now = () => Date.now() + skew * 1000;
  const service = new StandInWorld({ SDKAppID, secretKey: SECRET, now, ...options });
  const cores: TencentCore[] = [];
  const outboxDB = `tim-tencent-outbox-${crypto.randomUUID()}`;
  const open: TencentWorld['open'] = async ({ multiInstance, core: extra = {} } = {}) => {
    const device = await service.device(multiInstance ? { multiInstance } : {});
    const core = await createTencentCore({
      SDKAppID,
      getUserSig: (userID) => genTestUserSigUNSAFE({ SDKAppID, secretKey: SECRET, userID, time: Math.floor(now() / 1000) }),
      sdk: async () => device.module,
      uploadPlugin: StandInUploadPlugin,
      outboxDB,
      ...extra,
    });
    cores.push(core);
    return { core, faults: device.faults, device };
  };
  return {
    service,
    open,
    instance: (o) => open(o),
    advanceClock(seconds) {
      skew += seconds;
    },
    skew: () => skew,
    async dispose() {
      await Promise.all(cores.map((core) => core.destroy()));
      await service.dispose();
      await deleteDatabase(outboxDB);
    },
  };
}

runCoreContract('TencentCore over the SDK stand-in', { createWorld: () => tencentWorld() });
