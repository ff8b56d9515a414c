/**
 * The plain-text preview of a message (Tencent's `messageForShow`), used by cores for conversation
 * `lastMessage`. Elements localise their own previews from `type` and `payload`. (What search indexes
 * of a message is `searchableText`, in `local/search-index.ts`: it loads with the first search.)
 */
import type { MessageContent, MessageType } from './types.js';

export function messageForShow(message: MessageContent & { isRevoked?: boolean }): string {
  if (message.isRevoked) return '[Recalled]';
  const type: MessageType = message.type;
  switch (message.type) {
    case 'TIMTextElem':
      return message.payload.text;
    case 'TIMImageElem':
      return '[Image]';
    case 'TIMFileElem':
      return `[File] ${message.payload.fileName}`;
    case 'TIMSoundElem':
      return '[Voice]';
    case 'TIMVideoFileElem':
      return '[Video]';
    case 'TIMFaceElem':
      return '[Sticker]';
    case 'TIMLocationElem':
      return `[Location] ${message.payload.description}`;
    case 'TIMCustomElem':
      return message.payload.description || '[Custom]';
    case 'TIMRelayElem':
      return `[Chat record] ${message.payload.title}`;
    case 'TIMGroupTipElem':
      return '[Group notice]';
    default:
      return `[${type}]`;
  }
}

