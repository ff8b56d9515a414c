/**
 * Quotes (replies) live in a message's `cloudCustomData` as JSON, in TUIKit's shape:
 * `{ "messageReply": { "messageID", "messageAbstract", "messageSender", "messageType", "version" } }`.
 * Every field is untrusted text.
 */
export interface ReplyReference {
  messageID: string;
  abstract: string;
  sender: string;
}

/** The quoted message a message replies to, or null. */
export function parseReply(cloudCustomData: string): ReplyReference | null {
  if (!cloudCustomData || !cloudCustomData.includes('messageReply')) return null;
  try {
    const r = (JSON.parse(cloudCustomData) as { messageReply?: Record<string, unknown> }).messageReply;
    if (!r || typeof r !== 'object' || typeof r.messageID !== 'string' || !r.messageID) return null;
    return { messageID: r.messageID, abstract: String(r.messageAbstract ?? ''), sender: String(r.messageSender ?? '') };
  } catch {
    return null;
  }
}
