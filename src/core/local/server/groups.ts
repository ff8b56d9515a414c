/**
 * Server side of groups: roles and their permissions, membership, mutes, profiles. Every change that
 * members should see is also written into the group's history as a group tip (TIMGroupTipElem), as the
 * service does, so late joiners and other tabs read the same story.
 */
import type { CreateGroupOptions, GroupProfilePatch, GroupRole, GroupTipPayload, GroupType, UserID } from '../../types.js';
import { ChatErrorCode as E } from '../../errors.js';
import { isValidGroupID, Limits, utf8Bytes } from '../../validation.js';
import { groupKey, newID, type GroupRecord, type MemberRecord, type WriteTx } from '../database.js';
import type { Change } from '../change.js';
import { refuse } from './messages.js';
import { audience, commit, newMessageRecord, tick } from './send.js';

const MAX_MEMBERS: Record<GroupType, number> = { Private: 200, Public: 2000, ChatRoom: 6000, AVChatRoom: 0, Community: 100000 };

/** The group and the caller's membership; 10010 / 10007 otherwise. */
async function membership(tx: WriteTx, groupID: string, me: UserID): Promise<[GroupRecord, MemberRecord]> {
  const group = await tx.objectStore('groups').get(groupID);
  if (!group) refuse(E.GROUP_NOT_FOUND, `No group ${groupID}`);
  const self = await tx.objectStore('members').get([groupID, me]);
  if (!self) refuse(E.GROUP_NO_PERMISSION, 'Not a member of the group');
  return [group, self];
}

const isManager = (role: GroupRole) => role !== 'Member';
function deny(): never {
  return refuse(E.GROUP_NO_PERMISSION, 'No permission in this group');
}

/** Writes a group tip into the history for `recipients` (tips never count as unread). */
async function tip(tx: WriteTx, groupID: string, operatorID: UserID, payload: Omit<GroupTipPayload, 'operatorID'>, recipients: UserID[], now: number): Promise<string> {
  const rec = newMessageRecord(newID('tip-'), groupKey(groupID), operatorID, groupID, 'TIMGroupTipElem', { operatorID, ...payload });
  const operator = await tx.objectStore('users').get(operatorID);
  rec.nick = operator?.nick ?? '';
  rec.avatar = operator?.avatar ?? '';
  await commit(tx, rec, [...new Set(recipients)], await tick(tx, now), false);
  return rec.ID;
}

/** Tip + change for an operation on `changed` members; `before` are the members before it. */
async function announce(
  tx: WriteTx,
  groupID: string,
  me: UserID,
  payload: Omit<GroupTipPayload, 'operatorID'>,
  before: UserID[],
  now: number,
  changed: UserID[],
  removed: UserID[] = [],
): Promise<Change> {
  const to = [...new Set([...before, ...(await audience(tx, groupKey(groupID)))])];
  const id = await tip(tx, groupID, me, payload, to, now);
  return { to, ids: [id], group: { groupID, changed, removed }, lists: ['groups', 'conversations'] };
}

async function checkUsers(tx: WriteTx, userIDs: UserID[]): Promise<void> {
  for (const userID of userIDs) if (!(await tx.objectStore('users').get(userID))) refuse(E.INVALID_USER_ID, `No user ${userID}`);
}

function checkProfile(patch: GroupProfilePatch): void {
  const limits: Array<[string | undefined, number]> = [
    [patch.name, Limits.GROUP_NAME_BYTES],
    [patch.introduction, Limits.GROUP_INTRO_BYTES],
    [patch.notification, Limits.GROUP_NOTICE_BYTES],
    [patch.avatar, Limits.AVATAR_URL_BYTES],
  ];
  if (patch.name === '' || limits.some(([value, max]) => value !== undefined && (typeof value !== 'string' || utf8Bytes(value) > max)))
    refuse(E.INVALID_PARAMETER, 'Invalid group profile');
}

const member = (groupID: string, userID: UserID, role: GroupRole, joinTime: number): MemberRecord => ({
  groupID,
  userID,
  role,
  nameCard: '',
  joinTime,
  muteUntil: 0,
});

