/**
 * The demo world, loaded with `import()` only when `createLocalCore({ seed: 'demo' })` asks for it.
 *
 * Applied once per database, in one transaction (so two tabs opening at once cannot both apply it), with
 * deterministic IDs and times relative to when it runs. `alice` is the main user: friends, a block, friend
 * requests both ways, pinned / muted / drafted / marked-unread conversations, an @me and an @all, unread
 * counts, and two weeks of history with every message type. Every other user sees their side of it.
 * `mallory` carries hostile data on purpose: the kit must render it as text.
 */
import type { GroupType, MessageType, UserID, UserProfile } from '../types.js';
import { AT_ALL } from '../validation.js';
import { newProfile, write, type Database, type GroupRecord, type WriteTx } from './database.js';
import { localUrl } from './media.js';
import { importMessages, type ImportedMessage } from './server/import.js';
import { svgPicture, wavChime, webmClip } from './seed-media.js';
// Reaching local-core.js, like every lazy module, keeps LocalCore's startup code in one chunk.
import './local-core.js';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type UserRow = [userID: UserID, nick: string, gender: 'F' | 'M' | '', signature: string, extra?: Partial<UserProfile>];
const USERS: UserRow[] = [
  ['alice', 'Alice Chen', 'F', 'Building chat things ✨'],
  ['bob', 'Bob Smith', 'M', 'Coffee first ☕'],
  ['carol', 'Carol Jones', 'F', 'QA at heart'],
  ['dave', 'Dave Miller', 'M', '', { allowType: 'AllowType_Type_NeedConfirm' }],
  ['lilei', '李雷', 'M', '今天也要加油'],
  ['hanmeimei', '韩梅梅', 'F', '周末去爬山'],
  ['wangfang', '王芳', 'F', ''],
  ['minji', '김민지', 'F', '오늘도 화이팅!'],
  ['jihoon', '이지훈', 'M', ''],
  ['seoyeon', '박서연', 'F', '', { allowType: 'AllowType_Type_NeedConfirm' }],
  ['echo', 'Echo Bot 🤖', '', 'I repeat what you say.', { customFields: { bot: 1 } }],
  ['zoe', 'Zoe Alexandra Montgomery-Worthington of the Extremely Long Display Names Society', 'F', 'Names can be long.', { allowType: 'AllowType_Type_DenyAny' }],
  ['mallory', '<img src=x onerror=alert(1)>\u202Eevil', 'M', '<script>alert("sig")</script>', { avatar: 'javascript:alert(1)', location: '<b>' }],
  ['spammer', 'Totally Legit Deals 💰', '', 'Click my links'],
];

const FRIENDS: Array<[UserID, UserID, string?]> = [
  ['alice', 'bob', 'Bob (work)'],
  ['alice', 'carol'],
  ['alice', 'lilei'],
  ['alice', 'hanmeimei'],
  ['alice', 'wangfang'],
  ['alice', 'minji'],
  ['alice', 'jihoon'],
  ['alice', 'echo'],
  ['alice', 'zoe'],
  ['alice', 'mallory'],
  ['bob', 'carol'],
  ['lilei', 'hanmeimei'],
  ['lilei', 'wangfang'],
  ['minji', 'jihoon'],
  ['minji', 'seoyeon'],
];

type GroupRow = [groupID: string, name: string, type: GroupType, owner: UserID, admins: UserID[], members: UserID[], introduction: string];
const GROUPS: GroupRow[] = [
  ['team', 'Product Team', 'Private', 'alice', ['bob'], ['carol', 'dave', 'lilei', 'minji'], 'Shipping the chat kit'],
  ['hiking', '周末爬山群', 'Public', 'lilei', ['hanmeimei'], ['alice', 'wangfang', 'bob'], '每周六早上八点集合'],
  ['study', '스터디 모임', 'ChatRoom', 'minji', ['jihoon'], ['seoyeon', 'alice'], '매주 수요일 저녁 스터디'],
  ['live', 'Live 直播间 라이브', 'AVChatRoom', 'zoe', [], ['alice', 'bob', 'minji', 'lilei', 'mallory'], 'Friday launch stream'],
  ['oss', 'Open Source 开源 커뮤니티', 'Community', 'alice', ['minji'], ['bob', 'carol', 'lilei', 'hanmeimei', 'jihoon', 'zoe', 'mallory'], 'Everyone welcome'],
];

