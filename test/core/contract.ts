/**
 * The ChatCore conformance suite. Every adapter runs it through a harness that creates isolated worlds
 * (a fresh service each) and instances on them (tabs, devices). An adapter is done when it passes.
 *
 * Conventions: users are created by logging in (first login registers); everything else goes through
 * the contract. Outcomes on other instances are awaited with `eventually`, never with fixed sleeps, except
 * where a test proves that something does NOT happen.
 */
import { expect } from '@open-wc/testing';
import {
  AT_ALL,
  compareMessages,
  Limits,
  type ChatCore,
  type ConversationID,
  type FaultControl,
  type GroupTipPayload,
  type Message,
  type MessageDraft,
} from '../../src/core/index.js';
import { eventually, history, pngBlob, Recorder, rejects, send, sleep, textDraft, textOf, throwsCode } from './helpers.js';

export interface CoreInstance {
  core: ChatCore;
  faults: FaultControl;
}

export interface CoreWorld {
  /** A new instance (tab, device) on this world's service. `multiInstance: 'allow'` lets the same user
   *  stay logged in on several instances (multi-device); the default kicks the older one. */
  instance(options?: { multiInstance?: 'kick' | 'allow' }): Promise<CoreInstance>;
  /** Moves the service clock forward (recall window). Tests that need it are skipped without it. */
  advanceClock?(seconds: number): void;
  /** Destroys every instance and the service's data. */
  dispose(): Promise<void>;
}

export interface CoreHarness {
  createWorld(): Promise<CoreWorld>;
}

const C2C = (userID: string): ConversationID => `C2C${userID}`;
const GROUP = (groupID: string): ConversationID => `GROUP${groupID}`;
const ids = (messages: Message[]) => messages.map((m) => m.ID);
const unique = <T>(list: T[]) => new Set(list).size === list.length;

