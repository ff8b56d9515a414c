/**
 * <tim-profile> with many friends and a big group, on LocalCore. The data is written straight into the
 * LocalCore database before login (a bench shortcut: registering thousands of users through logins would
 * take minutes), with names in Latin, Chinese and Korean so the letter grouping does real work.
 * - viewLoadMs: the views' lazy chunk, from first use to registered (served by Vite from source here).
 * - friends.firstPaintMs: from creating `<tim-profile mode="friends">` (friends in the store, views loaded)
 *   to its rows painted; groupMs: grouping and sorting all N names (Intl.Collator, pinyin initials);
 *   domNodes / rowsInDom after the first paint; scrollP95Ms while scrolling; indexJumpMs: a letter of the
 *   index clicked until that letter's heading is at the top.
 * - members.firstPageMs: from creating `<tim-profile group-id>` to the first page of members painted;
 *   allPagesMs: scrolling to the end until all M members are loaded (pages of 50); rowsInDom at the end.
 * - self.saveToPaintMs: Save on the own profile with a new name until the header shows it (validation,
 *   the before-hook, LocalCore's write, the store's profile cache, the repaint).
 */
import '../../src/elements/provider/define.js';
import '../../src/elements/profile/define.js';
import { createLocalCore } from '../../src/core/local/index.js';
import { newProfile, openDatabase, type LocalSchema } from '../../src/core/local/database.js';
import { Transaction } from '../../src/core/local/idb.js';
import { groupFriends } from '../../src/elements/profile/friend-groups.js';
import type { TimProfile } from '../../src/index.js';
import { countNodes, fail, heapMB, painted, params, report, round, scrollP95, mountProvider, reopenAsAlice, until as waitFor } from './measure.js';

const n = Number(params.get('friends') ?? 5_000);
const m = Number(params.get('members') ?? 2_000);
const NAMES = ['Anna', 'Ben', 'Chloé', 'David', 'Émile', 'Zoë', '陈', '黄', '林', '王', '张', '李', '김', '이', '박', '최', '정', '9'];

/** Waits for `check` (up to 120,000 ms on this page). */
const until = <T>(check: () => T | undefined | null | false, what: string, timeoutMs = 120_000) => waitFor(check, what, timeoutMs);

const deepAll = (root: ParentNode, selector: string): HTMLElement[] => {
  const out = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll(el.shadowRoot, selector));
  return out;
};

async function fill(dbName: string): Promise<number> {
  const t = performance.now();
  const db = await openDatabase(dbName);
  const tx = new Transaction<LocalSchema, 'readwrite'>(db.transaction(['users', 'friends', 'groups', 'members'], 'readwrite'));
  const now = Math.floor(Date.now() / 1000);
  const users = tx.objectStore('users');
  const friends = tx.objectStore('friends');
  const members = tx.objectStore('members');
  const total = Math.max(n, m);
  for (let i = 0; i < total; i++) {
    const userID = `u${i}`;
    void users.put({ ...newProfile(userID), nick: `${NAMES[i % NAMES.length]}${NAMES[(i * 7) % NAMES.length]} ${i}`, selfSignature: i % 3 ? '' : 'Hello there' });
    if (i < n) {
      void friends.put({ owner: 'alice', userID, remark: '', time: now });
      void friends.put({ owner: userID, userID: 'alice', remark: '', time: now });
    }
    if (i < m) void members.put({ groupID: 'big', userID, role: i < 3 ? 'Admin' : 'Member', nameCard: '', joinTime: now, muteUntil: i % 50 === 7 ? now + 3600 : 0 });
  }
  void tx.objectStore('groups').put({ groupID: 'big', name: 'Big group', avatar: '', type: 'Public', introduction: '', notification: '', ownerID: 'alice', maxMemberCount: 100_000, muteAllMembers: false, createTime: now });
  void members.put({ groupID: 'big', userID: 'alice', role: 'Owner', nameCard: '', joinTime: now, muteUntil: 0 });
  await tx.done;
  db.close();
  return performance.now() - t;
}