const EN = [
  'Morning! Did you see the build?',
  'Yes, all green 🎉',
  'Can we move the sync to 3pm?',
  'Sure, works for me.',
  'I pushed the fix for the scroll jump.',
  'Nice, testing it now.',
  'Lunch?',
  'Give me 10 minutes 🍜',
  'The docs are at https://cloud.tencent.com/document/product/269',
  'Reviewing your PR today.',
  'Thanks!! 🙏',
  'Is the demo ready for Friday?',
  'Almost, just the search page left.',
  'Ping me when it is up.',
  'Heading out, see you tomorrow 👋',
  'Good night!',
];
const ZH = [
  '早上好！今天天气不错',
  '周末一起去爬山吗？⛰️',
  '好啊，几点集合？',
  '八点在地铁站见',
  '我带点水果 🍉',
  '记得带伞，可能下雨',
  '收到 👍',
  '这家餐厅很好吃，推荐！',
  '下周的会议改到周三了',
  '明白，谢谢提醒',
  '照片发群里吧',
  '哈哈哈太好笑了 😂',
];
const KO = [
  '안녕하세요! 잘 지내셨어요?',
  '네, 덕분에 잘 지내요 😊',
  '이번 주 스터디 자료 공유할게요',
  '감사합니다!',
  '수요일 저녁 7시 맞죠?',
  '네 맞아요, 늦지 마세요 ⏰',
  '커피 한잔 할래요? ☕',
  '좋아요, 어디서 볼까요?',
  '오늘 발표 정말 좋았어요 👏',
  '다음 주에 봐요!',
];
const HOSTILE = [
  '<script>alert("xss")</script>',
  '[click me](javascript:alert(document.cookie))',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  'Totally normal text\u202Eevil\u202C and a z\u200Bero-width',
  '&lt;b&gt;not bold&lt;/b&gt; &amp; friends',
  '"><svg onload=alert(1)>',
];

/** A conversation script: who talks, in which language, how much, how long ago it ended. */
interface Script {
  to: string;
  group?: boolean;
  speakers: UserID[];
  lines: string[];
  count: number;
  /** Hours before now of the last message. */
  endHours: number;
}
const SCRIPTS: Script[] = [
  { to: 'bob', speakers: ['alice', 'bob'], lines: EN, count: 96, endHours: 2 },
  { to: 'lilei', speakers: ['lilei', 'alice'], lines: ZH, count: 44, endHours: 0.5 },
  { to: 'minji', speakers: ['minji', 'alice'], lines: KO, count: 36, endHours: 5 },
  { to: 'carol', speakers: ['carol', 'alice'], lines: EN, count: 22, endHours: 8 },
  { to: 'hanmeimei', speakers: ['hanmeimei', 'alice'], lines: ZH, count: 14, endHours: 30 },
  { to: 'wangfang', speakers: ['wangfang', 'alice'], lines: ZH, count: 10, endHours: 60 },
  { to: 'jihoon', speakers: ['jihoon', 'alice'], lines: KO, count: 12, endHours: 50 },
  { to: 'zoe', speakers: ['zoe', 'alice'], lines: EN, count: 8, endHours: 120 },
  { to: 'team', group: true, speakers: ['alice', 'bob', 'carol', 'dave', 'lilei', 'minji'], lines: EN, count: 50, endHours: 1 },
  { to: 'hiking', group: true, speakers: ['lilei', 'hanmeimei', 'wangfang', 'alice'], lines: ZH, count: 28, endHours: 3 },
  { to: 'study', group: true, speakers: ['minji', 'jihoon', 'seoyeon', 'alice'], lines: KO, count: 24, endHours: 20 },
  { to: 'live', group: true, speakers: ['zoe', 'bob', 'minji', 'lilei'], lines: EN, count: 14, endHours: 70 },
  { to: 'oss', group: true, speakers: ['alice', 'minji', 'bob', 'lilei', 'hanmeimei', 'jihoon'], lines: [...EN.slice(0, 6), ...ZH.slice(0, 4), ...KO.slice(0, 4)], count: 20, endHours: 26 },
  // Conversations alice is not in, so other users have a world of their own.
  { to: 'carol', speakers: ['bob', 'carol'], lines: EN, count: 12, endHours: 6 },
  { to: 'hanmeimei', speakers: ['lilei', 'hanmeimei'], lines: ZH, count: 12, endHours: 9 },
  { to: 'jihoon', speakers: ['minji', 'jihoon'], lines: KO, count: 10, endHours: 11 },
];