export async function createGroup(tx: WriteTx, me: UserID, options: CreateGroupOptions, now: number): Promise<[string, Change]> {
  const groupID = options.groupID ?? newID('@TGS#');
  if (options.groupID !== undefined && (!isValidGroupID(groupID) || groupID.startsWith('@TGS#'))) refuse(E.INVALID_PARAMETER, 'Invalid group ID');
  if (!(options.type in MAX_MEMBERS)) refuse(E.INVALID_PARAMETER, 'Invalid group type');
  checkProfile({ name: options.name, introduction: options.introduction ?? '', avatar: options.avatar ?? '' });
  if (await tx.objectStore('groups').get(groupID)) refuse(E.GROUP_ID_IN_USE, 'Group ID in use');
  const others = [...new Set(options.memberList ?? [])].filter((id) => id !== me);
  await checkUsers(tx, others);
  const seconds = Math.floor(now / 1000);
  await tx.objectStore('groups').put({
    groupID,
    name: options.name,
    avatar: options.avatar ?? '',
    type: options.type,
    introduction: options.introduction ?? '',
    notification: '',
    ownerID: me,
    maxMemberCount: MAX_MEMBERS[options.type],
    muteAllMembers: false,
    createTime: seconds,
  });
  for (const userID of [me, ...others]) await tx.objectStore('members').put(member(groupID, userID, userID === me ? 'Owner' : 'Member', seconds));
  return [groupID, await announce(tx, groupID, me, { operationType: 1, userIDList: [me, ...others] }, [], now, [me, ...others])];
}

export async function updateGroup(tx: WriteTx, me: UserID, groupID: string, patch: GroupProfilePatch, now: number): Promise<Change> {
  const [group, self] = await membership(tx, groupID, me);
  if (!isManager(self.role)) deny();
  checkProfile(patch);
  const clean: GroupProfilePatch = {};
  for (const key of ['name', 'avatar', 'introduction', 'notification', 'muteAllMembers'] as const)
    if (patch[key] !== undefined) (clean as Record<string, unknown>)[key] = key === 'muteAllMembers' ? !!patch[key] : patch[key];
  await tx.objectStore('groups').put({ ...group, ...clean });
  const members = await audience(tx, groupKey(groupID));
  return announce(tx, groupID, me, { operationType: 6, userIDList: [], newGroupProfile: clean }, members, now, []);
}

export async function addMembers(tx: WriteTx, me: UserID, groupID: string, userIDs: UserID[], now: number): Promise<Change> {
  const [group, self] = await membership(tx, groupID, me);
  // Work groups let any member invite; AVChatRooms have no invitations; elsewhere owners and admins invite.
  if (group.type === 'AVChatRoom' || (group.type !== 'Private' && !isManager(self.role))) deny();
  await checkUsers(tx, userIDs);
  const before = await audience(tx, groupKey(groupID));
  const added = [...new Set(userIDs)].filter((id) => !before.includes(id));
  if (!added.length) refuse(E.ALREADY_GROUP_MEMBER, 'Already members');
  for (const userID of added) await tx.objectStore('members').put(member(groupID, userID, 'Member', Math.floor(now / 1000)));
  return announce(tx, groupID, me, { operationType: 1, userIDList: added }, before, now, added);
}

/** Kick (owner: anyone; admins: plain members) or quit (`userIDs` = [me]; the owner may not). */
export async function removeMembers(tx: WriteTx, me: UserID, groupID: string, userIDs: UserID[], now: number, quit = false): Promise<Change> {
  const [, self] = await membership(tx, groupID, me);
  const before = await audience(tx, groupKey(groupID));
  const removed: UserID[] = [];
  for (const userID of new Set(userIDs)) {
    const target = await tx.objectStore('members').get([groupID, userID]);
    if (!target) refuse(E.GROUP_NO_PERMISSION, `${userID} is not a member`);
    const allowed = quit ? self.role !== 'Owner' : userID !== me && (self.role === 'Owner' || (self.role === 'Admin' && target.role === 'Member'));
    if (!allowed) deny();
    await tx.objectStore('members').delete([groupID, userID]);
    removed.push(userID);
  }
  return announce(tx, groupID, me, { operationType: quit ? 2 : 3, userIDList: removed }, before, now, [], removed);
}

