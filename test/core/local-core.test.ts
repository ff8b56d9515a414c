import { expect } from '@open-wc/testing';
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import { runCoreContract, type CoreWorld } from './contract.js';
import { deleteDatabase } from './helpers.js';

/** A world is one LocalCore database; its instances are cores on it, as tabs would be. */
async function localWorld(): Promise<CoreWorld & { cores: LocalCore[]; dbName: string }> {
  const dbName = `tim-test-${crypto.randomUUID()}`;
  let skew = 0;
  const cores: LocalCore[] = [];
  return {
    cores,
    dbName,
    async instance(options = {}) {
      const core = await createLocalCore({ dbName, now: () => Date.now() + skew * 1000, ...options });
      cores.push(core);
      return { core, faults: core.faults };
    },
    advanceClock(seconds) {
      skew += seconds;
    },
    async dispose() {
      await Promise.all(cores.map((core) => core.destroy()));
      await deleteDatabase(dbName);
    },
  };
}

runCoreContract('LocalCore', { createWorld: localWorld });

describe('LocalCore', () => {
  it('is a local core', async () => {
    const world = await localWorld();
    const { core } = await world.instance();
    expect(core.kind).to.equal('local');
    await world.dispose();
  });
});