/** Deterministic jitter (no Math.random: the same seed every time). */
const jitter = (n: number) => ((n * 2654435761) % 997) / 997;

const reply = (messageID: string, messageAbstract: string, messageSender: string) =>
  JSON.stringify({ messageReply: { messageID, messageAbstract, messageSender, messageType: 1, version: 1 } });

export async function applyDemoSeed(db: Database, now: number): Promise<void> {
  const nowSeconds = Math.floor(now / 1000);
  const ago = (seconds: number) => nowSeconds - Math.round(seconds);
  // Blobs are made before the transaction: nothing but IndexedDB may be awaited inside it.
  const blobs: Record<string, Blob> = {
    'seed-photo': svgPicture(640, 480, 200, 'Shenzhen Bay at dusk'),
    'seed-photo-2': svgPicture(480, 640, 20, '周末爬山 ⛰️'),
    'seed-poster': svgPicture(96, 64, 280, 'demo'),
    'seed-clip': webmClip(),
    'seed-chime': wavChime(),
    'seed-notes': new Blob(['Meeting notes\n\n- ship the kit\n- write the tests\n'], { type: 'text/plain' }),
    'seed-hostile-file': new Blob(['not really an exe'], { type: 'application/octet-stream' }),
  };
  const sizes = Object.fromEntries(Object.entries(blobs).map(([k, b]) => [k, b.size]));
  await write(db, async (tx) => {
    if ((await tx.objectStore('meta').get('seed')) === 'demo') return;
    await writeDirectory(tx, nowSeconds);
    for (const [uuid, blob] of Object.entries(blobs)) await tx.objectStore('blobs').put(blob, uuid);
    const [history, fresh] = messages(ago, sizes);
    await importMessages(tx, history, now, true);
    await importMessages(tx, fresh, now, false);
    await shapeConversations(tx);
    await tx.objectStore('meta').put('demo', 'seed');
  });
}

async function writeDirectory(tx: WriteTx, nowSeconds: number): Promise<void> {
  for (const [userID, nick, gender, selfSignature, extra] of USERS)
    await tx.objectStore('users').put({
      ...newProfile(userID),
      nick,
      selfSignature,
      gender: gender === 'F' ? 'Gender_Type_Female' : gender === 'M' ? 'Gender_Type_Male' : 'Gender_Type_Unknown',
      ...extra,
    });
  const since = nowSeconds - 30 * DAY;
  for (const [a, b, remark = ''] of FRIENDS) {
    await tx.objectStore('friends').put({ owner: a, userID: b, remark, time: since });
    await tx.objectStore('friends').put({ owner: b, userID: a, remark: '', time: since });
  }
  await tx.objectStore('blocks').put({ owner: 'alice', userID: 'spammer' });
  await tx.objectStore('applications').put({ from: 'dave', to: 'alice', wording: 'Hi Alice, we met at the conference!', remark: '', time: nowSeconds - 3 * HOUR });
  await tx.objectStore('applications').put({ from: 'alice', to: 'seoyeon', wording: '안녕하세요, Alice예요', remark: '서연', time: nowSeconds - DAY });
  for (const [groupID, name, type, owner, admins, members, introduction] of GROUPS) {
    const group: GroupRecord = {
      groupID,
      name,
      avatar: '',
      type,
      introduction,
      notification: type === 'Public' ? '周六 8:00 地铁站 A 口集合' : '',
      ownerID: owner,
      maxMemberCount: type === 'Community' ? 100000 : type === 'AVChatRoom' ? 0 : 2000,
      muteAllMembers: false,
      createTime: since,
    };
    await tx.objectStore('groups').put(group);
    for (const userID of [owner, ...admins, ...members])
      await tx.objectStore('members').put({
        groupID,
        userID,
        role: userID === owner ? 'Owner' : admins.includes(userID) ? 'Admin' : 'Member',
        nameCard: userID === 'bob' && groupID === 'team' ? 'Bob · Backend' : '',
        joinTime: since,
        muteUntil: userID === 'dave' && groupID === 'team' ? nowSeconds + 2 * HOUR : 0,
      });
  }
}

