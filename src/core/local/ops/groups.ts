/**
 * LocalCore's group operations, loaded on first use (with the server side in `server/groups.ts`):
 * creating and administering groups, member lists, and the events of a group change.
 */
import type { CreateGroupOptions, GroupID, GroupMember, GroupMemberPage, GroupProfile, GroupProfilePatch, GroupRole, UserID } from '../../types.js';
import { ChatErrorCode as E } from '../../errors.js';
import { prefix, read, type MemberRecord, type Tx, type WriteTx } from '../database.js';
import type { Change } from '../change.js';
import type { Client } from '../client.js';
// Every lazy module reaches local-core.js: bundlers split shared code by the set of entries that reach
// it, so this keeps ALL of LocalCore's startup code in one chunk (half a KB gzip less than two).
import '../local-core.js';
import { commit } from '../publish.js';
import { projectGroup } from '../projection.js';
import { refuse } from '../server/messages.js';
import * as server from '../server/groups.js';

async function projectMembers(tx: Tx, members: MemberRecord[]): Promise<GroupMember[]> {
  return Promise.all(
    members.map(async ({ userID, role, nameCard, joinTime, muteUntil }) => {
      const profile = await tx.objectStore('users').get(userID);
      return { userID, nick: profile?.nick ?? '', avatar: profile?.avatar ?? '', nameCard, role, joinTime, muteUntil };
    }),
  );
}

/** A group changed: its profile and the changed members, as `me` sees them. */
export async function groupChanged(c: Client, me: UserID, { groupID, changed, removed }: NonNullable<Change['group']>): Promise<void> {
  const tx = read(c.db);
  const group = await tx.objectStore('groups').get(groupID);
  if (group) c.emit(me, 'groupProfileUpdated', { groups: [await projectGroup(tx, me, group)] });
  const records = await Promise.all(changed.map((id) => tx.objectStore('members').get([groupID, id])));
  const members = await projectMembers(tx, records.filter((m) => !!m));
  c.emit(me, 'groupMemberUpdated', { groupID, members, removedUserIDs: removed });
}

/** Members of a group the user belongs to (10010 / 10007 otherwise), owner, admins, then by join time. */
async function members(tx: Tx, me: UserID, groupID: GroupID): Promise<MemberRecord[]> {
  if (!(await tx.objectStore('groups').get(groupID))) refuse(E.GROUP_NOT_FOUND, `No group ${groupID}`);
  if (!(await tx.objectStore('members').get([groupID, me]))) refuse(E.GROUP_NO_PERMISSION, 'Not a member of the group');
  const rank: Record<GroupRole, number> = { Owner: 0, Admin: 1, Member: 2 };
  return (await tx.objectStore('members').getAll(prefix(groupID))).sort(
    (a, b) => rank[a.role] - rank[b.role] || a.joinTime - b.joinTime || (a.userID < b.userID ? -1 : 1),
  );
}

export async function getGroupMemberList(c: Client, me: UserID, groupID: GroupID, { offset = 0, count = 100 }: { offset?: number; count?: number } = {}): Promise<GroupMemberPage> {
  const tx = read(c.db);
  const all = await members(tx, me, groupID);
  const end = offset + Math.max(1, Math.min(count, 100));
  return { memberList: await projectMembers(tx, all.slice(offset, end)), offset: end < all.length ? end : 0 };
}

export async function getGroupMembers(c: Client, me: UserID, groupID: GroupID, userIDs: UserID[]): Promise<GroupMember[]> {
  const tx = read(c.db);
  const all = await members(tx, me, groupID);
  return projectMembers(tx, all.filter((m) => userIDs.includes(m.userID)));
}

export async function createGroup(c: Client, me: UserID, options: CreateGroupOptions): Promise<GroupProfile> {
  return c.groupProfile(me, await commit(c, (tx) => server.createGroup(tx, me, options, c.now())));
}

/** A group operation: one commit, then the change goes out. */
const change = (c: Client, work: (tx: WriteTx, now: number) => Promise<Change>): Promise<void> => commit(c, async (tx) => [undefined, await work(tx, c.now())]);

export async function updateGroupProfile(c: Client, me: UserID, groupID: GroupID, patch: GroupProfilePatch): Promise<GroupProfile> {
  await change(c, (tx, now) => server.updateGroup(tx, me, groupID, patch, now));
  return c.groupProfile(me, groupID);
}
export const addGroupMembers = (c: Client, me: UserID, groupID: GroupID, userIDs: UserID[]) =>
  change(c, (tx, now) => server.addMembers(tx, me, groupID, userIDs, now));
export const removeGroupMembers = (c: Client, me: UserID, groupID: GroupID, userIDs: UserID[]) =>
  change(c, (tx, now) => server.removeMembers(tx, me, groupID, userIDs, now));
export const setGroupMemberRole = (c: Client, me: UserID, groupID: GroupID, userID: UserID, role: Exclude<GroupRole, 'Owner'>) =>
  change(c, (tx, now) => server.setRole(tx, me, groupID, userID, role, now));
export const setGroupMemberMuteTime = (c: Client, me: UserID, groupID: GroupID, userID: UserID, seconds: number) =>
  change(c, (tx, now) => server.setMute(tx, me, groupID, userID, seconds, now));
export const setGroupMemberNameCard = (c: Client, me: UserID, groupID: GroupID, userID: UserID, nameCard: string) =>
  change(c, (tx) => server.setNameCard(tx, me, groupID, userID, nameCard));
export const quitGroup = (c: Client, me: UserID, groupID: GroupID) => change(c, (tx, now) => server.removeMembers(tx, me, groupID, [me], now, true));
export const dismissGroup = (c: Client, me: UserID, groupID: GroupID) => change(c, (tx) => server.dismiss(tx, me, groupID));
export const changeGroupOwner = (c: Client, me: UserID, groupID: GroupID, newOwnerID: UserID) =>
  change(c, (tx, now) => server.changeOwner(tx, me, groupID, newOwnerID, now));
