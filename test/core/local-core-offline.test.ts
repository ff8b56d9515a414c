import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ChatError, ChatErrorCode, classifyError } from '../../src/core/index.js';
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import { deleteDatabase } from './helpers.js';

// Alone in its page (each test file gets one): LocalCore's code for settings and changes (`ops/changes`) cannot
// be fetched here, as offline after the page loaded. A page keeps a failed module fetch (Chromium fails the
// next import() of it at once, network back or not), so the operation fails as the kit's "reload the page"
// error, not as a network error whose Retry could never work.
describe('LocalCore, an operation whose code cannot be fetched', function () {
  this.timeout(20_000);
  const dbName = `tim-test-${crypto.randomUUID()}`;
  let alice: LocalCore;
  before(async () => {
    await executeServerCommand('block-requests', '/core/local/ops/changes.');
    alice = await createLocalCore({ dbName, seed: 'demo' });
    await alice.login({ userID: 'alice' });
  });
  after(async () => {
    await alice.destroy();
    await deleteDatabase(dbName);
  });

  it('fails with CHUNK_UNREACHABLE (network category), every time, and the rest of the core still works', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await alice.pinConversation('C2Cbob', true).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `attempt ${attempt + 1}`).to.be.instanceOf(ChatError);
      expect((error as ChatError).code).to.equal(ChatErrorCode.CHUNK_UNREACHABLE);
      expect(classifyError((error as ChatError).code)).to.equal('network');
    }
    // What the startup code serves is unaffected.
    const conversations = await alice.getConversationList();
    expect(conversations.some((c) => c.conversationID === 'C2Cbob')).to.equal(true);
  });
});