async function run() {
  const dbName = `bench-profile-${Date.now().toString(36)}`;
  // Creates the schema (and registers alice), then the bench data goes in before the real login.
  const setup = await createLocalCore({ dbName, seed: 'empty', multiInstance: 'allow' });
  await setup.login({ userID: 'alice' });
  await setup.destroy();
  const fillMs = await fill(dbName);
  const core = await reopenAsAlice(dbName);
  const provider = await mountProvider(core, 720);
  const store = provider.store!;
  await until(() => store.state.friends.value.size >= n, 'the friends in the store');

  // The lazy chunk: an element with nothing to show but the view, so only the load is measured.
  let t = performance.now();
  const probe = document.createElement('tim-profile') as TimProfile;
  probe.setAttribute('mode', 'blocklist');
  provider.append(probe);
  await until(() => customElements.get('tim-profile-friends'), 'the views');
  const viewLoadMs = performance.now() - t;
  probe.remove();

  // Grouping alone (what the element does once per change of friends, names or locale).
  const named = [...store.state.friends.value.values()].map((f) => ({ f, name: f.profile.nick || f.userID }));
  t = performance.now();
  const groups = groupFriends(named, (x) => x.name, 'en');
  const groupMs = performance.now() - t;

  t = performance.now();
  const friends = document.createElement('tim-profile') as TimProfile;
  friends.setAttribute('mode', 'friends');
  provider.append(friends);
  await until(() => deepAll(friends.shadowRoot!, '[role="option"]').length, 'the first friends');
  await painted();
  const friendsFirstPaintMs = performance.now() - t;
  const friendsNodes = countNodes(friends);
  const friendRows = deepAll(friends.shadowRoot!, '[role="option"]').length;
  const scroller = deepAll(friends.shadowRoot!, '[role="listbox"]')[0]!;
  const friendsScrollP95Ms = await scrollP95(scroller, 120, 480);
  scroller.scrollTop = 0;
  await painted();
  const letter = groups[Math.floor(groups.length / 2)]!.key;
  t = performance.now();
  deepAll(friends.shadowRoot!, '[part="index"] button').find((b) => b.textContent === letter)!.click();
  await until(() => {
    const head = deepAll(friends.shadowRoot!, '[part="group-header"]').find((h) => h.textContent === letter);
    return head && Math.abs(head.getBoundingClientRect().top - scroller.getBoundingClientRect().top) < 2;
  }, 'the letter at the top');
  const indexJumpMs = performance.now() - t;
  friends.remove();

  t = performance.now();
  const group = document.createElement('tim-profile') as TimProfile;
  group.setAttribute('group-id', 'big');
  provider.append(group);
  await until(() => deepAll(group.shadowRoot!, '[role="option"]').length, 'the first members');
  await painted();
  const membersFirstPageMs = performance.now() - t;
  const list = deepAll(group.shadowRoot!, '[role="listbox"]')[0]!;
  t = performance.now();
  await until(() => {
    list.scrollTop = list.scrollHeight;
    return (store.state.members.get('big')?.members.length ?? 0) >= m + 1;
  }, 'every member', 300_000);
  const membersAllPagesMs = performance.now() - t;
  await painted();
  const memberRows = deepAll(group.shadowRoot!, '[role="option"]').length;
  group.remove();

  const self = document.createElement('tim-profile') as TimProfile;
  self.setAttribute('self', '');
  provider.append(self);
  const form = await until(() => deepAll(self.shadowRoot!, 'form')[0], 'the form');
  const nick = form.querySelector<HTMLInputElement>('[name="nick"]')!;
  nick.value = 'Alice (bench)';
  nick.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await painted();
  t = performance.now();
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => deepAll(self.shadowRoot!, '.header .name')[0]?.textContent === 'Alice (bench)' && store.state.profiles.get('alice')?.nick === 'Alice (bench)', 'the new name');
  await painted();
  const saveToPaintMs = performance.now() - t;

  report({
    profile: {
      viewLoadMs: round(viewLoadMs),
      friends: {
        [`n${n}`]: {
          firstPaintMs: round(friendsFirstPaintMs),
          groupMs: round(groupMs),
          groups: groups.length,
          domNodes: friendsNodes,
          rowsInDom: friendRows,
          scrollP95Ms: friendsScrollP95Ms,
          indexJumpMs: round(indexJumpMs),
        },
      },
      members: { [`m${m}`]: { firstPageMs: round(membersFirstPageMs), allPagesMs: round(membersAllPagesMs), rowsInDom: memberRows } },
      self: { saveToPaintMs: round(saveToPaintMs) },
      fillMs: round(fillMs),
      heapMB: heapMB(),
    },
  });
  await core.destroy();
  indexedDB.deleteDatabase(dbName);
}

run().catch(fail);