export async function setRole(tx: WriteTx, me: UserID, groupID: string, userID: UserID, role: 'Admin' | 'Member', now: number): Promise<Change> {
  const [group, self] = await membership(tx, groupID, me);
  const target = await tx.objectStore('members').get([groupID, userID]);
  if (self.role !== 'Owner' || !target || target.role === 'Owner' || (role !== 'Admin' && role !== 'Member') || group.type === 'AVChatRoom') deny();
  if (target.role === role) return { to: [] };
  await tx.objectStore('members').put({ ...target, role });
  const members = await audience(tx, groupKey(groupID));
  return announce(tx, groupID, me, { operationType: role === 'Admin' ? 4 : 5, userIDList: [userID] }, members, now, [userID]);
}

export async function setMute(tx: WriteTx, me: UserID, groupID: string, userID: UserID, seconds: number, now: number): Promise<Change> {
  const [, self] = await membership(tx, groupID, me);
  const target = await tx.objectStore('members').get([groupID, userID]);
  if (!target || !(seconds >= 0) || target.role === 'Owner' || !isManager(self.role) || (self.role === 'Admin' && target.role !== 'Member')) deny();
  await tx.objectStore('members').put({ ...target, muteUntil: seconds ? Math.floor(now / 1000) + Math.ceil(seconds) : 0 });
  const members = await audience(tx, groupKey(groupID));
  return announce(tx, groupID, me, { operationType: 7, userIDList: [userID], memberList: [{ userID, muteTime: seconds }] }, members, now, [userID]);
}

export async function setNameCard(tx: WriteTx, me: UserID, groupID: string, userID: UserID, nameCard: string): Promise<Change> {
  const [, self] = await membership(tx, groupID, me);
  const target = await tx.objectStore('members').get([groupID, userID]);
  if (!target || (userID !== me && (!isManager(self.role) || target.role === 'Owner'))) deny();
  if (typeof nameCard !== 'string' || utf8Bytes(nameCard) > Limits.NAME_CARD_BYTES) refuse(E.INVALID_PARAMETER, 'Name card too long');
  await tx.objectStore('members').put({ ...target, nameCard });
  return { to: await audience(tx, groupKey(groupID)), group: { groupID, changed: [userID], removed: [] } };
}

export async function changeOwner(tx: WriteTx, me: UserID, groupID: string, userID: UserID, now: number): Promise<Change> {
  const [group, self] = await membership(tx, groupID, me);
  const target = await tx.objectStore('members').get([groupID, userID]);
  if (self.role !== 'Owner' || !target || userID === me) deny();
  await tx.objectStore('members').put({ ...target, role: 'Owner' });
  await tx.objectStore('members').put({ ...self, role: 'Member' });
  await tx.objectStore('groups').put({ ...group, ownerID: userID });
  const members = await audience(tx, groupKey(groupID));
  return announce(tx, groupID, me, { operationType: 6, userIDList: [], newGroupProfile: { ownerID: userID } }, members, now, [me, userID]);
}

/** The group and its memberships go; members' conversations leave their lists. */
export async function dismiss(tx: WriteTx, me: UserID, groupID: string): Promise<Change> {
  const [, self] = await membership(tx, groupID, me);
  if (self.role !== 'Owner') deny();
  const members = await audience(tx, groupKey(groupID));
  for (const userID of members) {
    await tx.objectStore('members').delete([groupID, userID]);
    const conv = await tx.objectStore('conversations').get([userID, `GROUP${groupID}`]);
    if (conv) await tx.objectStore('conversations').put({ ...conv, hidden: true, pinned: false, unread: 0, at: [] });
  }
  await tx.objectStore('groups').delete(groupID);
  return { to: members, group: { groupID, changed: [], removed: members }, lists: ['groups', 'conversations'] };
}
