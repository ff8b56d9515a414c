/**
 * LocalCore's friendship changes, loaded on first use (with the server side in
 * `server/relationships.ts`): requests and their answers, remarks, deletions and the block list.
 */
import type { AddFriendResult, UserID } from '../../types.js';
import { ChatErrorCode as E } from '../../errors.js';
import { isValidUserID, Limits, utf8Bytes } from '../../validation.js';
import type { WriteTx } from '../database.js';
import type { Change } from '../change.js';
import type { Client } from '../client.js';
// Every lazy module reaches local-core.js: bundlers split shared code by the set of entries that reach
// it, so this keeps ALL of LocalCore's startup code in one chunk (half a KB gzip less than two).
import '../local-core.js';
import { commit } from '../publish.js';
import { refuse } from '../server/messages.js';
import * as server from '../server/relationships.js';

/** One commit whose result is only the change. */
const change = (c: Client, work: (tx: WriteTx) => Promise<Change>): Promise<void> => commit(c, async (tx) => [undefined, await work(tx)]);

export function addFriend(c: Client, me: UserID, params: { userID: UserID; wording?: string; remark?: string }): Promise<AddFriendResult> {
  if (!isValidUserID(params?.userID)) refuse(E.INVALID_USER_ID, 'Invalid user ID');
  if (utf8Bytes(params.wording ?? '') > Limits.FRIEND_WORDING_BYTES || utf8Bytes(params.remark ?? '') > Limits.FRIEND_REMARK_BYTES)
    refuse(E.INVALID_PARAMETER, 'Wording or remark too long');
  return commit(c, (tx) => server.addFriend(tx, me, params, c.secondsNow()));
}

export function deleteFriend(c: Client, me: UserID, userIDs: UserID[]): Promise<{ successUserIDList: UserID[]; failureUserIDList: Array<{ userID: UserID; code: number }> }> {
  return commit(c, async (tx) => {
    const [successUserIDList, failureUserIDList, change] = await server.deleteFriends(tx, me, userIDs);
    return [{ successUserIDList, failureUserIDList }, change];
  });
}

export function updateFriendRemark(c: Client, me: UserID, userID: UserID, remark: string): Promise<void> {
  if (typeof remark !== 'string' || utf8Bytes(remark) > Limits.FRIEND_REMARK_BYTES) refuse(E.INVALID_PARAMETER, 'Remark too long');
  return change(c, (tx) => server.setRemark(tx, me, userID, remark));
}

export const acceptFriendApplication = (c: Client, me: UserID, { userID, remark = '' }: { userID: UserID; remark?: string }) =>
  change(c, (tx) => server.answerApplication(tx, me, userID, true, String(remark), c.secondsNow()));

export const refuseFriendApplication = (c: Client, me: UserID, userID: UserID) => change(c, (tx) => server.answerApplication(tx, me, userID, false, '', 0));

function block(c: Client, me: UserID, userIDs: UserID[], blocked: boolean): Promise<void> {
  if (!Array.isArray(userIDs) || !userIDs.every(isValidUserID)) refuse(E.INVALID_USER_ID, 'Invalid user ID');
  return change(c, (tx) => server.setBlocked(tx, me, userIDs, blocked));
}
export const addToBlacklist = (c: Client, me: UserID, userIDs: UserID[]) => block(c, me, userIDs, true);
export const removeFromBlacklist = (c: Client, me: UserID, userIDs: UserID[]) => block(c, me, userIDs, false);
