import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ChatError, ChatErrorCode } from '../../src/core/index.js';
import { createLocalCore } from '../../src/core/local/index.js';
import { deleteDatabase } from './helpers.js';

// Alone in its page: the code that creates a new database's stores (`schema`) and the demo seed cannot be
// fetched, as offline after the page loaded. createLocalCore rejects with the kit's "reload the page" error
// (the host can say so), not with the browser's bare TypeError, and leaves no half-made database behind.
describe('createLocalCore, when the code a new database needs cannot be fetched', () => {
  const dbName = `tim-test-${crypto.randomUUID()}`;
  before(async () => {
    await executeServerCommand('block-requests', '/core/local/schema.');
    await executeServerCommand('block-requests', '/core/local/seed-demo.');
  });
  after(() => deleteDatabase(dbName));

  const failure = (options: Parameters<typeof createLocalCore>[0]) =>
    createLocalCore(options).then(
      () => undefined,
      (e: unknown) => e,
    );

  it('a new database: rejects with CHUNK_UNREACHABLE, and no database is left', async () => {
    const error = await failure({ dbName });
    expect(error).to.be.instanceOf(ChatError);
    expect((error as ChatError).code).to.equal(ChatErrorCode.CHUNK_UNREACHABLE);
    const names = (await indexedDB.databases()).filter((d) => d.name === dbName && d.version! > 0);
    expect(names, 'no database made without its stores').to.deep.equal([]);
  });

  it('the demo seed: rejects with CHUNK_UNREACHABLE', async () => {
    // A database that exists (made here without the kit's stores: its own code is blocked), so only the seed is
    // missing; the seed is fetched before anything reads a store.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(dbName, 1);
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    const error = await failure({ dbName, seed: 'demo' });
    expect((error as ChatError).code).to.equal(ChatErrorCode.CHUNK_UNREACHABLE);
  });
});
