/**
 * TencentCore over the scripted SDK stand-in (`tencent-stand-in.ts`): the whole contract suite, then what
 * is specific to the Tencent adapter and to the SDK's documented behaviour. No traffic leaves the machine.
 */
import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import type { GroupTipPayload } from '../../src/core/index.js';
import { createTencentCore, type TencentCore, type TencentCoreOptions } from '../../src/core/tencent/index.js';
import { decodeUserSig, genTestUserSigUNSAFE, userSigHmac } from '../../src/core/tencent/debug-usersig.js';
import { runCoreContract, type CoreInstance, type CoreWorld } from './contract.js';
import { deleteDatabase, eventually, history, pngBlob, Recorder, rejects, send, sleep, textDraft, throwsCode } from './helpers.js';
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

describe('TencentCore', function () {
  this.timeout(20_000);
  let world: TencentWorld;
  afterEach(async () => {
    await world?.dispose();
  });
  const login = async (userID: string, options?: Parameters<TencentWorld['open']>[0]) => {
    const instance = await world.open(options);
    await instance.core.login({ userID });
    return instance;
  };
  /** The stand-in SDK instance of a device. */
  const sdkOf = (device: StandInDevice) => device.instances.get(SDKAppID)!;
  const sigAt = (userID: string, time: number, expireSeconds = 86400) => genTestUserSigUNSAFE({ SDKAppID, secretKey: SECRET, userID, time, expireSeconds });
  const now = () => Math.floor(Date.now() / 1000);

  describe('session', () => {
    it('is kind "tencent", loads the SDK through `sdk`, and registers the upload plugin', async () => {
      world = await tencentWorld();
      const { core, device } = await world.open();
      expect(core.kind).to.equal('tencent');
      expect(core.capabilities.mediaMessages).to.equal(true);
      expect(device.instances.size).to.equal(1);
      const bare = await world.open({ core: { uploadPlugin: undefined } });
      expect(bare.core.capabilities.mediaMessages).to.equal(false);
      await bare.core.login({ userID: 'alice' });
      throwsCode(() => bare.core.createMessage({ conversationID: 'C2Cbob', draft: { type: 'TIMImageElem', payload: { file: pngBlob() } } }), 2040);
      expect(bare.core.createMessage({ conversationID: 'C2Cbob', draft: textDraft('text still works') }).status).to.equal('unSend');
    });

    it('asks the UserSig provider once more when the ticket expired, never in a loop', async () => {
      world = await tencentWorld();
      const asked: string[] = [];
      const { core } = await world.open({
        core: {
          getUserSig: async (userID) => {
            asked.push(userID);
            return asked.length === 1 ? sigAt(userID, now() - 10 * 86400) : sigAt(userID, now());
          },
        },
      });
      await core.login({ userID: 'alice' });
      expect(asked).to.deep.equal(['alice', 'alice']);
      expect(core.isReady()).to.equal(true);

      const always: string[] = [];
      const stale = await world.open({
        core: {
          getUserSig: async (userID) => {
            always.push(userID);
            return sigAt(userID, now() - 10 * 86400);
          },
        },
      });
      await rejects(stale.core.login({ userID: 'bob' }), 70001);
      expect(always).to.have.length(2);
      expect(stale.core.isReady()).to.equal(false);
      await rejects(stale.core.getConversationList(), 2024);
      // A forged ticket is refused as invalid, and is not an expiry: no second ask.
      const forged: string[] = [];
      const wrong = await world.open({ core: { getUserSig: async (userID) => (forged.push(userID), sigAt('mallory', now())) } });
      await rejects(wrong.core.login({ userID: 'carol' }), 70003);
      expect(forged).to.have.length(1);
    });

    it('after a userSigExpired kick, the next login asks for a fresh UserSig', async () => {
      world = await tencentWorld();
      let asked = 0;
      const { core, faults } = await world.open({ core: { getUserSig: async (userID) => (asked++, sigAt(userID, now())) } });
      await core.login({ userID: 'alice' });
      await core.logout();
      await core.login({ userID: 'alice' });
      expect(asked).to.equal(1); // the cached ticket is still good
      const events = new Recorder(core);
      faults.expireTicket();
      await eventually(() => expect(events.of('kickedOut')).to.deep.equal([{ reason: 'userSigExpired' }]));
      expect(events.of('notReady')).to.deep.equal([{ reason: 'userSigExpired' }]);
      await core.login({ userID: 'alice' });
      expect(asked).to.equal(2);
    });

    it('passes the not-ready codes through: 3000 while logging in, 2024 after logout, the kick code after a kick', async () => {
      world = await tencentWorld();
      const { core, faults, device } = await world.open();
      // A slow login, and no fixed sleep: the adapter asks for the ticket before the SDK's login starts, which
      // takes longer on a busy machine (a 10 ms sleep then found the SDK not yet logging in: 2024).
      faults.set({ latencyMs: 1000 });
      const logging = core.login({ userID: 'alice' });
      const sdk = sdkOf(device);
      await eventually(() => rejects(sdk.getConversationList() as Promise<unknown>, 3000));
      await rejects(core.getConversationList(), 3000);
      throwsCode(() => core.createMessage({ conversationID: 'C2Cbob', draft: textDraft('x') }), 3000);
      // The SDK itself rejects every API with the reason as the code, create* included.
      await rejects(sdk.getConversationList() as Promise<unknown>, 3000);
      await rejects(sdk.createTextMessage({ to: 'bob', conversationType: 'C2C' as never, payload: { text: 'x' } }) as unknown as Promise<unknown>, 3000);
      await logging;
      faults.reset();
      await core.logout();
      await rejects(sdk.getConversationList() as Promise<unknown>, 3005);
      await rejects(core.getConversationList(), 2024);
      await core.login({ userID: 'alice' });
      faults.kickOut('multipleDevice');
      await eventually(() => expect(core.isReady()).to.equal(false));
      await rejects(sdk.getMyProfile() as Promise<unknown>, 3002);
      await rejects(core.getMyProfile(), 3002);
    });
  });

  describe('the SDK behaviour the adapter copes with', () => {
    it('events come as {name, data}; MESSAGE_RECEIVED never for own sends; results as {code: 0, data}', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      const seen: Array<{ name: string; data: unknown }> = [];
      const own: unknown[] = [];
      sdkOf(bob.device).on('onMessageReceived', (event: { name: string; data: unknown }) => seen.push(event));
      sdkOf(alice.device).on('onMessageReceived', (event: unknown) => own.push(event));
      const sent = await send(alice.core, 'C2Cbob', 'envelope');
      await eventually(() => expect(seen).to.have.length(1));
      expect(seen[0]!.name).to.equal('onMessageReceived');
      expect((seen[0]!.data as Array<{ ID: string }>).map((m) => m.ID)).to.deep.equal([sent.ID]);
      expect(own).to.deep.equal([]);
      const result = (await sdkOf(bob.device).getConversationList()) as { code: number; data: { conversationList: unknown[] } };
      expect(result.code).to.equal(0);
      expect(result.data.conversationList).to.have.length(1);
      const refused = await rejects(sdkOf(bob.device).getGroupProfile({ groupID: 'nope' }) as Promise<unknown>, 10010);
      expect(refused).to.have.property('message').that.is.a('string');
    });

    it('throttled list events are coalesced snapshots, recomputed when they are emitted', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      const raw: Array<{ at: number; data: Array<{ unreadCount: number }> }> = [];
      sdkOf(alice.device).on('onConversationListUpdated', (event: { data: Array<{ unreadCount: number }> }) => raw.push({ at: Date.now(), data: event.data }));
      await sleep(1100); // past the login's own snapshots
      raw.length = 0;
      const events = new Recorder(alice.core);
      const started = Date.now();
      for (let i = 0; i < 12; i++) await send(bob.core, 'C2Calice', `burst ${i}`);
      await eventually(() => expect(events.last('conversationListUpdated')?.conversationList[0]?.unreadCount).to.equal(12), 4000);
      // Far fewer snapshots than changes, at most one a second after the first, each a whole list.
      const elapsed = (Date.now() - started) / 1000;
      expect(raw.length).to.be.below(12);
      expect(raw.length).to.be.at.most(Math.ceil(elapsed) + 2);
      const unread = raw.map(({ data }) => data[0]?.unreadCount ?? 0);
      expect(unread).to.deep.equal([...unread].sort((a, b) => a - b));
      expect(unread.at(-1)).to.equal(12);
      expect(events.of('conversationListUpdated')).to.have.length(raw.length);
      await eventually(() => expect(events.last('totalUnreadCountUpdated')).to.deep.equal({ count: 12 }));
    });

    it('asks the SDK for at most 15 a page and loops to honour a larger count', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      const sent: string[] = [];
      for (let i = 0; i < 40; i++) sent.push((await send(bob.core, 'C2Calice', `m${i}`)).ID);
      const sdk = sdkOf(alice.device);
      const original = sdk.getMessageList.bind(sdk);
      const pages: Array<{ asked: number; got: number }> = [];
      sdk.getMessageList = async (options) => {
        const result = (await original(options)) as { data: { messageList: unknown[] } };
        pages.push({ asked: Number((options as { count?: number }).count), got: result.data.messageList.length });
        return result;
      };
      const page = await alice.core.getMessageList({ conversationID: 'C2Cbob', count: 40 });
      expect(page.messageList.map((m) => m.ID)).to.deep.equal(sent);
      expect(page.isCompleted).to.equal(true);
      expect(pages.every((p) => p.asked <= 15 && p.got <= 15)).to.equal(true);
      expect(pages.map((p) => p.got)).to.deep.equal([15, 15, 10]);
      // The SDK clamps a larger count by itself.
      pages.length = 0;
      await sdk.getMessageList({ conversationID: 'C2Cbob', count: 50 } as never);
      expect(pages[0]!.got).to.equal(15);
    });

    it('addFriend resolving with 30539 is "pending", not "added"', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const carol = await login('carol');
      await carol.core.updateMyProfile({ allowType: 'AllowType_Type_NeedConfirm' });
      const raw = (await sdkOf(alice.device).addFriend({ to: 'carol', source: 'AddSource_Type_Web' })) as { code: number; data: { userID: string; code: number } };
      expect(raw).to.deep.include({ code: 0 });
      expect(raw.data).to.include({ userID: 'carol', code: 30539 });
      await carol.core.refuseFriendApplication('alice');
      expect(await alice.core.addFriend({ userID: 'carol' })).to.deep.equal({ userID: 'carol', result: 'pending' });
    });

    it('typing messages stored by an older client stay out of history, previews and events', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      const events = new Recorder(alice.core);
      const sdk = sdkOf(bob.device);
      // Sent without onlineUserOnly: the service stores it; the adapter must still treat it as typing.
      const typing = sdk.createCustomMessage({
        to: 'alice',
        conversationType: 'C2C' as never,
        payload: { data: JSON.stringify({ businessID: 'user_typing_status', typingStatus: 1, version: 1, userAction: 14, actionParam: 'EIMAMSG_InputStatus_Ing' }), description: '', extension: '' },
      });
      await sdk.sendMessage(typing);
      await eventually(() => expect(events.of('typingStatus')).to.deep.equal([{ conversationID: 'C2Cbob', userID: 'bob', typing: true }]));
      expect(events.messages('messageReceived')).to.deep.equal([]);
      expect((await alice.core.getMessageList({ conversationID: 'C2Cbob' })).messageList).to.deep.equal([]);
      expect((await alice.core.getConversation('C2Cbob')).lastMessage).to.equal(null);
    });

    it('group tips become groupProfileUpdated and groupMemberUpdated', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      await login('carol');
      await alice.core.createGroup({ name: 'Tips', type: 'Public', groupID: 'tips', memberList: ['bob', 'carol'] });
      const events = new Recorder(bob.core);
      await alice.core.updateGroupProfile('tips', { name: 'Renamed' });
      await eventually(() => expect(events.of('groupProfileUpdated').map((e) => e.groups[0]!.name)).to.include('Renamed'));
      await alice.core.setGroupMemberMuteTime('tips', 'bob', 60);
      await eventually(() => {
        const muted = events.of('groupMemberUpdated').flatMap((e) => e.members).filter((m) => m.userID === 'bob').at(-1);
        expect(muted?.muteUntil).to.be.above(bob.core.getServerTime());
      });
      await alice.core.setGroupMemberRole('tips', 'bob', 'Admin');
      await eventually(() => expect(events.of('groupProfileUpdated').at(-1)?.groups[0]?.selfRole).to.equal('Admin'));
      await alice.core.removeGroupMembers('tips', ['carol']);
      await eventually(() => expect(events.of('groupMemberUpdated').some((e) => e.removedUserIDs.includes('carol'))).to.equal(true));
      // The tip's new name travels as the service's `groupName` and arrives as `name`.
      const tips = (await history(bob.core, 'GROUPtips')).filter((m) => m.type === 'TIMGroupTipElem').map((m) => m.payload as GroupTipPayload);
      expect(tips.find((t) => t.operationType === 6)?.newGroupProfile).to.deep.equal({ name: 'Renamed' });
    });

    it('carries an image file name in cloudCustomData and hands the app its own cloudCustomData back', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      const raw: Array<{ payload: Record<string, unknown>; cloudCustomData: string }> = [];
      sdkOf(bob.device).on('onMessageReceived', (event: { data: typeof raw }) => raw.push(...event.data));
      const events = new Recorder(bob.core);
      const reply = JSON.stringify({ messageReply: { messageID: 'x', version: 1 } });
      const echo = alice.core.createMessage({ conversationID: 'C2Cbob', draft: { type: 'TIMImageElem', payload: { file: pngBlob(), fileName: 'red.png' } }, cloudCustomData: reply });
      expect(echo.cloudCustomData).to.equal(reply);
      await alice.core.sendMessage(echo.ID);
      const [image] = await eventually(() => {
        const list = events.messages('messageReceived');
        expect(list).to.have.length(1);
        return list;
      });
      expect(image!.cloudCustomData).to.equal(reply);
      // Plain copies out, never the SDK's instances.
      expect(structuredClone(image)).to.deep.equal(image);
      expect(bob.core.findMessage(image!.ID)).not.to.equal(image);
      expect(Object.getPrototypeOf(image)).to.equal(Object.prototype);
      if (image!.type !== 'TIMImageElem') throw new Error('image');
      expect(image!.payload.fileName).to.equal('red.png');
      expect(raw[0]!.payload).not.to.have.property('fileName');
      expect(JSON.parse(raw[0]!.cloudCustomData)).to.deep.equal({ messageReply: { messageID: 'x', version: 1 }, timElements: { fileName: 'red.png' } });
    });

    it('global cloud search: the service lists a multi-hit conversation by count, the adapter fills it in', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      for (const text of ['apple one', 'apple two', 'apple three']) await send(bob.core, 'C2Calice', text);
      const raw = (await sdkOf(alice.device).searchCloudMessages({ keywordList: ['apple'] })) as { data: { searchResultList: Array<{ messageCount: number; messageList: unknown[] }> } };
      expect(raw.data.searchResultList.map((r) => [r.messageCount, r.messageList.length])).to.deep.equal([[3, 0]]);
      const result = await alice.core.searchMessages({ keywordList: ['apple'] });
      expect(result.resultList.map((r) => [r.conversationID, r.messageCount, r.messageList.length])).to.deep.equal([['C2Cbob', 3, 3]]);
      expect(result.totalCount).to.equal(3);
    });

    it('without the cloud-search add-on (60020) the capability turns off and says so', async () => {
      world = await tencentWorld({ cloudSearch: false });
      const alice = await login('alice');
      const changes: boolean[] = [];
      alice.core.on('capabilitiesChanged', ({ capabilities }) => changes.push(capabilities.messageSearch));
      expect(alice.core.capabilities.messageSearch).to.equal(true);
      await rejects(alice.core.searchMessages({ keywordList: ['anything'] }), 60020);
      expect(alice.core.capabilities.messageSearch).to.equal(false);
      await rejects(alice.core.searchMessages({ keywordList: ['again'] }), 60020);
      await eventually(() => expect(changes).to.deep.equal([false]));
      expect((await alice.core.searchContacts('alice')).users.map((u) => u.userID)).to.deep.equal(['alice']);
    });

    it('a lost ack then a reload: the service had it, so it shows once as sent and the outbox forgets it', async () => {
      world = await tencentWorld();
      const alice = await login('alice');
      const bob = await login('bob');
      alice.faults.set({ dropAckAfterCommit: 1 });
      const echo = alice.core.createMessage({ conversationID: 'C2Cbob', draft: textDraft('once') });
      await rejects(alice.core.sendMessage(echo.ID), 2801);
      await alice.core.destroy();
      const again = await login('alice');
      expect((await again.core.getMessageList({ conversationID: 'C2Cbob' })).messageList.map((m) => [m.ID, m.status])).to.deep.equal([[echo.ID, 'success']]);
      expect((await history(bob.core, 'C2Calice')).map((m) => m.ID)).to.deep.equal([echo.ID]);
      await again.core.destroy();
      const third = await login('alice');
      expect((await third.core.getMessageList({ conversationID: 'C2Cbob' })).messageList.map((m) => [m.ID, m.status])).to.deep.equal([[echo.ID, 'success']]);
      await rejects(third.core.resendMessage(echo.ID), 2105);
    });
  });

  describe('debug UserSig (UNSAFE FOR PRODUCTION)', () => {
    it('makes a ticket the service accepts for that user only, and decodes to the documented fields', async () => {
      const sig = await genTestUserSigUNSAFE({ SDKAppID, secretKey: SECRET, userID: 'alice', time: 1700000000, expireSeconds: 604800 });
      expect(sig).to.match(/^[A-Za-z0-9*_-]+$/);
      const doc = await decodeUserSig(sig);
      expect(doc).to.include({ 'TLS.ver': '2.0', 'TLS.identifier': 'alice', 'TLS.sdkappid': SDKAppID, 'TLS.time': 1700000000, 'TLS.expire': 604800 });
      expect(doc['TLS.sig']).to.equal(await userSigHmac(SECRET, SDKAppID, 'alice', 1700000000, 604800));
    });
  });
});
