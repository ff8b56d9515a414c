/**
 * Validation helpers shared by cores and elements: IDs, byte limits, URLs, conversation IDs.
 */
import type {
  C2CConversationID,
  ConversationID,
  ConversationType,
  GroupConversationID,
  GroupID,
  UserID,
} from './types.js';

/** Kit policy for new user IDs: 1–32 bytes of `A-Za-z0-9_-` (Tencent's documented rule). */
export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** True when `id` is a user ID the kit will create (1–32 bytes of `A-Za-z0-9_-`). */
export const isValidUserID = (id: unknown): id is UserID => typeof id === 'string' && USER_ID_PATTERN.test(id);

/** Tencent's own looser rule for existing IDs: printable ASCII, at most 32 bytes. Adapters accept these. */
export const isServiceUserID = (id: unknown): id is UserID =>
  typeof id === 'string' && /^[\x20-\x7e]{1,32}$/.test(id);

/** The value in `atUserList` that means "@all" (Tencent's spelling, sic). It is here rather than in
 *  types.ts, which is otherwise types only: as that module's one value it was a bundle chunk of its own. */
export const AT_ALL = '__kImSDK_MesssageAtALL__';

/** Group IDs: printable ASCII, at most 48 bytes, not starting with `@TGS#` (reserved for generated IDs). */
export const isValidGroupID = (id: unknown): id is GroupID =>
  typeof id === 'string' && /^[\x21-\x7e]{1,48}$/.test(id);

const encoder = /* @__PURE__ */ new TextEncoder();

/** Byte length as the service counts it (UTF-8). Limits are in bytes, not characters. */
export const utf8Bytes = (s: string): number => encoder.encode(s).length;

/** Service limits, in UTF-8 bytes. */
export const Limits = {
  /** Text message body (Tencent: 12 KB). */
  TEXT_BYTES: 12 * 1024,
  NICK_BYTES: 500,
  AVATAR_URL_BYTES: 500,
  SIGNATURE_BYTES: 500,
  LOCATION_BYTES: 16,
  GROUP_NAME_BYTES: 30,
  GROUP_INTRO_BYTES: 240,
  GROUP_NOTICE_BYTES: 300,
  NAME_CARD_BYTES: 50,
  FRIEND_WORDING_BYTES: 256,
  FRIEND_REMARK_BYTES: 96,
  IMAGE_BYTES: 20 * 1024 * 1024,
  FILE_BYTES: 100 * 1024 * 1024,
  VIDEO_BYTES: 100 * 1024 * 1024,
  SOUND_BYTES: 20 * 1024 * 1024,
} as const;

/** URL schemes allowed for anything another user supplied (avatars, images, links, files). */
export const DEFAULT_URL_SCHEMES: readonly string[] = ['https:', 'http:', 'blob:'];

/**
 * The URL if it is absolute and its scheme is allowed, else null. Relative URLs, `javascript:`, `data:`,
 * `vbscript:` and anything unparsable are refused. Use it on every URL that came from another user.
 */
export function safeUrl(raw: unknown, allow: readonly string[] = DEFAULT_URL_SCHEMES): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  // Leading or embedded control characters and whitespace are how `java\tscript:` slips through parsers.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return allow.includes(url.protocol) ? url.href : null;
}

export const toC2CConversationID = (userID: UserID): C2CConversationID => `C2C${userID}`;
export const toGroupConversationID = (groupID: GroupID): GroupConversationID => `GROUP${groupID}`;

/** Parses `C2Calice` → `{type: 'C2C', targetID: 'alice'}`; null for anything else. */
export function parseConversationID(
  id: string,
): { type: 'C2C'; targetID: UserID } | { type: 'GROUP'; targetID: GroupID } | { type: '@TIM#SYSTEM'; targetID: '' } | null {
  if (id === '@TIM#SYSTEM') return { type: '@TIM#SYSTEM', targetID: '' };
  if (id.startsWith('GROUP') && id.length > 5) return { type: 'GROUP', targetID: id.slice(5) };
  if (id.startsWith('C2C') && id.length > 3) return { type: 'C2C', targetID: id.slice(3) };
  return null;
}

/** True when `id` is a well-formed conversation ID. */
export const isConversationID = (id: unknown): id is ConversationID =>
  typeof id === 'string' && parseConversationID(id) !== null;

export const conversationTypeOf = (id: ConversationID): ConversationType => parseConversationID(id)?.type ?? 'C2C';
