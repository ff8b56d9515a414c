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
          { type: 'TIMImageElem', payload: { file: pngBlob() } },
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
  });
}