export function runCoreContract(name: string, harness: CoreHarness): void {
  describe(`ChatCore contract: ${name}`, function () {
    this.timeout(15_000);
    let world: CoreWorld;
    const login = async (userID: string, options?: { multiInstance?: 'kick' | 'allow' }): Promise<CoreInstance> => {
      const instance = await world.instance(options);
      await instance.core.login({ userID });
      return instance;
    };
    /** Logs in every user once (registering them) and returns their instances. */
    const users = async (...userIDs: string[]) => Promise.all(userIDs.map((id) => login(id)));

    beforeEach(async () => {
      world = await harness.createWorld();
    });
    afterEach(async () => {
      await world.dispose();
    });

    // ───────────────────────────── session ─────────────────────────────
    describe('session', () => {
      it('rejects every call with 2024 before login', async () => {
        const { core } = await world.instance();
        expect(core.isReady()).to.equal(false);
        expect(core.getLoginUser()).to.equal('');
        await rejects(core.getConversationList(), 2024);
        await rejects(core.getMessageList({ conversationID: C2C('bob') }), 2024);
        await rejects(core.sendMessage('nope'), 2024);
        await rejects(core.getMyProfile(), 2024);
        await rejects(core.searchMessages({ keywordList: ['a'] }), 2024);
        await rejects(core.addFriend({ userID: 'bob' }), 2024);
        await rejects(core.getJoinedGroupList(), 2024);
        throwsCode(() => core.createMessage({ conversationID: C2C('bob'), draft: textDraft('hi') }), 2024);
        expect(core.findMessage('nope')).to.equal(null);
      });

      it('logs in (registering the user), reports ready, and logs out', async () => {
        const { core } = await world.instance();
        const events = new Recorder(core);
        await rejects(core.login({ userID: 'not valid!' }), 20003);
        await core.login({ userID: 'alice' });
        expect(core.isReady()).to.equal(true);
        expect(core.getLoginUser()).to.equal('alice');
        expect(events.of('ready')).to.deep.equal([{ userID: 'alice' }]);
        const me = await core.getMyProfile();
        expect(me.userID).to.equal('alice');
        expect(me.nick).to.equal('');
        expect(Math.abs(core.getServerTime() - Date.now() / 1000)).to.be.below(5);
        await core.logout();
        expect(core.isReady()).to.equal(false);
        expect(core.getLoginUser()).to.equal('');
        await eventually(() => expect(events.of('notReady')).to.deep.equal([{ reason: 'logout' }]));
        await rejects(core.getConversationList(), 2024);
        const [bob] = await users('bob');
        expect((await bob!.core.getUserProfiles(['alice', 'ghost'])).map((p) => p.userID)).to.deep.equal(['alice']);
      });

      it('kicks the older instance when the same user logs in elsewhere, and allows logging in again', async () => {
        const a = await login('alice');
        const events = new Recorder(a.core);
        const b = await login('alice');
        await eventually(() => expect(events.of('kickedOut')).to.deep.equal([{ reason: 'multipleAccount' }]));
        expect(events.of('notReady')).to.deep.equal([{ reason: 'multipleAccount' }]);
        expect(a.core.isReady()).to.equal(false);
        await rejects(a.core.getConversationList(), 3003);
        throwsCode(() => a.core.createMessage({ conversationID: C2C('bob'), draft: textDraft('x') }), 3003);
        expect(b.core.isReady()).to.equal(true);
        await b.core.getConversationList();
        await a.core.login({ userID: 'alice' });
        expect(a.core.isReady()).to.equal(true);
        await eventually(() => expect(b.core.isReady()).to.equal(false));
      });

      it('keeps both instances with multiInstance "allow"', async () => {
        const a = await login('alice', { multiInstance: 'allow' });
        const b = await login('alice', { multiInstance: 'allow' });
        await sleep(50);
        expect(a.core.isReady()).to.equal(true);
        expect(b.core.isReady()).to.equal(true);
      });

      it('expires the ticket (3004) and kicks out on request, without logging in again by itself', async () => {
        const { core, faults } = await login('alice');
        const events = new Recorder(core);
        faults.expireTicket();
        await eventually(() => expect(events.of('kickedOut')).to.deep.equal([{ reason: 'userSigExpired' }]));
        await rejects(core.getMyProfile(), 3004);
        await sleep(30);
        expect(events.of('ready')).to.have.length(0);
        await core.login({ userID: 'alice' });
        faults.kickOut('REST_API_Kick');
        await rejects(core.getMyProfile(), 3006);
      });
    });

    // ───────────────────────────── validation ─────────────────────────────
    describe('validation', () => {
      it('refuses bad input with the service code and stores nothing', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const core = alice!.core;
        // 4,097 Hangul syllables are 12,291 UTF-8 bytes: over the limit though far under 12,288 characters.
        throwsCode(() => core.createMessage({ conversationID: C2C('bob'), draft: textDraft('한'.repeat(4097)) }), 80002);
        expect(() => core.createMessage({ conversationID: C2C('bob'), draft: textDraft('a'.repeat(Limits.TEXT_BYTES)) })).not.to.throw();
        throwsCode(() => core.createMessage({ conversationID: 'bob' as ConversationID, draft: textDraft('x') }), 2500);
        throwsCode(() => core.createMessage({ conversationID: '@TIM#SYSTEM', draft: textDraft('x') }), 2500);
        throwsCode(() => core.createMessage({ conversationID: C2C('bad id'), draft: textDraft('x') }), 20003);
        throwsCode(() => core.createMessage({ conversationID: C2C('bob'), draft: { type: 'TIMImageElem', payload: { file: new Blob([new Uint8Array(Limits.IMAGE_BYTES + 1)], { type: 'image/png' }) } } }), 2253);
        throwsCode(() => core.createMessage({ conversationID: C2C('bob'), draft: { type: 'TIMImageElem', payload: { file: new Blob(['<svg/>'], { type: 'image/svg+xml' }) } } }), 2252);
        await rejects(send(core, C2C('nobody'), 'hello?'), 20003);
        await rejects(core.getConversation(C2C('nobody')), 2500);
        await rejects(core.getMessageList({ conversationID: GROUP('nogroup') }), 2500);
        await rejects(core.pinConversation('junk' as ConversationID, true), 2500);
        await rejects(core.addFriend({ userID: 'bad id' }), 20003);
        await rejects(core.addFriend({ userID: 'nobody' }), 20003);
        await rejects(core.updateMyProfile({ nick: 'x'.repeat(Limits.NICK_BYTES + 1) }), 10004);
        await rejects(core.getMessage(C2C('bob'), 'no-such-id'), 20026);
        await rejects(core.revokeMessage('no-such-id'), 20026);
        expect((await core.getMyProfile()).nick).to.equal('');
        expect(await core.getConversationList()).to.deep.equal([]);
        expect(await bob!.core.getConversationList()).to.deep.equal([]);
        expect((await core.getMessageList({ conversationID: C2C('bob') })).messageList.filter((m) => m.status === 'success')).to.deep.equal([]);
      });
    });

    // ───────────────────────────── conversations ─────────────────────────────
    describe('conversations', () => {
      it('orders pinned first, then by last activity', async () => {
        const [alice, bob, carol, dave] = await users('alice', 'bob', 'carol', 'dave');
        await send(bob!.core, C2C('alice'), 'from bob');
        await send(carol!.core, C2C('alice'), 'from carol');
        await send(dave!.core, C2C('alice'), 'from dave');
        const order = async () => (await alice!.core.getConversationList()).map((c) => c.conversationID);
        expect(await order()).to.deep.equal([C2C('dave'), C2C('carol'), C2C('bob')]);
        await alice!.core.pinConversation(C2C('bob'), true);
        expect(await order()).to.deep.equal([C2C('bob'), C2C('dave'), C2C('carol')]);
        await send(carol!.core, C2C('alice'), 'again');
        expect(await order()).to.deep.equal([C2C('bob'), C2C('carol'), C2C('dave')]);
        const [first] = await alice!.core.getConversationList();
        expect(first!.isPinned).to.equal(true);
        expect(first!.userProfile?.userID).to.equal('bob');
        expect(first!.lastMessage?.messageForShow).to.equal('from bob');
        await alice!.core.pinConversation(C2C('bob'), false);
        expect(await order()).to.deep.equal([C2C('carol'), C2C('dave'), C2C('bob')]);
      });

      it('counts unread, excludes muted conversations from the total, and marks read and unread', async () => {
        const [alice, bob, carol] = await users('alice', 'bob', 'carol');
        const events = new Recorder(alice!.core);
        for (const text of ['1', '2', '3']) await send(bob!.core, C2C('alice'), text);
        await send(carol!.core, C2C('alice'), 'c');
        await eventually(() => expect(alice!.core.getTotalUnreadCount()).to.equal(4));
        await eventually(() => expect(events.last('totalUnreadCountUpdated')).to.deep.equal({ count: 4 }));
        await alice!.core.setMessageRemindType(C2C('bob'), 'AcceptNotNotify');
        expect(alice!.core.getTotalUnreadCount()).to.equal(1);
        const muted = await alice!.core.getConversation(C2C('bob'));
        expect(muted.unreadCount).to.equal(3);
        expect(muted.messageRemindType).to.equal('AcceptNotNotify');
        await alice!.core.markConversationRead(C2C('carol'));
        expect(alice!.core.getTotalUnreadCount()).to.equal(0);
        await alice!.core.markConversationUnread(C2C('carol'), true);
        let carolConversation = await alice!.core.getConversation(C2C('carol'));
        expect(carolConversation.isMarkedUnread).to.equal(true);
        expect(carolConversation.unreadCount).to.equal(0);
        await alice!.core.markConversationRead(C2C('carol'));
        carolConversation = await alice!.core.getConversation(C2C('carol'));
        expect(carolConversation.isMarkedUnread).to.equal(false);
        const page = await alice!.core.getMessageList({ conversationID: C2C('carol') });
        expect(page.messageList.every((m) => m.isRead)).to.equal(true);
        const bobPage = await alice!.core.getMessageList({ conversationID: C2C('bob') });
        expect(bobPage.messageList.some((m) => m.isRead)).to.equal(false);
      });

      it('keeps a draft and shows it to the same user elsewhere', async () => {
        const a = await login('alice', { multiInstance: 'allow' });
        const a2 = await login('alice', { multiInstance: 'allow' });
        await users('bob');
        const events = new Recorder(a2.core);
        await a.core.setConversationDraft(C2C('bob'), 'half a thought');
        expect((await a.core.getConversation(C2C('bob'))).draftText).to.equal('half a thought');
        await eventually(() => expect(events.last('conversationListUpdated')?.conversationList[0]?.draftText).to.equal('half a thought'));
        await a.core.setConversationDraft(C2C('bob'), '');
        expect((await a.core.getConversation(C2C('bob'))).draftText).to.equal('');
      });

      it('clears history for me only and deletes conversations', async () => {
        const [alice, bob] = await users('alice', 'bob');
        await send(bob!.core, C2C('alice'), 'one');
        await send(alice!.core, C2C('bob'), 'two');
        await alice!.core.clearHistory(C2C('bob'));
        expect((await alice!.core.getMessageList({ conversationID: C2C('bob') })).messageList).to.deep.equal([]);
        const cleared = await alice!.core.getConversation(C2C('bob'));
        expect(cleared.lastMessage).to.equal(null);
        expect((await alice!.core.getConversationList()).map((c) => c.conversationID)).to.deep.equal([C2C('bob')]);
        expect((await history(bob!.core, C2C('alice'))).map(textOf)).to.deep.equal(['one', 'two']);

        await send(bob!.core, C2C('alice'), 'three');
        await alice!.core.deleteConversation(C2C('bob'));
        expect(await alice!.core.getConversationList()).to.deep.equal([]);
        expect(alice!.core.getTotalUnreadCount()).to.equal(0);
        await send(bob!.core, C2C('alice'), 'four');
        await eventually(async () => expect((await alice!.core.getConversationList()).map((c) => c.unreadCount)).to.deep.equal([1]));
        expect((await history(alice!.core, C2C('bob'))).map(textOf)).to.deep.equal(['four']);

        await alice!.core.deleteConversation(C2C('bob'), { clearHistory: false });
        expect(await alice!.core.getConversationList()).to.deep.equal([]);
        expect((await history(alice!.core, C2C('bob'))).map(textOf)).to.deep.equal(['four']);
      });
    });

    // ───────────────────────────── messages ─────────────────────────────
    describe('messages', () => {
      it('builds a local echo, then sends it with server time and sequence', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(alice!.core);
        const echo = alice!.core.createMessage({ conversationID: C2C('bob'), draft: textDraft('hi 👋') });
        expect(echo).to.include({ status: 'unSend', sequence: 0, flow: 'out', from: 'alice', to: 'bob', conversationID: C2C('bob'), type: 'TIMTextElem' });
        expect(alice!.core.findMessage(echo.ID)?.status).to.equal('unSend');
        const sent = await alice!.core.sendMessage(echo.ID);
        expect(sent.ID).to.equal(echo.ID);
        expect(sent.status).to.equal('success');
        expect(sent.sequence).to.be.above(0);
        expect(alice!.core.findMessage(echo.ID)?.status).to.equal('success');
        await eventually(() => expect(events.messages('messageUpdated').map((m) => [m.ID, m.status])).to.deep.include([echo.ID, 'success']));
        expect(events.messages('messageReceived')).to.deep.equal([]);
        const received = await eventually(async () => {
          const [m] = (await bob!.core.getMessageList({ conversationID: C2C('alice') })).messageList;
          expect(m).to.exist;
          return m!;
        });
        expect(received).to.include({ ID: echo.ID, flow: 'in', conversationID: C2C('alice'), sequence: sent.sequence, time: sent.time, isRead: false });
        expect(textOf(received)).to.equal('hi 👋');
      });

      it('sends every message type and the receiver gets each with its payload', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const bobEvents = new Recorder(bob!.core);
        const aliceEvents = new Recorder(alice!.core);
        const drafts: MessageDraft[] = [
          textDraft('text https://example.com 😀'),
          { type: 'TIMImageElem', payload: { file: pngBlob(), fileName: 'red.png' } },
          { type: 'TIMFileElem', payload: { file: new Blob(['notes'], { type: 'text/plain' }), fileName: 'notes.txt' } },
          { type: 'TIMSoundElem', payload: { file: new Blob([new Uint8Array(64)], { type: 'audio/wav' }), second: 2 } },
          { type: 'TIMVideoFileElem', payload: { file: new Blob([new Uint8Array(64)], { type: 'video/mp4' }), second: 3 } },
          { type: 'TIMFaceElem', payload: { index: 3, data: 'thumbs_up' } },
          { type: 'TIMLocationElem', payload: { description: 'Shenzhen Bay', longitude: 113.9, latitude: 22.5 } },
          { type: 'TIMCustomElem', payload: { data: '{"businessID":"red_envelope"}', description: 'Red packet', extension: '' } },
        ];
        for (const draft of drafts) await send(alice!.core, C2C('bob'), draft);
        const got = await eventually(() => {
          const list = bobEvents.messages('messageReceived');
          expect(list).to.have.length(drafts.length);
          return list;
        });
        expect(got.map((m) => m.type)).to.deep.equal(drafts.map((d) => d.type));
        const [text, image, file, sound, video, face, location, custom] = got as [Message, ...Message[]];
        expect(textOf(text!)).to.equal('text https://example.com 😀');
        if (image!.type !== 'TIMImageElem') throw new Error('image');
        expect(image!.payload.imageInfoArray[0]).to.include({ width: 3, height: 2 });
        expect(image!.payload.imageInfoArray.some((i) => i.type === 2)).to.equal(true);
        expect(image!.payload.fileName).to.equal('red.png');
        expect((await (await fetch(image!.payload.imageInfoArray[0]!.url)).blob()).size).to.equal(pngBlob().size);
        if (file!.type !== 'TIMFileElem') throw new Error('file');
        expect(file!.payload).to.include({ fileName: 'notes.txt', fileSize: 5 });
        expect(await (await fetch(file!.payload.fileUrl)).text()).to.equal('notes');
        if (sound!.type !== 'TIMSoundElem' || video!.type !== 'TIMVideoFileElem') throw new Error('media');
        expect(sound!.payload).to.include({ second: 2, size: 64 });
        expect(video!.payload).to.include({ videoSecond: 3, videoSize: 64 });
        expect(video!.payload.videoUrl).to.match(/^blob:/);
        expect(face!.payload).to.deep.equal({ index: 3, data: 'thumbs_up' });
        expect(location!.payload).to.deep.equal({ description: 'Shenzhen Bay', longitude: 113.9, latitude: 22.5 });
        expect(custom!.payload).to.deep.equal({ data: '{"businessID":"red_envelope"}', description: 'Red packet', extension: '' });
        await eventually(() => expect(aliceEvents.of('messageProgress').filter((p) => p.progress === 1)).to.have.length(4));
        const [conversation] = await bob!.core.getConversationList();
        expect(conversation!.lastMessage?.messageForShow).to.equal('Red packet');
        expect(conversation!.unreadCount).to.equal(drafts.length);
      });

      it('gets, finds and hops around messages', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const sent: Message[] = [];
        for (let i = 0; i < 9; i++) sent.push(await send(alice!.core, C2C('bob'), `m${i}`));
        const m4 = await bob!.core.getMessage(C2C('alice'), sent[4]!.ID);
        expect(textOf(m4)).to.equal('m4');
        expect(bob!.core.findMessage(sent[4]!.ID)?.ID).to.equal(sent[4]!.ID);
        await rejects(bob!.core.getMessage(C2C('carol'), sent[4]!.ID), 20026);
        const older = await bob!.core.getMessageListHopping({ conversationID: C2C('alice'), messageID: sent[4]!.ID, direction: 'older', count: 3 });
        expect(older.messageList.map(textOf)).to.deep.equal(['m1', 'm2', 'm3']);
        expect(older.isCompleted).to.equal(false);
        const newer = await bob!.core.getMessageListHopping({ conversationID: C2C('alice'), messageID: sent[4]!.ID, direction: 'newer', count: 10 });
        expect(newer.messageList.map(textOf)).to.deep.equal(['m5', 'm6', 'm7', 'm8']);
        expect(newer.isCompleted).to.equal(true);
      });

      it('recalls within the window for everyone', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(bob!.core);
        const sent = await send(alice!.core, C2C('bob'), 'oops');
        await eventually(() => expect(events.messages('messageReceived')).to.have.length(1));
        await alice!.core.revokeMessage(sent.ID);
        expect(alice!.core.findMessage(sent.ID)?.isRevoked).to.equal(true);
        const revoked = await eventually(() => {
          const [event] = events.of('messageRevoked');
          expect(event).to.exist;
          return event!;
        });
        expect(revoked.messages).to.deep.equal([{ ID: sent.ID, conversationID: C2C('alice'), revoker: { userID: 'alice', nick: '', avatar: '' } }]);
        const [stored] = (await bob!.core.getMessageList({ conversationID: C2C('alice') })).messageList;
        expect(stored!.isRevoked).to.equal(true);
        expect((await bob!.core.getConversation(C2C('alice'))).lastMessage?.isRevoked).to.equal(true);
      });

      it('refuses to recall after the window (20016 C2C, 10031 group)', async function () {
        if (!world.advanceClock) this.skip();
        const [alice] = await users('alice', 'bob');
        const c2c = await send(alice!.core, C2C('bob'), 'old news');
        await alice!.core.createGroup({ name: 'G', type: 'Private', groupID: 'g1', memberList: ['bob'] });
        const group = await send(alice!.core, GROUP('g1'), 'old group news');
        world.advanceClock!(alice!.core.capabilities.revokeWindowSeconds + 5);
        await rejects(alice!.core.revokeMessage(c2c.ID), 20016);
        await rejects(alice!.core.revokeMessage(group.ID), 10031);
        expect((await alice!.core.getMessage(C2C('bob'), c2c.ID)).isRevoked).to.equal(false);
      });

      it('modifies an own message for everyone; only the sender may', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(bob!.core);
        const sent = await send(alice!.core, C2C('bob'), 'teh typo');
        await eventually(() => expect(events.messages('messageReceived')).to.have.length(1));
        const edited = await alice!.core.modifyMessage(sent.ID, { payload: { text: 'the typo' } });
        expect(textOf(edited)).to.equal('the typo');
        expect(edited.isModified).to.equal(true);
        const modified = await eventually(() => {
          const [m] = events.messages('messageModified');
          expect(m).to.exist;
          return m!;
        });
        expect(textOf(modified)).to.equal('the typo');
        expect(modified.isModified).to.equal(true);
        await rejects(bob!.core.modifyMessage(sent.ID, { payload: { text: 'hijack' } }), 2105);
        expect(textOf(await bob!.core.getMessage(C2C('alice'), sent.ID))).to.equal('the typo');
      });

      it('deletes for me only', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const keep = await send(alice!.core, C2C('bob'), 'keep');
        const drop = await send(alice!.core, C2C('bob'), 'drop');
        await alice!.core.deleteMessages([drop.ID]);
        expect(ids(await history(alice!.core, C2C('bob')))).to.deep.equal([keep.ID]);
        expect((await alice!.core.getConversation(C2C('bob'))).lastMessage?.messageID).to.equal(keep.ID);
        expect(ids(await history(bob!.core, C2C('alice')))).to.deep.equal([keep.ID, drop.ID]);
        await rejects(alice!.core.getMessage(C2C('bob'), drop.ID), 20026);
      });

      it('forwards single messages and merged chat records', async () => {
        const [alice, , carol] = await users('alice', 'bob', 'carol');
        const a = await send(alice!.core, C2C('bob'), 'first');
        const b = await send(alice!.core, C2C('bob'), { type: 'TIMFileElem', payload: { file: new Blob(['x']), fileName: 'x.txt' } });
        const forward = alice!.core.createForwardMessage({ conversationID: C2C('carol'), messageID: b.ID });
        expect(forward.ID).not.to.equal(b.ID);
        await alice!.core.sendMessage(forward.ID);
        const merged = alice!.core.createMessage({
          conversationID: C2C('carol'),
          draft: { type: 'TIMRelayElem', payload: { messageIDs: [a.ID, b.ID], title: 'Chat with bob', abstractList: ['alice: first'], compatibleText: 'Upgrade' } },
        });
        await alice!.core.sendMessage(merged.ID);
        const [fwd, relay] = await eventually(async () => {
          const list = (await carol!.core.getMessageList({ conversationID: C2C('alice') })).messageList;
          expect(list).to.have.length(2);
          return list;
        });
        if (fwd!.type !== 'TIMFileElem' || relay!.type !== 'TIMRelayElem') throw new Error('types');
        expect(fwd!.payload.fileName).to.equal('x.txt');
        expect(await (await fetch(fwd!.payload.fileUrl)).text()).to.equal('x');
        expect(relay!.payload.title).to.equal('Chat with bob');
        expect(relay!.payload.messageList.map((m) => m.ID)).to.deep.equal([a.ID, b.ID]);
        const downloaded = await carol!.core.downloadMergerMessage(relay!.ID);
        expect(downloaded.map((m) => m.messageBody[0]!.type)).to.deep.equal(['TIMTextElem', 'TIMFileElem']);

        // Big bodies are uploaded: the message carries a key, the body comes from downloadMergerMessage.
        const big: Message[] = [];
        for (let i = 0; i < 3; i++) big.push(await send(alice!.core, C2C('bob'), `${i}`.repeat(4000)));
        const bigMerged = alice!.core.createMessage({
          conversationID: C2C('carol'),
          draft: { type: 'TIMRelayElem', payload: { messageIDs: ids(big), title: 'Long', abstractList: [], compatibleText: '' } },
        });
        await alice!.core.sendMessage(bigMerged.ID);
        const uploaded = await eventually(() => carol!.core.getMessage(C2C('alice'), bigMerged.ID));
        if (uploaded.type !== 'TIMRelayElem') throw new Error('relay');
        expect(uploaded.payload.messageList).to.deep.equal([]);
        expect(uploaded.payload.downloadKey).to.be.a('string').and.not.equal('');
        expect((await carol!.core.downloadMergerMessage(bigMerged.ID)).map((m) => m.ID)).to.deep.equal(ids(big));
      });

      it('shows typing to the peer only, never in history, and clears it', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(bob!.core);
        await alice!.core.setTyping(C2C('bob'), true);
        await eventually(() => expect(events.of('typingStatus')).to.deep.equal([{ conversationID: C2C('alice'), userID: 'alice', typing: true }]));
        await alice!.core.setTyping(C2C('bob'), false);
        await eventually(() => expect(events.of('typingStatus').at(-1)?.typing).to.equal(false));
        expect(await bob!.core.getConversationList()).to.deep.equal([]);
        expect(bob!.core.getTotalUnreadCount()).to.equal(0);
      });

      it('delivers onlineUserOnly messages without storing them', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(bob!.core);
        const echo = alice!.core.createMessage({ conversationID: C2C('bob'), draft: { type: 'TIMCustomElem', payload: { data: '{"businessID":"ping"}', description: '', extension: '' } } });
        const sent = await alice!.core.sendMessage(echo.ID, { onlineUserOnly: true });
        expect(sent.status).to.equal('success');
        await eventually(() => expect(ids(events.messages('messageReceived'))).to.deep.equal([echo.ID]));
        expect(await bob!.core.getConversationList()).to.deep.equal([]);
        expect((await bob!.core.getMessageList({ conversationID: C2C('alice') })).messageList).to.deep.equal([]);
        expect((await alice!.core.getMessageList({ conversationID: C2C('bob') })).messageList).to.deep.equal([]);
      });

      it('honours excludedFromUnreadCount and excludedFromLastMessage', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const first = await send(alice!.core, C2C('bob'), 'counted');
        const quiet = alice!.core.createMessage({ conversationID: C2C('bob'), draft: textDraft('quiet') });
        await alice!.core.sendMessage(quiet.ID, { excludedFromUnreadCount: true, excludedFromLastMessage: true });
        await eventually(async () => {
          const conversation = await bob!.core.getConversation(C2C('alice'));
          expect(conversation.unreadCount).to.equal(1);
          expect(conversation.lastMessage?.messageID).to.equal(first.ID);
        });
        expect((await history(bob!.core, C2C('alice'))).map(textOf)).to.deep.equal(['counted', 'quiet']);
      });
    });
    // ───────────────────────────── reliability (reference/reliability.md) ─────────────────────────────
    describe('reliability', () => {
      it('F1: duplicate delivery is deduped', async () => {
        const [alice, bob] = await users('alice', 'bob');
        bob!.faults.set({ deliverTwice: true });
        const events = new Recorder(bob!.core);
        const sent: Message[] = [];
        for (let i = 0; i < 5; i++) sent.push(await send(alice!.core, C2C('bob'), `n${i}`));
        await eventually(() => expect(events.messages('messageReceived')).to.have.length(5));
        await alice!.core.revokeMessage(sent[0]!.ID);
        await alice!.core.modifyMessage(sent[1]!.ID, { payload: { text: 'edited' } });
        await eventually(() => expect(events.of('messageModified')).to.have.length(1));
        await sleep(80);
        expect(ids(events.messages('messageReceived'))).to.deep.equal(ids(sent));
        expect(events.of('messageRevoked')).to.have.length(1);
        expect(events.of('messageModified')).to.have.length(1);
        expect(await history(bob!.core, C2C('alice'))).to.have.length(5);
      });

      it('F2: another instance of the sender sees the message once (flow out); the sender gets its echo confirmed', async () => {
        const a = await login('alice', { multiInstance: 'allow' });
        const a2 = await login('alice', { multiInstance: 'allow' });
        await users('bob');
        a2.faults.set({ deliverTwice: true, deliverOutOfOrder: true });
        const mine = new Recorder(a.core);
        const other = new Recorder(a2.core);
        const echo = a.core.createMessage({ conversationID: C2C('bob'), draft: textDraft('from tab 1') });
        const sent = await a.core.sendMessage(echo.ID);
        await eventually(() => expect(other.messages('messageReceived')).to.have.length(1));
        await sleep(80);
        const [seen] = other.messages('messageReceived');
        expect(seen).to.include({ ID: echo.ID, flow: 'out', status: 'success', sequence: sent.sequence, conversationID: C2C('bob') });
        expect(other.messages('messageReceived')).to.have.length(1);
        expect(mine.messages('messageReceived')).to.have.length(0);
        expect(mine.messages('messageUpdated').filter((m) => m.ID === echo.ID).map((m) => m.status)).to.deep.equal(['success']);
      });

      it('F3: an unsent echo survives a reload as failed, and resending it delivers it once', async () => {
        const first = await login('alice');
        const [bob] = await users('bob');
        const echo = first.core.createMessage({ conversationID: C2C('bob'), draft: textDraft('written before the tab closed') });
        await first.core.destroy();
        const second = await login('alice');
        const page = await second.core.getMessageList({ conversationID: C2C('bob') });
        const failed = page.messageList.find((m) => m.ID === echo.ID);
        expect(failed?.status).to.equal('fail');
        expect(textOf(failed!)).to.equal('written before the tab closed');
        const resent = await second.core.resendMessage(echo.ID);
        expect(resent.status).to.equal('success');
        const mine = await history(second.core, C2C('bob'));
        expect(mine.map((m) => [m.ID, m.status])).to.deep.equal([[echo.ID, 'success']]);
        await eventually(async () => expect(ids(await history(bob!.core, C2C('alice')))).to.deep.equal([echo.ID]));
      });

      it('F3: a send in flight when the page closes is failed after the reload, never lost or doubled', async () => {
        const first = await login('alice');
        const [bob] = await users('bob');
        first.faults.set({ latencyMs: 60 });
        const echo = first.core.createMessage({ conversationID: C2C('bob'), draft: textDraft('closing the tab now') });
        const sending = first.core.sendMessage(echo.ID).catch((error) => error);
        await first.core.destroy();
        expect((await sending).data?.message?.status).to.equal('fail');
        const second = await login('alice');
        const [mine] = (await second.core.getMessageList({ conversationID: C2C('bob') })).messageList;
        expect([mine?.ID, mine?.status]).to.deep.equal([echo.ID, 'fail']);
        await second.core.resendMessage(echo.ID);
        await eventually(async () => expect(ids(await history(bob!.core, C2C('alice')))).to.deep.equal([echo.ID]));
      });

      it('F4: a lost ack then a resend leaves exactly one copy everywhere', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(bob!.core);
        alice!.faults.set({ dropAckAfterCommit: 1 });
        const echo = alice!.core.createMessage({ conversationID: C2C('bob'), draft: textDraft('ack lost') });
        const error = await rejects(alice!.core.sendMessage(echo.ID), 2801);
        expect(error.data?.message?.status).to.equal('fail');
        expect(alice!.core.findMessage(echo.ID)?.status).to.equal('fail');
        alice!.faults.set({ dropAckAfterCommit: 0 });
        const resent = await alice!.core.resendMessage(echo.ID);
        expect(resent.status).to.equal('success');
        await eventually(() => expect(ids(events.messages('messageReceived'))).to.deep.equal([echo.ID]));
        await sleep(50);
        expect(ids(events.messages('messageReceived'))).to.deep.equal([echo.ID]);
        expect(ids(await history(bob!.core, C2C('alice')))).to.deep.equal([echo.ID]);
        expect(ids(await history(alice!.core, C2C('bob')))).to.deep.equal([echo.ID]);
        expect((await bob!.core.getConversation(C2C('alice'))).unreadCount).to.equal(1);
      });

      it('F5: a refused send fails once and is never retried', async () => {
        const [alice, bob] = await users('alice', 'bob');
        await bob!.core.addToBlacklist(['alice']);
        const events = new Recorder(alice!.core);
        const error = await rejects(send(alice!.core, C2C('bob'), 'let me in'), 20007);
        const id = error.data!.message!.ID;
        expect(error.data!.message!.status).to.equal('fail');
        expect(error.data!.message!.error?.code).to.equal(20007);
        await bob!.core.removeFromBlacklist(['alice']);
        await sleep(100);
        expect(alice!.core.findMessage(id)?.status).to.equal('fail');
        expect(events.messages('messageUpdated').filter((m) => m.ID === id).map((m) => m.status)).to.deep.equal(['fail']);
        expect(await history(bob!.core, C2C('alice'))).to.deep.equal([]);
      });

      it('F6: the order is total and the same on every instance', async () => {
        const [alice, bob] = await users('alice', 'bob');
        await Promise.all([
          ...Array.from({ length: 8 }, (_, i) => send(alice!.core, C2C('bob'), `a${i}`)),
          ...Array.from({ length: 8 }, (_, i) => send(bob!.core, C2C('alice'), `b${i}`)),
        ]);
        const fromAlice = await history(alice!.core, C2C('bob'), 5);
        const fromBob = await history(bob!.core, C2C('alice'), 7);
        expect(ids(fromAlice)).to.deep.equal(ids(fromBob));
        expect(fromAlice.map((m) => m.sequence)).to.deep.equal(Array.from({ length: 16 }, (_, i) => i + 1));
        expect(ids([...fromAlice].sort(compareMessages))).to.deep.equal(ids(fromAlice));
        for (let i = 1; i < fromAlice.length; i++) expect(fromAlice[i]!.time).to.be.at.least(fromAlice[i - 1]!.time);
      });

      it('F7: paging while messages arrive has no gaps or duplicates, in both directions', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const sent: Message[] = [];
        for (let i = 0; i < 20; i++) sent.push(await send(bob!.core, C2C('alice'), `p${i}`));
        const seen: Message[] = [];
        let next = '';
        for (let round = 0; ; round++) {
          const page = await alice!.core.getMessageList({ conversationID: C2C('alice'.replace('alice', 'bob')), count: 6, ...(next ? { nextReqMessageID: next } : {}) });
          seen.unshift(...page.messageList);
          await send(bob!.core, C2C('alice'), `late${round}`);
          if (page.isCompleted) break;
          next = page.nextReqMessageID;
        }
        expect(ids(seen)).to.deep.equal(ids(sent));
        const all = await history(alice!.core, C2C('bob'));
        expect(all).to.have.length(20 + 4);
        expect(unique(ids(all))).to.equal(true);
        // Jump to a message in the middle, then page both ways until done: everything, once, in order.
        const anchor = sent[9]!;
        const around: Message[] = [anchor];
        let from = anchor.ID;
        for (;;) {
          const page = await alice!.core.getMessageListHopping({ conversationID: C2C('bob'), messageID: from, direction: 'older', count: 4 });
          around.unshift(...page.messageList);
          if (page.isCompleted) break;
          from = page.messageList[0]!.ID;
        }
        from = anchor.ID;
        for (;;) {
          const page = await alice!.core.getMessageListHopping({ conversationID: C2C('bob'), messageID: from, direction: 'newer', count: 4 });
          around.push(...page.messageList);
          if (page.isCompleted) break;
          from = page.messageList.at(-1)!.ID;
        }
        expect(ids(around)).to.deep.equal(ids(all));
      });

      it('F9: kicked out mid-send fails the message with the session code', async () => {
        const [alice, bob] = await users('alice', 'bob');
        // A slow send (1 s), so the kick surely lands while it is in flight, however busy the machine.
        alice!.faults.set({ latencyMs: 1000 });
        const sending = send(alice!.core, C2C('bob'), 'in flight');
        await sleep(10);
        alice!.faults.kickOut();
        const error = await rejects(sending, 3003);
        expect(error.data?.message?.status).to.equal('fail');
        expect(await history(bob!.core, C2C('alice'))).to.deep.equal([]);
      });

      it('F12: after a burst of 100 messages the list and unread equal the ground truth', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(alice!.core);
        const sent = await Promise.all(Array.from({ length: 100 }, (_, i) => send(bob!.core, C2C('alice'), `burst ${i}`)));
        const newest = sent.reduce((a, b) => (a.sequence > b.sequence ? a : b));
        await eventually(() => {
          const [conversation] = events.last('conversationListUpdated')!.conversationList;
          expect(conversation!.unreadCount).to.equal(100);
          expect(conversation!.lastMessage?.messageID).to.equal(newest.ID);
          expect(events.last('totalUnreadCountUpdated')).to.deep.equal({ count: 100 });
        });
        expect(alice!.core.getTotalUnreadCount()).to.equal(100);
        expect(new Set(ids(events.messages('messageReceived'))).size).to.equal(100);
        expect(events.messages('messageReceived')).to.have.length(100);
      });

      it('F13: reading on one instance clears unread on the others and tells the sender', async () => {
        const a = await login('alice', { multiInstance: 'allow' });
        const a2 = await login('alice', { multiInstance: 'allow' });
        const [bob] = await users('bob');
        const other = new Recorder(a2.core);
        const sender = new Recorder(bob!.core);
        const sent = await Promise.all(['x', 'y', 'z'].map((t) => send(bob!.core, C2C('alice'), t)));
        expect(sent.every((m) => !m.isPeerRead)).to.equal(true);
        await eventually(() => expect(a2.core.getTotalUnreadCount()).to.equal(3));
        await a.core.markConversationRead(C2C('bob'));
        await eventually(() => {
          expect(a2.core.getTotalUnreadCount()).to.equal(0);
          expect(other.last('conversationListUpdated')!.conversationList[0]!.unreadCount).to.equal(0);
          expect(other.last('totalUnreadCountUpdated')).to.deep.equal({ count: 0 });
        });
        await eventually(() => {
          const read = sender.messages('messageUpdated').filter((m) => m.isPeerRead);
          expect(new Set(ids(read))).to.deep.equal(new Set(ids(sent)));
        });
        expect((await history(bob!.core, C2C('alice'))).every((m) => m.isPeerRead)).to.equal(true);
        expect((await bob!.core.getConversation(C2C('alice'))).lastMessage?.isPeerRead).to.equal(true);
      });

      it('F14: a recall that arrives before the message still ends recalled', async () => {
        const [alice, bob] = await users('alice', 'bob');
        bob!.faults.set({ deliverOutOfOrder: true });
        const events = new Recorder(bob!.core);
        const sent = await send(alice!.core, C2C('bob'), 'regret');
        await alice!.core.revokeMessage(sent.ID);
        await eventually(() => expect(bob!.core.findMessage(sent.ID)?.isRevoked).to.equal(true));
        await sleep(80);
        expect(ids(events.messages('messageReceived'))).to.deep.equal([sent.ID]);
        expect(bob!.core.findMessage(sent.ID)?.isRevoked).to.equal(true);
        expect((await bob!.core.getMessage(C2C('alice'), sent.ID)).isRevoked).to.equal(true);
      });

      it('F14: concurrent edits: one wins, the other gets 2480 with the latest version', async () => {
        const a = await login('alice', { multiInstance: 'allow' });
        const a2 = await login('alice', { multiInstance: 'allow' });
        await users('bob');
        const sent = await send(a.core, C2C('bob'), 'v1');
        await eventually(() => a2.core.getMessage(C2C('bob'), sent.ID));
        const results = await Promise.allSettled([
          a.core.modifyMessage(sent.ID, { payload: { text: 'from tab 1' } }),
          a2.core.modifyMessage(sent.ID, { payload: { text: 'from tab 2' } }),
        ]);
        const won = results.filter((r): r is PromiseFulfilledResult<Message> => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).to.have.length(1);
        expect(lost).to.have.length(1);
        expect(lost[0]!.reason.code).to.equal(2480);
        expect(textOf(lost[0]!.reason.data.message)).to.equal(textOf(won[0]!.value));
        expect(textOf(await a.core.getMessage(C2C('bob'), sent.ID))).to.equal(textOf(won[0]!.value));
      });

      it('disconnect: calls fail with 2800, nothing arrives; reconnect delivers what was missed, once', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(bob!.core);
        bob!.faults.set({ deliverTwice: true });
        bob!.faults.disconnect();
        expect(bob!.core.getNetState()).to.equal('disconnected');
        const missed = [await send(alice!.core, C2C('bob'), 'while away 1'), await send(alice!.core, C2C('bob'), 'while away 2')];
        const error = await rejects(send(bob!.core, C2C('alice'), 'cannot'), 2800);
        expect(error.data?.message?.status).to.equal('fail');
        await sleep(80);
        expect(events.messages('messageReceived')).to.deep.equal([]);
        await bob!.faults.reconnect();
        expect(bob!.core.getNetState()).to.equal('connected');
        expect(events.of('netStateChange').map((e) => e.state)).to.deep.equal(['disconnected', 'connecting', 'connected']);
        await eventually(() => expect(ids(events.messages('messageReceived'))).to.deep.equal(ids(missed)));
        const after = await send(alice!.core, C2C('bob'), 'back');
        await eventually(() => expect(ids(events.messages('messageReceived'))).to.deep.equal([...ids(missed), after.ID]));
        await eventually(() => expect(bob!.core.getTotalUnreadCount()).to.equal(3));
      });

      it('injects latency and failures per method, before anything is stored', async () => {
        const [alice, bob] = await users('alice', 'bob');
        alice!.faults.set({ failures: [{ code: 2996, rate: 1, methods: ['sendMessage'] }] });
        await rejects(send(alice!.core, C2C('bob'), 'rate limited'), 2996);
        await alice!.core.getConversationList();
        alice!.faults.reset();
        alice!.faults.set({ latencyMs: [30, 40] });
        const started = performance.now();
        await alice!.core.getConversationList();
        expect(performance.now() - started).to.be.at.least(25);
        expect(await history(bob!.core, C2C('alice'))).to.deep.equal([]);
      });
    });

    // ───────────────────────────── search ─────────────────────────────
    describe('search', () => {
      const corpus = [
        'Hello World',
        '你好世界，今天天气很好',
        '안녕하세요 반갑습니다',
        '<img src=x onerror=alert(1)>',
        'Tom &amp; Jerry',
        'regex .* and (paren',
        'party 😀 time',
        'ｆｕｌｌ ＨＥＬＬＯ',
      ];

      const seed = async () => {
        const [alice, bob, carol] = await users('alice', 'bob', 'carol');
        const sent: Message[] = [];
        for (const [i, text] of corpus.entries()) sent.push(await send(i % 2 ? bob!.core : alice!.core, i % 2 ? C2C('alice') : C2C('bob'), text));
        sent.push(await send(bob!.core, C2C('alice'), { type: 'TIMFileElem', payload: { file: new Blob(['%PDF']), fileName: 'Report-2024.pdf' } }));
        sent.push(await send(alice!.core, C2C('bob'), { type: 'TIMLocationElem', payload: { description: 'Shenzhen Bay', longitude: 1, latitude: 2 } }));
        sent.push(await send(alice!.core, C2C('bob'), { type: 'TIMCustomElem', payload: { data: '{}', description: 'Red packet', extension: '' } }));
        sent.push(await send(carol!.core, C2C('alice'), 'hello from carol'));
        return { alice: alice!.core, bob: bob!.core, sent };
      };
      const texts = (result: { resultList: Array<{ messageList: Message[] }> }) =>
        result.resultList.flatMap((r) => r.messageList).map((m) => (m.type === 'TIMTextElem' ? m.payload.text : m.type));

      it('finds literal keywords in every script, case- and width-insensitively', async () => {
        const { alice } = await seed();
        const find = async (keyword: string, conversationID: ConversationID = C2C('bob')) =>
          texts(await alice.searchMessages({ keywordList: [keyword], conversationID }));
        expect(await find('hello')).to.deep.equal(['ｆｕｌｌ ＨＥＬＬＯ', 'Hello World']);
        expect(await find('天气')).to.deep.equal(['你好世界，今天天气很好']);
        expect(await find('반갑')).to.deep.equal(['안녕하세요 반갑습니다']);
        expect(await find('<img src=x')).to.deep.equal(['<img src=x onerror=alert(1)>']);
        expect(await find('&amp;')).to.deep.equal(['Tom &amp; Jerry']);
        expect(await find('.*')).to.deep.equal(['regex .* and (paren']);
        expect(await find('(')).to.have.members(['regex .* and (paren', '<img src=x onerror=alert(1)>']);
        expect(await find('😀')).to.deep.equal(['party 😀 time']);
        expect(await find('report-2024')).to.deep.equal(['TIMFileElem']);
        expect(await find('SHENZHEN')).to.deep.equal(['TIMLocationElem']);
        expect(await find('red packet')).to.deep.equal(['TIMCustomElem']);
        expect(await find('nothing like this')).to.deep.equal([]);
      });

      it('matches all or any keyword, filters, groups per conversation and pages', async () => {
        const { alice } = await seed();
        expect(texts(await alice.searchMessages({ keywordList: ['hello', 'world'], keywordListMatchType: 'and' }))).to.deep.equal(['Hello World']);
        const any = await alice.searchMessages({ keywordList: ['world', 'carol'], keywordListMatchType: 'or' });
        expect(any.totalCount).to.equal(2);
        expect(any.resultList.map((r) => r.conversationID)).to.deep.equal([C2C('carol'), C2C('bob')]);
        const fromBob = await alice.searchMessages({ keywordList: ['e'], senderUserIDList: ['bob'] });
        expect(fromBob.resultList.flatMap((r) => r.messageList).every((m) => m.from === 'bob')).to.equal(true);
        expect(fromBob.totalCount).to.be.above(0);
        const files = await alice.searchMessages({ keywordList: [], messageTypeList: ['TIMFileElem'] });
        expect(texts(files)).to.deep.equal(['TIMFileElem']);
        const all = await alice.searchMessages({ keywordList: ['e'] });
        expect(all.resultList.find((r) => r.conversationID === C2C('bob'))?.messageCount).to.be.above(1);
        const pages: Message[] = [];
        let cursor = '';
        do {
          const page = await alice.searchMessages({ keywordList: ['e'], count: 2, ...(cursor ? { cursor } : {}) });
          expect(page.totalCount).to.equal(all.totalCount);
          pages.push(...page.resultList.flatMap((r) => r.messageList));
          cursor = page.cursor;
        } while (cursor);
        expect(pages).to.have.length(all.totalCount);
        expect(unique(ids(pages))).to.equal(true);
        for (let i = 1; i < pages.length; i++) expect(pages[i]!.time).to.be.at.most(pages[i - 1]!.time);
        const first = pages.at(-1)!;
        const window = await alice.searchMessages({ keywordList: ['e'], timePosition: first.time - 1, timePeriod: 3600 });
        expect(window.totalCount).to.equal(0);
      });

      it('stays current: new, edited, recalled and deleted messages', async () => {
        const { alice, bob, sent } = await seed();
        expect(texts(await alice.searchMessages({ keywordList: ['jerry'] }))).to.have.length(1);
        await send(bob, C2C('alice'), 'a fresh jerry sighting');
        await eventually(async () => expect(texts(await alice.searchMessages({ keywordList: ['jerry'] }))).to.have.length(2));
        const hello = sent[0]!;
        await alice.modifyMessage(hello.ID, { payload: { text: 'Goodbye World' } });
        expect(texts(await alice.searchMessages({ keywordList: ['goodbye'] }))).to.deep.equal(['Goodbye World']);
        expect(texts(await alice.searchMessages({ keywordList: ['hello world'] }))).to.deep.equal([]);
        await bob.revokeMessage(sent[1]!.ID);
        await eventually(async () => expect(texts(await alice.searchMessages({ keywordList: ['天气'] }))).to.deep.equal([]));
        await alice.deleteMessages([sent[2]!.ID]);
        expect(texts(await alice.searchMessages({ keywordList: ['반갑'] }))).to.deep.equal([]);
        expect(texts(await bob.searchMessages({ keywordList: ['반갑'] }))).to.deep.equal(['안녕하세요 반갑습니다']);
      });

      it('finds contacts and groups by ID, nick and remark', async () => {
        const [alice, bob] = await users('alice', 'bob', 'lilei');
        await bob!.core.updateMyProfile({ nick: 'Bob Builder' });
        await alice!.core.addFriend({ userID: 'bob', remark: '建筑师' });
        await alice!.core.createGroup({ name: '스터디 모임', type: 'Public', groupID: 'study' });
        const byNick = await alice!.core.searchContacts('builder');
        expect(byNick.users.map((u) => u.userID)).to.deep.equal(['bob']);
        expect((await alice!.core.searchContacts('建筑')).users.map((u) => u.userID)).to.deep.equal(['bob']);
        expect((await alice!.core.searchContacts('스터디')).groups.map((g) => g.groupID)).to.deep.equal(['study']);
        expect((await alice!.core.searchContacts('lilei')).users.map((u) => u.userID)).to.deep.equal(['lilei']);
        expect(await alice!.core.searchContacts('')).to.deep.equal({ users: [], groups: [] });
      });
    });

    // ───────────────────────────── profiles & relationships ─────────────────────────────
    describe('profiles and relationships', () => {
      it('updates a profile everywhere', async () => {
        const [alice, bob] = await users('alice', 'bob');
        await send(bob!.core, C2C('alice'), 'hi');
        const events = new Recorder(alice!.core);
        const updated = await bob!.core.updateMyProfile({ nick: '<b>Bob</b>', selfSignature: 'busy', gender: 'Gender_Type_Male' });
        expect(updated).to.include({ nick: '<b>Bob</b>', selfSignature: 'busy', gender: 'Gender_Type_Male' });
        await eventually(() => expect(events.of('profileUpdated').flatMap((e) => e.profiles).map((p) => p.nick)).to.include('<b>Bob</b>'));
        await eventually(async () => expect((await alice!.core.getConversation(C2C('bob'))).userProfile?.nick).to.equal('<b>Bob</b>'));
        await rejects(bob!.core.updateMyProfile({ gender: 'robot' as never }), 10004);
      });

      it('adds friends at once, by request, or not at all, per allowType', async () => {
        const [alice, bob, carol, dave] = await users('alice', 'bob', 'carol', 'dave');
        const bobEvents = new Recorder(bob!.core);
        expect(await alice!.core.addFriend({ userID: 'bob', remark: 'B' })).to.deep.equal({ userID: 'bob', result: 'added' });
        expect((await alice!.core.getFriendList()).map((f) => [f.userID, f.remark])).to.deep.equal([['bob', 'B']]);
        expect((await bob!.core.getFriendList()).map((f) => f.userID)).to.deep.equal(['alice']);
        await eventually(() => expect(bobEvents.last('friendListUpdated')?.friendList.map((f) => f.userID)).to.deep.equal(['alice']));
        await rejects(alice!.core.addFriend({ userID: 'bob' }), 30001);

        await carol!.core.updateMyProfile({ allowType: 'AllowType_Type_NeedConfirm' });
        expect(await alice!.core.addFriend({ userID: 'carol', wording: 'hi, it is alice' })).to.deep.equal({ userID: 'carol', result: 'pending' });
        expect((await carol!.core.getFriendApplicationList()).map((a) => [a.userID, a.type, a.wording])).to.deep.equal([['alice', 'Pendency_Type_ComeIn', 'hi, it is alice']]);
        expect((await alice!.core.getFriendApplicationList()).map((a) => [a.userID, a.type])).to.deep.equal([['carol', 'Pendency_Type_SendOut']]);
        await carol!.core.acceptFriendApplication({ userID: 'alice', remark: 'Al' });
        expect((await carol!.core.getFriendList()).map((f) => [f.userID, f.remark])).to.deep.equal([['alice', 'Al']]);
        expect((await alice!.core.getFriendList()).map((f) => f.userID).sort()).to.deep.equal(['bob', 'carol']);
        expect(await carol!.core.getFriendApplicationList()).to.deep.equal([]);
        await rejects(carol!.core.acceptFriendApplication({ userID: 'alice' }), 30001);

        await dave!.core.updateMyProfile({ allowType: 'AllowType_Type_NeedConfirm' });
        await alice!.core.addFriend({ userID: 'dave' });
        await dave!.core.refuseFriendApplication('alice');
        expect(await dave!.core.getFriendList()).to.deep.equal([]);
        expect(await alice!.core.getFriendApplicationList()).to.deep.equal([]);
        await dave!.core.updateMyProfile({ allowType: 'AllowType_Type_DenyAny' });
        await rejects(alice!.core.addFriend({ userID: 'dave' }), 30516);

        await alice!.core.updateFriendRemark('bob', 'Bobby');
        expect((await alice!.core.getConversation(C2C('bob'))).remark).to.equal('Bobby');
        await rejects(alice!.core.updateFriendRemark('dave', 'x'), 30001);
        const removed = await alice!.core.deleteFriend(['bob', 'dave']);
        expect(removed.successUserIDList).to.deep.equal(['bob']);
        expect(removed.failureUserIDList).to.deep.equal([{ userID: 'dave', code: 30001 }]);
        expect((await bob!.core.getFriendList())).to.deep.equal([]);
      });

      it('blocks: no friend requests either way, no messages to the blocker, friendship ends', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(alice!.core);
        await alice!.core.addFriend({ userID: 'bob' });
        await alice!.core.addToBlacklist(['bob']);
        expect(await alice!.core.getBlacklist()).to.deep.equal(['bob']);
        await eventually(() => expect(events.last('blacklistUpdated')).to.deep.equal({ userIDList: ['bob'] }));
        expect(await alice!.core.getFriendList()).to.deep.equal([]);
        expect(await bob!.core.getFriendList()).to.deep.equal([]);
        await rejects(alice!.core.addFriend({ userID: 'bob' }), 30515);
        await rejects(bob!.core.addFriend({ userID: 'alice' }), 30525);
        await rejects(send(bob!.core, C2C('alice'), 'hey'), 20007);
        await rejects(alice!.core.addToBlacklist(['alice']), 2742);
        await alice!.core.removeFromBlacklist(['bob']);
        expect(await alice!.core.getBlacklist()).to.deep.equal([]);
        await send(bob!.core, C2C('alice'), 'hello again');
        expect((await history(alice!.core, C2C('bob'))).map(textOf)).to.deep.equal(['hello again']);
      });

      it('reports online status', async () => {
        const [alice, bob] = await users('alice', 'bob');
        const events = new Recorder(alice!.core);
        await eventually(async () => expect(await alice!.core.getUserStatus(['bob', 'alice', 'ghost'])).to.deep.equal([
          { userID: 'bob', online: true },
          { userID: 'alice', online: true },
          { userID: 'ghost', online: false },
        ]));
        await bob!.core.logout();
        await eventually(() => expect(events.of('userStatusUpdated').flatMap((e) => e.statuses)).to.deep.include({ userID: 'bob', online: false }));
        expect(await alice!.core.getUserStatus(['bob'])).to.deep.equal([{ userID: 'bob', online: false }]);
      });
    });

    // ───────────────────────────── groups ─────────────────────────────
    describe('groups', () => {
      const tipsOf = async (core: ChatCore, groupID: string) =>
        (await history(core, GROUP(groupID))).filter((m) => m.type === 'TIMGroupTipElem').map((m) => m.payload as GroupTipPayload);

      it('creates a group everyone sees, with roles and a join tip', async () => {
        const [alice, bob, carol] = await users('alice', 'bob', 'carol');
        const events = new Recorder(bob!.core);
        const group = await alice!.core.createGroup({ name: '产品团队', type: 'Private', groupID: 'team', memberList: ['bob', 'carol'] });
        expect(group).to.include({ groupID: 'team', name: '产品团队', type: 'Private', ownerID: 'alice', memberCount: 3, selfRole: 'Owner' });
        expect((await bob!.core.getJoinedGroupList()).map((g) => [g.groupID, g.selfRole])).to.deep.equal([['team', 'Member']]);
        await eventually(() => expect(events.last('groupListUpdated')?.groupList.map((g) => g.groupID)).to.deep.equal(['team']));
        const page = await carol!.core.getGroupMemberList('team');
        expect(page.memberList.map((m) => [m.userID, m.role])).to.deep.equal([['alice', 'Owner'], ['bob', 'Member'], ['carol', 'Member']]);
        expect(page.offset).to.equal(0);
        const [tip] = await tipsOf(carol!.core, 'team');
        expect(tip).to.include({ operationType: 1, operatorID: 'alice' });
        expect(tip!.userIDList).to.have.members(['alice', 'bob', 'carol']);
        await rejects(alice!.core.createGroup({ name: 'again', type: 'Private', groupID: 'team' }), 10021);
        await rejects(alice!.core.createGroup({ name: 'x'.repeat(31), type: 'Private' }), 10004);
        await rejects(alice!.core.getGroupProfile('ghost'), 10010);
      });

      it('enforces roles: profile, admins, kicks, mutes, name cards', async () => {
        const [alice, bob, carol, dave] = await users('alice', 'bob', 'carol', 'dave');
        await alice!.core.createGroup({ name: 'Public', type: 'Public', groupID: 'pub', memberList: ['bob', 'carol'] });
        await rejects(bob!.core.updateGroupProfile('pub', { name: 'mine now' }), 10007);
        await rejects(bob!.core.addGroupMembers('pub', ['dave']), 10007);
        await rejects(bob!.core.setGroupMemberRole('pub', 'carol', 'Admin'), 10007);
        await alice!.core.setGroupMemberRole('pub', 'bob', 'Admin');
        expect((await bob!.core.getGroupProfile('pub')).selfRole).to.equal('Admin');
        const updated = await bob!.core.updateGroupProfile('pub', { name: 'Renamed', notification: 'Be nice' });
        expect(updated).to.include({ name: 'Renamed', notification: 'Be nice' });
        await bob!.core.addGroupMembers('pub', ['dave']);
        await rejects(bob!.core.addGroupMembers('pub', ['dave']), 10013);
        await rejects(bob!.core.setGroupMemberRole('pub', 'carol', 'Admin'), 10007);

        await bob!.core.setGroupMemberMuteTime('pub', 'carol', 60);
        await rejects(send(carol!.core, GROUP('pub'), 'muted?'), 10017);
        const [carolMember] = await alice!.core.getGroupMembers('pub', ['carol']);
        expect(carolMember!.muteUntil).to.be.above(alice!.core.getServerTime());
        await bob!.core.setGroupMemberMuteTime('pub', 'carol', 0);
        await send(carol!.core, GROUP('pub'), 'free again');
        await rejects(bob!.core.setGroupMemberMuteTime('pub', 'alice', 60), 10007);

        await bob!.core.updateGroupProfile('pub', { muteAllMembers: true });
        await rejects(send(dave!.core, GROUP('pub'), 'shh'), 10017);
        await send(bob!.core, GROUP('pub'), 'admins may speak');
        await bob!.core.updateGroupProfile('pub', { muteAllMembers: false });

        await carol!.core.setGroupMemberNameCard('pub', 'carol', 'Carol (QA)');
        await rejects(carol!.core.setGroupMemberNameCard('pub', 'dave', 'x'), 10007);
        const said = await send(carol!.core, GROUP('pub'), 'named');
        expect(said.nameCard).to.equal('Carol (QA)');

        await rejects(bob!.core.removeGroupMembers('pub', ['alice']), 10007);
        await bob!.core.removeGroupMembers('pub', ['dave']);
        expect((await dave!.core.getJoinedGroupList())).to.deep.equal([]);
        await rejects(send(dave!.core, GROUP('pub'), 'still here?'), 10007);
        const tips = await tipsOf(alice!.core, 'pub');
        expect(tips.map((t) => t.operationType)).to.deep.equal([1, 4, 6, 1, 7, 7, 6, 6, 3]);
        expect(tips[4]!.memberList).to.deep.equal([{ userID: 'carol', muteTime: 60 }]);
      });

      it('quits, transfers and dismisses with the owner rules', async () => {
        const [alice, bob, carol] = await users('alice', 'bob', 'carol');
        const events = new Recorder(carol!.core);
        await alice!.core.createGroup({ name: 'Temp', type: 'ChatRoom', groupID: 'temp', memberList: ['bob', 'carol'] });
        await rejects(alice!.core.quitGroup('temp'), 10007);
        await carol!.core.quitGroup('temp');
        expect((await alice!.core.getGroupProfile('temp')).memberCount).to.equal(2);
        await rejects(bob!.core.changeGroupOwner('temp', 'bob'), 10007);
        await alice!.core.changeGroupOwner('temp', 'bob');
        expect((await alice!.core.getGroupProfile('temp'))).to.include({ ownerID: 'bob', selfRole: 'Member' });
        await rejects(alice!.core.dismissGroup('temp'), 10007);
        await alice!.core.addGroupMembers('temp', ['carol']).catch(() => undefined);
        await bob!.core.dismissGroup('temp');
        await rejects(alice!.core.getGroupProfile('temp'), 10010);
        expect(await alice!.core.getJoinedGroupList()).to.deep.equal([]);
        expect((await alice!.core.getConversationList()).map((c) => c.conversationID)).not.to.include(GROUP('temp'));
        await eventually(() => expect(events.of('groupMemberUpdated').some((e) => e.removedUserIDs.includes('carol'))).to.equal(true));
      });

      it('tracks @-mentions, group unread and read receipts', async () => {
        const [alice, bob, carol] = await users('alice', 'bob', 'carol');
        const senderEvents = new Recorder(alice!.core);
        await alice!.core.createGroup({ name: 'Team', type: 'Private', groupID: 'g', memberList: ['bob', 'carol'] });
        const atBob = await send(alice!.core, GROUP('g'), { type: 'TIMTextElem', payload: { text: '@bob look' }, atUserList: ['bob'] });
        const atAll = await send(alice!.core, GROUP('g'), { type: 'TIMTextElem', payload: { text: '@all standup' }, atUserList: [AT_ALL] }, { needReadReceipt: true });
        await eventually(async () => {
          const bobConversation = await bob!.core.getConversation(GROUP('g'));
          expect(bobConversation.unreadCount).to.equal(2);
          expect(bobConversation.groupAtInfoList).to.deep.equal([{ messageID: atBob.ID, atType: 1 }, { messageID: atAll.ID, atType: 2 }]);
          expect((await carol!.core.getConversation(GROUP('g'))).groupAtInfoList).to.deep.equal([{ messageID: atAll.ID, atType: 2 }]);
        });
        expect(atAll.readReceiptInfo).to.deep.equal({ readCount: 0, unreadCount: 2 });
        await bob!.core.markConversationRead(GROUP('g'));
        expect((await bob!.core.getConversation(GROUP('g'))).groupAtInfoList).to.deep.equal([]);
        await eventually(() => {
          const update = senderEvents.messages('messageUpdated').filter((m) => m.ID === atAll.ID).at(-1);
          expect(update?.readReceiptInfo).to.deep.equal({ readCount: 1, unreadCount: 1 });
        });
        expect(await alice!.core.getGroupMessageReadMembers(atAll.ID)).to.deep.equal({ read: ['bob'], unread: ['carol'] });
        await rejects(bob!.core.getGroupMessageReadMembers(atAll.ID), 2105);
        await alice!.core.createGroup({ name: 'Live', type: 'AVChatRoom', groupID: 'live' });
        await rejects(send(alice!.core, GROUP('live'), { type: 'TIMTextElem', payload: { text: 'all' }, atUserList: [AT_ALL] }), 10004);
        await rejects(send(bob!.core, GROUP('live'), 'not a member'), 10007);
      });

      it('lets the sender and admins recall group messages, not other members', async () => {
        const [alice, bob, carol] = await users('alice', 'bob', 'carol');
        await alice!.core.createGroup({ name: 'R', type: 'Private', groupID: 'r', memberList: ['bob', 'carol'] });
        const fromCarol = await send(carol!.core, GROUP('r'), 'spam');
        await eventually(() => bob!.core.getMessage(GROUP('r'), fromCarol.ID));
        await rejects(bob!.core.revokeMessage(fromCarol.ID), 10007);
        await alice!.core.revokeMessage(fromCarol.ID);
        const recalled = await carol!.core.getMessage(GROUP('r'), fromCarol.ID);
        expect(recalled.isRevoked).to.equal(true);
        expect(recalled.revoker?.userID).to.equal('alice');
      });
    });
  });
}
