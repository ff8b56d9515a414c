import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import type { Message } from '../../src/core/index.js';
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import { openDatabase, write } from '../../src/core/local/database.js';
import { deleteDatabase, eventually, fetchedOps, history, textOf } from './helpers.js';


// Alone in its page (each test file gets one): the sending code is not loaded when the history that shows
// an echo left by an earlier life of the page is read (creating an echo would fetch it, so the echo is
// written into the outbox as that page left it).
describe('LocalCore, an echo left unsent by an earlier life of the page', function () {
  this.timeout(20_000);
  const dbName = `tim-test-${crypto.randomUUID()}`;
  let alice: LocalCore;
  let bob: LocalCore;
  before(async () => {
    [alice, bob] = await Promise.all([createLocalCore({ dbName }), createLocalCore({ dbName })]);
    await bob.login({ userID: 'bob' });
  });
  after(async () => {
    await Promise.all([alice.destroy(), bob.destroy()]);
    await deleteDatabase(dbName);
  });

  it('shows in the newest history page as failed, before the sending code is loaded, and resends', async () => {
    const message = {
      ID: 'left-behind',
      conversationID: 'C2Cbob',
      conversationType: 'C2C',
      from: 'alice',
      to: 'bob',
      flow: 'out',
      time: Math.floor(Date.now() / 1000),
      sequence: 0,
      status: 'unSend',
      isPeerRead: false,
      isRead: true,
      isRevoked: false,
      isDeleted: false,
      isModified: false,
      nick: '',
      avatar: '',
      nameCard: '',
      atUserList: [],
      cloudCustomData: '',
      needReadReceipt: false,
      type: 'TIMTextElem',
      payload: { text: 'written as the page closed' },
    } as Message;
    const db = await openDatabase(dbName);
    await write(db, (tx) => tx.objectStore('outbox').put({ ID: message.ID, owner: 'alice', message }));
    db.close();
    await alice.login({ userID: 'alice' });
    expect(fetchedOps('compose'), 'the sending code is not loaded yet').to.equal(false);
    const { messageList } = await alice.getMessageList({ conversationID: 'C2Cbob' });
    expect(messageList.map((m) => [m.ID, m.status, m.error?.code, textOf(m)])).to.deep.equal([['left-behind', 'fail', 2800, 'written as the page closed']]);
    expect(fetchedOps('compose')).to.equal(true);
    expect(alice.findMessage('left-behind')?.status).to.equal('fail');
    expect((await alice.resendMessage('left-behind')).status).to.equal('success');
    await eventually(async () => expect((await history(bob, 'C2Calice')).map(textOf)).to.deep.equal(['written as the page closed']));
  });
});
