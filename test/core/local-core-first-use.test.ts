import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import type { ImageInfo, Message } from '../../src/core/index.js';
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import { openDB } from '../../src/core/local/idb.js';
import type { LocalSchema } from '../../src/core/local/database.js';
import { deleteDatabase, eventually, fetchedOps, pngBlob, send } from './helpers.js';


// Alone in its page (each test file gets one): LocalCore's lazy modules are not loaded when it starts,
// so these calls are made before the code that completes them has arrived.
describe('LocalCore, calls made before their code is loaded', function () {
  this.timeout(20_000);
  const dbName = `tim-test-${crypto.randomUUID()}`;
  let alice: LocalCore;
  let bob: LocalCore;
  before(async () => {
    [alice, bob] = await Promise.all([createLocalCore({ dbName }), createLocalCore({ dbName })]);
    await alice.login({ userID: 'alice' });
    await bob.login({ userID: 'bob' });
  });
  after(async () => {
    await Promise.all([alice.destroy(), bob.destroy()]);
    await deleteDatabase(dbName);
  });

  it('measures an image drafted without its size, in the echo and in what is sent', async () => {
    expect(fetchedOps('compose'), 'the send code is not loaded yet').to.equal(false);
    const echo = alice.createMessage({ conversationID: 'C2Cbob', draft: { type: 'TIMImageElem', payload: { file: pngBlob() } } });
    const sent = await alice.sendMessage(echo.ID);
    expect(fetchedOps('compose')).to.equal(true);
    const sizes = (message: Message) => (message.payload as { imageInfoArray: ImageInfo[] }).imageInfoArray.map(({ width, height }) => [width, height]);
    expect(sizes(sent)).to.deep.equal([[3, 2], [3, 2], [3, 2]]);
    expect(sizes(echo), 'the echo is measured in place').to.deep.equal([[3, 2], [3, 2], [3, 2]]);
  });

  it('runs delegated contract methods in call order while their module loads', async () => {
    await send(bob, 'C2Calice', 'hello');
    expect(fetchedOps('changes'), 'the module is not loaded yet').to.equal(false);
    await Promise.all([alice.pinConversation('C2Cbob', true), alice.pinConversation('C2Cbob', false), alice.markConversationRead('C2Cbob')]);
    expect(await alice.getConversation('C2Cbob')).to.include({ isPinned: false, unreadCount: 0 });
  });

  it('applies delivery faults set before their code loads to the frames that follow: twice, then held and reversed', async () => {
    const typing: boolean[] = [];
    const off = bob.on('typingStatus', ({ userID, typing: on }) => userID === 'alice' && typing.push(on));
    expect(fetchedOps('extras'), 'the fault code is not loaded yet').to.equal(false);
    bob.faults.set({ deliverTwice: true });
    await alice.setTyping('C2Cbob', true);
    await eventually(() => expect(typing).to.have.length(2));
    expect(fetchedOps('extras')).to.equal(true);
    expect(typing, 'one frame, heard twice').to.deep.equal([true, true]);
    bob.faults.set({ deliverTwice: false, deliverOutOfOrder: true });
    await Promise.all([alice.setTyping('C2Cbob', true), alice.setTyping('C2Cbob', false)]);
    await eventually(() => expect(typing).to.have.length(4));
    expect(typing.slice(2), 'sent typing then stopped: heard reversed').to.deep.equal([false, true]);
    bob.faults.reset();
    off();
  });
});

describe('LocalCore database schema', () => {
  it('is fetched only for a new database (two cores opened it at once above); an existing one opens as is', async () => {
    const name = `tim-test-${crypto.randomUUID()}`;
    let loads = 0;
    const load = async () => {
      loads++;
      return (await import('../../src/core/local/schema.js')).createSchema;
    };
    const created = await openDB<LocalSchema>(name, 1, load);
    expect(loads).to.equal(1);
    expect([...created.objectStoreNames].sort()).to.deep.equal(
      ['applications', 'blobs', 'blocks', 'conversations', 'counters', 'friends', 'groups', 'members', 'messages', 'meta', 'outbox', 'users'],
    );
    created.close();
    const reopened = await openDB<LocalSchema>(name, 1, load);
    expect(loads, 'no schema code for an existing database').to.equal(1);
    reopened.close();
    await deleteDatabase(name);
  });
});
