/**
 * Errors of the ChatCore contract. Every core rejects with a `ChatError` whose `code` is the Tencent Cloud
 * Chat code for the same condition, so one error → UI mapping serves every core.
 */
import type { Message } from './types.js';

/** The codes the kit branches on. Values are the Tencent Web SDK / server codes. */
export const ChatErrorCode = {
  // client (web SDK)
  USER_NOT_LOGGED_IN: 2024,
  REPEAT_LOGIN: 2025,
  COS_UNDETECTED: 2040,
  MSG_SEND_FAIL: 2100,
  INVALID_MESSAGE: 2105,
  MSG_REVOKE_FAIL: 2110,
  IMAGE_TYPE_UNSUPPORTED: 2252,
  IMAGE_TOO_LARGE: 2253,
  SOUND_TOO_LARGE: 2301,
  VIDEO_TOO_LARGE: 2351,
  FILE_TOO_LARGE: 2402,
  MSG_MODIFY_CONFLICT: 2480,
  CONVERSATION_NOT_FOUND: 2500,
  CANNOT_BLOCK_SELF: 2742,
  NETWORK_ERROR: 2800,
  NETWORK_TIMEOUT: 2801,
  NO_NETWORK: 2805,
  /**
   * The kit's own, not a service code: a part of the kit's code (a lazily loaded chunk) could not be fetched
   * (offline, or a deploy removed the chunk). A page keeps a failed module fetch (Chromium fails a second
   * `import()` of it at once, network back or not), so only a reload brings that part: its text says so.
   */
  CHUNK_UNREACHABLE: 2806,
  /**
   * The kit's own, not a service code: the browser's storage refused a write (IndexedDB's QuotaExceededError:
   * the disk or the site's quota is full, or a private window's small store). LocalCore's messages live there,
   * so a send fails with it; Retry works once there is room.
   */
  STORAGE_FULL: 2807,
  OVER_FREQUENCY_LIMIT: 2996,
  SDK_IS_NOT_READY: 2999,
  LOGGING_IN: 3000,
  KICKED_OUT_MULT_DEVICE: 3002,
  KICKED_OUT_MULT_ACCOUNT: 3003,
  KICKED_OUT_USERSIG_EXPIRED: 3004,
  LOGGED_OUT: 3005,
  KICKED_OUT_REST_API: 3006,
  PROFANITY_FOUND: 3123,
  NOT_INITIALIZED: 6013,
  // server
  INVALID_PARAMETER: 10004,
  GROUP_NO_PERMISSION: 10007,
  GROUP_NOT_FOUND: 10010,
  ALREADY_GROUP_MEMBER: 10013,
  GROUP_MUTED: 10017,
  USER_NOT_FOUND: 10019,
  GROUP_ID_IN_USE: 10021,
  GROUP_REVOKE_TIME_LIMIT: 10031,
  MSG_A2KEY_EXPIRED: 20002,
  INVALID_USER_ID: 20003,
  IN_PEER_BLACKLIST: 20007,
  BOTH_NOT_FRIEND: 20009,
  NOT_PEER_FRIEND: 20010,
  NOT_SELF_FRIEND: 20011,
  SENDER_MUTED: 20012,
  REVOKE_TIME_LIMIT: 20016,
  MESSAGE_NOT_FOUND: 20026,
  RELATIONSHIP_STATE: 30001,
  IN_SELF_BLACKLIST: 30515,
  PEER_DENY_ANY: 30516,
  BLOCKED_BY_PEER: 30525,
  FRIEND_PENDING: 30539,
  SEARCH_UNAVAILABLE: 60020,
  USERSIG_EXPIRED: 70001,
  USERSIG_INVALID: 70003,
  SENSITIVE_TEXT: 80001,
  BODY_TOO_LARGE: 80002,
} as const;
export type ChatErrorCodeValue = (typeof ChatErrorCode)[keyof typeof ChatErrorCode];

export interface ChatErrorData {
  /** For send/modify failures: the message in its latest state (Tencent: `error.data.message`). */
  message?: Message;
  [key: string]: unknown;
}

