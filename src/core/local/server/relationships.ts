/**
 * Server side of friends, friend applications and block lists. Friendship is always two-way: a record
 * per side, written and deleted together.
 */
import type { AddFriendResult, UserID } from '../../types.js';
import { ChatErrorCode as E } from '../../errors.js';
import type { WriteTx } from '../database.js';
import type { Change } from '../change.js';
import { refuse } from './messages.js';

const related = (a: UserID, b: UserID): Change => ({ to: [a, b], lists: ['friends', 'applications', 'blacklist', 'conversations'] });

async function befriend(tx: WriteTx, a: UserID, b: UserID, remarkOfB: string, remarkOfA: string, time: number): Promise<void> {
  const friends = tx.objectStore('friends');
  await friends.put({ owner: a, userID: b, remark: remarkOfB, time });
  await friends.put({ owner: b, userID: a, remark: remarkOfA, time });
  await unrelate(tx, a, b, false);
}

/** Removes the applications between `a` and `b` (and with `friendship`, the friendship too). */
async function unrelate(tx: WriteTx, a: UserID, b: UserID, friendship: boolean): Promise<void> {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    await tx.objectStore('applications').delete([x, y]);
    if (friendship) await tx.objectStore('friends').delete([x, y]);
  }
}

async function existing(tx: WriteTx, userID: UserID): Promise<void> {
  if (!(await tx.objectStore('users').get(userID))) refuse(E.INVALID_USER_ID, `No user ${userID}`);
}

export async function addFriend(
  tx: WriteTx,
  me: UserID,
  request: { userID: UserID; wording?: string; remark?: string },
  time: number,
): Promise<[AddFriendResult, Change]> {
  const { userID } = request;
  await existing(tx, userID);
  const peer = (await tx.objectStore('users').get(userID))!;
  if (userID === me || (await tx.objectStore('friends').get([me, userID]))) refuse(E.RELATIONSHIP_STATE, 'Already a friend');
  if (await tx.objectStore('blocks').get([me, userID])) refuse(E.IN_SELF_BLACKLIST, 'In your block list');
  if (await tx.objectStore('blocks').get([userID, me])) refuse(E.BLOCKED_BY_PEER, 'The peer blocked you');
  if (peer.allowType === 'AllowType_Type_DenyAny') refuse(E.PEER_DENY_ANY, 'The peer accepts no friend requests');
  // A request crossing the peer's own pending request to me is an acceptance.
  const crossing = await tx.objectStore('applications').get([userID, me]);
  if (peer.allowType === 'AllowType_Type_AllowAny' || crossing) {
    await befriend(tx, me, userID, request.remark ?? '', crossing?.remark ?? '', time);
    return [{ userID, result: 'added' }, related(me, userID)];
  }
  await tx.objectStore('applications').put({ from: me, to: userID, wording: request.wording ?? '', remark: request.remark ?? '', time });
  return [{ userID, result: 'pending' }, related(me, userID)];
}

/** Accepts (`accept`) or refuses the pending request `userID` sent me. */
export async function answerApplication(tx: WriteTx, me: UserID, userID: UserID, accept: boolean, remark: string, time: number): Promise<Change> {
  const application = await tx.objectStore('applications').get([userID, me]);
  if (!application) refuse(E.RELATIONSHIP_STATE, 'No pending request');
  if (accept) await befriend(tx, me, userID, remark, application.remark, time);
  else await tx.objectStore('applications').delete([userID, me]);
  return related(me, userID);
}

export async function deleteFriends(tx: WriteTx, me: UserID, userIDs: UserID[]): Promise<[UserID[], Array<{ userID: UserID; code: number }>, Change]> {
  const done: UserID[] = [];
  const failed: Array<{ userID: UserID; code: number }> = [];
  for (const userID of userIDs) {
    if (await tx.objectStore('friends').get([me, userID])) {
      await unrelate(tx, me, userID, true);
      done.push(userID);
    } else failed.push({ userID, code: E.RELATIONSHIP_STATE });
  }
  return [done, failed, { to: [me, ...done], lists: ['friends', 'conversations'] }];
}

export async function setRemark(tx: WriteTx, me: UserID, userID: UserID, remark: string): Promise<Change> {
  const friend = await tx.objectStore('friends').get([me, userID]);
  if (!friend) refuse(E.RELATIONSHIP_STATE, 'Not a friend');
  await tx.objectStore('friends').put({ ...friend, remark });
  return { to: [me], lists: ['friends', 'conversations'] };
}

/** Blocking ends the friendship and any pending request both ways (Tencent's rule). */
export async function setBlocked(tx: WriteTx, me: UserID, userIDs: UserID[], blocked: boolean): Promise<Change> {
  for (const userID of userIDs) {
    if (!blocked) {
      await tx.objectStore('blocks').delete([me, userID]);
      continue;
    }
    if (userID === me) refuse(E.CANNOT_BLOCK_SELF, 'Cannot block yourself');
    await existing(tx, userID);
    await tx.objectStore('blocks').put({ owner: me, userID });
    await unrelate(tx, me, userID, true);
  }
  return { to: [me, ...userIDs], lists: ['friends', 'applications', 'blacklist', 'conversations'] };
}
