import type { Catalog } from '../../i18n/index.js';
import { formatDuration } from '../../i18n/index.js';
import type { MessageContent } from '../../core/index.js';

/**
 * The one-line, localised preview of a message (conversation list, quotes, search results, forward
 * abstracts). Plain text for a text binding; the sender prefix and recall wording are the caller's.
 */
export function previewText(t: Catalog, message: MessageContent): string {
  const p = t.common.preview;
  switch (message.type) {
    case 'TIMTextElem':
      return message.payload.text;
    case 'TIMImageElem':
      return p.image;
    case 'TIMVideoFileElem':
      return p.video;
    case 'TIMSoundElem':
      return p.voice(formatDuration(message.payload.second));
    case 'TIMFileElem':
      return p.file(message.payload.fileName);
    case 'TIMFaceElem':
      return p.sticker;
    case 'TIMLocationElem':
      return p.location(message.payload.description);
    case 'TIMRelayElem':
      return p.chatRecord(message.payload.title);
    case 'TIMCustomElem':
      return message.payload.description || p.custom;
    case 'TIMGroupTipElem':
    case 'TIMGroupSystemNoticeElem':
      return p.groupNotice;
  }
}

/** Recall wording: "You recalled a message" / "Bob recalled a message". */
export function recalledText(t: Catalog, byMe: boolean, name: string): string {
  return byMe ? t.common.preview.recalledByYou : t.common.preview.recalledBy(name);
}