/** The one rejection type of every core method. */
export class ChatError extends Error {
  override readonly name = 'ChatError';
  readonly code: number;
  readonly data?: ChatErrorData;
  constructor(code: number, message: string, data?: ChatErrorData) {
    super(message);
    this.code = code;
    if (data) this.data = data;
  }
}

/** True for anything shaped like a ChatError (a `ChatError`, or a Tencent SDK `{code, message}` rejection). */
export function isChatError(value: unknown): value is { code: number; message: string; data?: ChatErrorData } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

/** Turns any thrown value into a ChatError, keeping a service code when there is one. */
export function toChatError(value: unknown, fallbackCode: number = ChatErrorCode.MSG_SEND_FAIL): ChatError {
  if (value instanceof ChatError) return value;
  // Before the shape test: a DOMException has a numeric `code` of its own (22 for a full storage).
  if (value instanceof DOMException && value.name === 'QuotaExceededError') {
    return new ChatError(ChatErrorCode.STORAGE_FULL, 'Storage quota exceeded');
  }
  if (isChatError(value)) return new ChatError(value.code, String(value.message ?? ''), value.data);
  return new ChatError(fallbackCode, value instanceof Error ? value.message : String(value));
}

/**
 * Rejects with `CHUNK_UNREACHABLE`: put on every `import()` of a lazy chunk (`import('./x.js').catch(unreachable)`),
 * so what failed to load reaches the user and the host as that error (its text: reload the page), not as an
 * unknown one.
 */
export function unreachable(cause: unknown): never {
  // The message is the browser's (e.g. "TypeError: Failed to fetch dynamically imported module: <its URL>").
  throw new ChatError(ChatErrorCode.CHUNK_UNREACHABLE, String(cause));
}

/**
 * What the UI does about an error:
 * - `network`: keep the message failed with Retry; auto-retry is allowed (bounded).
 * - `session`: the user must log in again (kicked out, ticket expired, logged out). Never auto-login in a loop.
 * - `relationship`: blocked / not friends / relationship state: say so; no retry.
 * - `permission`: muted, no group permission, outside the revoke window.
 * - `content`: rejected or too large: the user must change it.
 * - `rate`: back off, then retry.
 * - `state`: not ready yet (logging in, not initialised): wait, then retry.
 */
export type ErrorCategory =
  | 'network'
  | 'session'
  | 'relationship'
  | 'permission'
  | 'content'
  | 'rate'
  | 'state'
  | 'unknown';

const CATEGORY_CODES: Record<Exclude<ErrorCategory, 'unknown'>, number[]> = {
  network: [2800, 2801, 2805, 2806, 6200, 6201, 6250, 6251, 9508, 9510, 9520, 20004],
  // The web SDK rejects every API with the current not-ready reason as the code (2024, 3002-3006).
  session: [70001, 70003, 70009, 70013, 70052, 6206, 20002, 2024, 3002, 3003, 3004, 3005, 3006],
  relationship: [20003, 20007, 20009, 20010, 20011, 30001, 30515, 30516, 30525, 2700, 2701, 2742, 10019],
  permission: [10007, 10017, 20006, 20012, 20016, 10031, 10013, 10010],
  // (2807, a full storage: the message cannot be kept as it is, and sending it again at once would fail too.)
  content: [80001, 80002, 2807, 3123, 2105, 2252, 2253, 2301, 2351, 2402, 8001, 20026, 2480, 10004, 10021],
  rate: [2996, 10023, 60018, 9506, 10002],
  state: [2999, 3000, 6012, 6013, 6014, 2025, 2500, 2040, 60020],
};

/** The category of a service error code. */
export function classifyError(code: number): ErrorCategory {
  for (const [category, codes] of Object.entries(CATEGORY_CODES)) if (codes.includes(code)) return category as ErrorCategory;
  return 'unknown';
}

/** Codes for which the same request may succeed if simply sent again. */
export function isRetryable(code: number): boolean {
  const category = classifyError(code);
  return category === 'network' || category === 'rate' || category === 'state';
}