/** [read history, unread tail]. */
function messages(ago: (seconds: number) => number, sizes: Record<string, number>): [ImportedMessage[], ImportedMessage[]] {
  const history: ImportedMessage[] = [];
  const fresh: ImportedMessage[] = [];
  const text = (text: string) => ({ text });
  const c2c = (from: UserID, to: UserID, secondsAgo: number, type: MessageType, payload: unknown, extra: Partial<ImportedMessage> = {}): ImportedMessage => ({
    from,
    to,
    time: ago(secondsAgo),
    type,
    payload,
    ...extra,
  });

  // Group history opens with the tips the service would have written.
  for (const [groupID, , , owner, admins, members] of GROUPS) {
    const tip = (secondsAgo: number, operationType: number, userIDList: UserID[], extra: object = {}): ImportedMessage => ({
      from: owner,
      to: groupID,
      conversationType: 'GROUP',
      time: ago(secondsAgo),
      type: 'TIMGroupTipElem',
      payload: { operationType, operatorID: owner, userIDList, ...extra },
    });
    history.push(tip(15 * DAY, 1, [owner, ...admins, ...members]));
    if (admins.length) history.push(tip(15 * DAY - HOUR, 4, admins));
    if (groupID === 'hiking') history.push(tip(9 * DAY, 6, [], { newGroupProfile: { notification: '周六 8:00 地铁站 A 口集合' } }));
    if (groupID === 'team') history.push(tip(2 * HOUR, 7, ['dave'], { memberList: [{ userID: 'dave', muteTime: 2 * HOUR }] }));
  }

  for (const [s, script] of SCRIPTS.entries()) {
    const start = 14 * DAY;
    const end = script.endHours * HOUR;
    for (let i = 0; i < script.count; i++) {
      const from = script.speakers[(i + (i >> 2)) % script.speakers.length]!;
      // Spread over two weeks in bursts, so day dividers show.
      const secondsAgo = start - ((start - end) * i) / Math.max(1, script.count - 1) - jitter(i + s * 101) * 20 * MINUTE;
      const to = script.group ? script.to : from === script.speakers[0] ? script.speakers[1]! : script.speakers[0]!;
      history.push({
        ID: `seed-${script.to}-${script.speakers.join('-')}-${i}`,
        from,
        to,
        conversationType: script.group ? 'GROUP' : 'C2C',
        time: ago(Math.max(end, secondsAgo)),
        payload: text(script.lines[(i + s) % script.lines.length]!),
        ...(script.group && from === 'alice' && i % 3 === 0 ? { needReadReceipt: true } : {}),
      });
    }
  }

  // alice ↔ bob: one of every element type, in the last two days.
  const bobID = (name: string) => `seed-bob-${name}`;
  history.push(
    c2c('bob', 'alice', 40 * HOUR, 'TIMImageElem', {
      uuid: 'seed-photo',
      imageFormat: 'SVG',
      imageInfoArray: [0, 1, 2].map((type) => ({ type, url: localUrl('seed-photo'), width: type === 2 ? 198 : 640, height: type === 2 ? 149 : 480, size: sizes['seed-photo'] })),
    }, { ID: bobID('image') }),
    c2c('alice', 'bob', 39 * HOUR, 'TIMVideoFileElem', {
      videoUUID: 'seed-clip',
      videoUrl: localUrl('seed-clip'),
      videoSecond: 2,
      videoSize: sizes['seed-clip'],
      videoFormat: 'webm',
      thumbUUID: 'seed-poster',
      thumbUrl: localUrl('seed-poster'),
      thumbWidth: 96,
      thumbHeight: 64,
    }, { ID: bobID('video') }),
    c2c('bob', 'alice', 38 * HOUR, 'TIMFileElem', { uuid: 'seed-notes', fileName: 'meeting-notes.txt', fileSize: sizes['seed-notes'], fileUrl: localUrl('seed-notes') }, { ID: bobID('file') }),
    c2c('alice', 'bob', 37 * HOUR, 'TIMSoundElem', { uuid: 'seed-chime', url: localUrl('seed-chime'), second: 1, size: sizes['seed-chime'] }, { ID: bobID('sound') }),
    c2c('bob', 'alice', 36 * HOUR, 'TIMFaceElem', { index: 1, data: 'thumbs_up' }, { ID: bobID('face') }),
    c2c('bob', 'alice', 35 * HOUR, 'TIMCustomElem', {
      data: JSON.stringify({ businessID: 'red_envelope', greeting: 'Happy New Year 🧧', amount: '8.88' }),
      description: '[Red packet] Happy New Year',
      extension: '',
    }, { ID: bobID('red-packet') }),
    c2c('alice', 'bob', 34 * HOUR, 'TIMCustomElem', {
      data: JSON.stringify({ businessID: 'text_link', version: 4, text: 'Tencent Cloud Chat', link: 'https://cloud.tencent.com/product/im' }),
      description: 'Tencent Cloud Chat',
      extension: '',
    }, { ID: bobID('link-card') }),
    c2c('alice', 'bob', 33 * HOUR, 'TIMLocationElem', { description: 'Tencent Binhai Building, Shenzhen', longitude: 113.9347, latitude: 22.5228 }, { ID: bobID('location') }),
    c2c('bob', 'alice', 32 * HOUR, 'TIMRelayElem', {
      title: 'Chat history of Product Team',
      abstractList: ['alice: Can we move the sync to 3pm?', 'carol: Sure, works for me.', 'dave: I pushed the fix for the scroll jump.'],
      compatibleText: 'Upgrade to see the chat history',
      messageList: [
        ['alice', 'Alice Chen', 'Can we move the sync to 3pm?'],
        ['carol', 'Carol Jones', 'Sure, works for me.'],
        ['dave', 'Dave Miller', 'I pushed the fix for the scroll jump.'],
      ].map(([from, nick, body], i) => ({
        ID: `seed-relay-${i}`,
        from,
        nick,
        avatar: '',
        time: ago(33 * HOUR + (3 - i) * MINUTE),
        cloudCustomData: '',
        messageBody: [{ type: 'TIMTextElem', payload: text(body!) }],
      })),
    }, { ID: bobID('merger') }),
    c2c('bob', 'alice', 31 * HOUR, 'TIMTextElem', text('Oops, wrong chat'), {
      ID: bobID('revoked'),
      isRevoked: true,
      revoker: { userID: 'bob', nick: 'Bob Smith', avatar: '' },
    }),
    c2c('alice', 'bob', 30 * HOUR, 'TIMTextElem', text('Are we still on for the launch on Friday?'), { ID: bobID('question') }),
    c2c('bob', 'alice', 29 * HOUR, 'TIMTextElem', text('Yes! Friday 10am 🚀'), {
      ID: bobID('quote'),
      cloudCustomData: reply(bobID('question'), 'Are we still on for the launch on Friday?', 'Alice Chen'),
    }),
    c2c('alice', 'bob', 28 * HOUR, 'TIMTextElem', text('Sync moved to 3pm (edited)'), { ID: bobID('edited'), isModified: true }),
    c2c('bob', 'alice', 27 * HOUR, 'TIMTextElem', text('Links: https://example.com/a?b=1&c=2 and www.tencent.com 👍 🎉 ❤️'), { ID: bobID('links') }),
  );

  // mallory: hostile data in every field the kit renders.
  HOSTILE.forEach((body, i) => history.push(c2c(i % 2 ? 'alice' : 'mallory', i % 2 ? 'mallory' : 'alice', 50 * HOUR - i * HOUR, 'TIMTextElem', text(body), { ID: `seed-mallory-${i}` })));
  history.push(
    c2c('mallory', 'alice', 42 * HOUR, 'TIMFileElem', { uuid: 'seed-hostile-file', fileName: '📄report\u202Etxt.exe', fileSize: sizes['seed-hostile-file'], fileUrl: localUrl('seed-hostile-file') }, { ID: 'seed-mallory-file' }),
    c2c('mallory', 'alice', 41 * HOUR, 'TIMCustomElem', { data: '{"businessID":"<img src=x onerror=alert(1)>","link":"javascript:alert(1)"}', description: '<b>custom</b>', extension: '' }, {
      ID: 'seed-mallory-custom',
      cloudCustomData: reply('seed-mallory-0', '<script>alert(1)</script>', '<img src=x onerror=alert(2)>'),
    }),
  );

  // echo bot: the conversation shows how it answers.
  ['Hello bot!', 'Hello bot!', 'Do you do anything else?', 'Do you do anything else?'].forEach((body, i) =>
    history.push(c2c(i % 2 ? 'echo' : 'alice', i % 2 ? 'alice' : 'echo', 3 * DAY - i * 5, 'TIMTextElem', text(body), {
      ID: `seed-echo-${i}`,
      ...(i % 2 ? { cloudCustomData: reply(`seed-echo-${i - 1}`, body, 'Alice Chen') } : {}),
    })),
  );

  // The unread tail.
  const unread = (from: UserID, to: string, minutesAgo: number, body: string, extra: Partial<ImportedMessage> = {}) =>
    fresh.push({ from, to, time: ago(minutesAgo * MINUTE), payload: text(body), ...extra });
  unread('lilei', 'alice', 20, '在吗？');
  unread('lilei', 'alice', 19, '晚上一起吃饭吧 🍲');
  unread('lilei', 'alice', 18, '我订了七点的位子');
  unread('carol', 'alice', 300, 'FYI the nightly run is flaky again');
  unread('carol', 'alice', 299, 'Not urgent.');
  unread('bob', 'alice', 90, 'Can you look at the release notes?');
  unread('alice', 'bob', 85, 'On it after lunch.');
  unread('bob', 'team', 40, '@Alice Chen could you review the design doc?', { conversationType: 'GROUP', atUserList: ['alice'], ID: 'seed-team-at-alice' });
  unread('carol', 'team', 35, 'Release candidate is up', { conversationType: 'GROUP' });
  unread('alice', 'team', 30, 'Please read: code freeze tomorrow at noon', { conversationType: 'GROUP', needReadReceipt: true, ID: 'seed-team-receipt' });
  unread('lilei', 'hiking', 150, '@所有人 周六早上八点地铁站集合，别迟到！', { conversationType: 'GROUP', atUserList: [AT_ALL], ID: 'seed-hiking-at-all' });
  unread('hanmeimei', 'hiking', 140, '收到！', { conversationType: 'GROUP' });
  unread('wangfang', 'hiking', 130, '我带相机 📷', { conversationType: 'GROUP' });
  fresh.push({
    from: 'hanmeimei',
    to: 'hiking',
    conversationType: 'GROUP',
    time: ago(120 * MINUTE),
    type: 'TIMImageElem',
    payload: {
      uuid: 'seed-photo-2',
      imageFormat: 'SVG',
      imageInfoArray: [0, 1, 2].map((type) => ({ type, url: localUrl('seed-photo-2'), width: type === 2 ? 149 : 480, height: type === 2 ? 198 : 640, size: sizes['seed-photo-2'] })),
    },
  });
  unread('zoe', 'live', 600, 'We are live in 5 minutes!', { conversationType: 'GROUP' });
  unread('minji', 'oss', 700, '새 기여자 가이드 올렸어요', { conversationType: 'GROUP' });
  return [history, fresh];
}

/** alice's own view: pinned, muted, draft, marked unread; one receipt read by some of the team. */
async function shapeConversations(tx: WriteTx): Promise<void> {
  const patch = async (owner: UserID, conversationID: `C2C${string}` | `GROUP${string}`, change: object) => {
    const conv = await tx.objectStore('conversations').get([owner, conversationID]);
    if (conv) await tx.objectStore('conversations').put({ ...conv, ...change });
  };
  await patch('alice', 'C2Cbob', { pinned: true });
  await patch('alice', 'GROUPteam', { pinned: true });
  await patch('alice', 'C2Ccarol', { remind: 'AcceptNotNotify' });
  await patch('alice', 'GROUPlive', { remind: 'AcceptNotNotify' });
  await patch('alice', 'C2Cminji', { draft: '다음 주에 봐요 👋' });
  await patch('alice', 'GROUPoss', { marked: true });
  const receipt = await tx.objectStore('messages').get('seed-team-receipt');
  if (receipt)
    for (const reader of ['bob', 'carol'])
      await patch(reader, 'GROUPteam', { readSeq: receipt.seq, unread: 0, at: [] });
}
