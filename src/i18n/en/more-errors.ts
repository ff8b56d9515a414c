/**
 * Error texts of what only a reachable service refuses (relationship, permission, content, rate, state):
 * loaded on the first such error (`loadMoreErrors`), as the first screen can fetch a chunk then. Codes of
 * the categories `errors` answers (network, session, unknown) are never looked up here.
 */
export default {
  byCode: {
    2253: 'The image is too large.',
    2252: 'This image type is not supported.',
    2351: 'The video is too large.',
    2402: 'The file is too large.',
    2480: 'Someone edited this message at the same time. The latest version is shown.',
    2500: 'This conversation does not exist.',
    2742: 'You cannot block yourself.',
    2996: 'Too many requests. Slow down a little.',
    3123: 'The message contains words that are not allowed.',
    10007: 'You do not have permission to do this in this group.',
    10010: 'This group does not exist.',
    10013: 'Already a member of this group.',
    10017: 'You are muted in this group.',
    10019: 'This user does not exist.',
    10031: 'Messages can only be recalled shortly after sending.',
    20003: 'This user ID is not valid.',
    20007: 'The message was rejected: this user has blocked you.',
    20009: 'You must be friends to send messages.',
    20010: 'You are not on this user’s friend list.',
    20011: 'This user is not on your friend list.',
    20012: 'You are muted.',
    20016: 'Messages can only be recalled shortly after sending.',
    20026: 'This message no longer exists.',
    30001: 'That is already the case (friend, not a friend, or blocked).',
    30515: 'This user is on your block list. Unblock them first.',
    30516: 'This user does not accept friend requests.',
    30525: 'This user has blocked you.',
    60020: 'Message search is not available on this plan.',
    80001: 'The message contains sensitive words.',
    80002: 'The message is too long.',
    2807: "This browser's storage is full, so the message could not be kept. Free some space, then retry.",
  } as Record<number, string>,
  byCategory: {
    relationship: 'This is not possible with this user right now.',
    permission: 'You do not have permission to do this.',
    content: 'This content was not accepted.',
    rate: 'Too many requests. Try again in a moment.',
    state: 'Not ready yet. Try again in a moment.',
  },
};
