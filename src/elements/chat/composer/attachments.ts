/**
 * The composer's attachment tray: files picked, pasted or dropped are checked against the core's limits
 * (a clear error before any upload), previewed, then sent one message each with a progress bar while
 * they upload.
 */
import { html, nothing, type ReactiveController } from '../../shared/first-screen.js';
import { icon } from '../../shared/all-icons.js';
import type { MessageDraft } from '../../../core/index.js';
import type { TimChatComposer } from './composer.js';

export interface Attachment {
  readonly key: number;
  readonly file: File;
  readonly kind: 'image' | 'video' | 'file';
  /** A `blob:` URL for the preview of images and videos. */
  readonly url: string;
  /** Set once sending: the message's ID, for its progress. */
  messageID?: string;
}

let nextKey = 0;

export class Attachments implements ReactiveController {
  readonly #host: TimChatComposer;
  items: Attachment[] = [];
  /** Attachments sent and still uploading (shown with their progress until they are sent). */
  uploading: Attachment[] = [];

  constructor(host: TimChatComposer) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Opens the file picker. */
  pick(): void {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.addEventListener('change', () => this.add([...(input.files ?? [])]));
    input.click();
  }

  /** Adds files to the tray, refusing (with a notice) what the core cannot send. */
  add(files: readonly File[]): void {
    const host = this.#host;
    const t = host.t;
    const capabilities = host.store?.core.capabilities;
    if (!capabilities?.mediaMessages) return host.attachmentError(t.composer.mediaUnsupported);
    const errors: string[] = [];
    for (const file of files) {
      const kind = capabilities.imageTypes.includes(file.type) ? 'image' : file.type.startsWith('video/') ? 'video' : 'file';
      const max = kind === 'image' ? capabilities.maxImageBytes : kind === 'video' ? capabilities.maxVideoBytes : capabilities.maxFileBytes;
      const name = file.name || t.chat.image;
      if (file.size === 0) errors.push(t.composer.fileEmpty(name));
      else if (file.size > max) errors.push(t.composer.fileTooLarge(name, host.formatBytes(max)));
      else this.items = [...this.items, { key: nextKey++, file, kind, url: kind === 'file' ? '' : URL.createObjectURL(file) }];
    }
    host.attachmentError(errors.join(' '));
    host.requestUpdate();
  }

  remove(item: Attachment): void {
    this.items = this.items.filter((a) => a !== item);
    if (item.url) URL.revokeObjectURL(item.url);
    this.#host.requestUpdate();
  }

  clear(): void {
    for (const a of [...this.items, ...this.uploading]) if (a.url) URL.revokeObjectURL(a.url);
    this.items = [];
    this.uploading = [];
  }

  /** Sends every attachment, each its own message. False when the host vetoed one (it stays in the tray). */
  async sendAll(): Promise<boolean> {
    const host = this.#host;
    for (const item of [...this.items]) {
      // A picture the browser cannot decode (a file named .png that is not one) goes as a file, not as a
      // broken image (reliability F21).
      const size = item.kind === 'image' ? await imageSize(item.url) : {};
      const draft: MessageDraft =
        size.width
          ? { type: 'TIMImageElem', payload: { file: item.file, fileName: item.file.name, ...size } }
          : item.kind === 'video'
            ? { type: 'TIMVideoFileElem', payload: { file: item.file, fileName: item.file.name } }
            : { type: 'TIMFileElem', payload: { file: item.file, fileName: item.file.name || 'file' } };
      const sent = host.sendDraft(draft, '', {
        started: (id) => (item.messageID = id),
        settled: () => this.#done(item),
      });
      if (!sent) return false;
      this.items = this.items.filter((a) => a !== item);
      this.uploading = [...this.uploading, item];
      host.requestUpdate();
    }
    return true;
  }

  #done(item: Attachment): void {
    this.uploading = this.uploading.filter((a) => a !== item);
    if (item.url) URL.revokeObjectURL(item.url);
    this.#host.requestUpdate();
  }

  render() {
    const host = this.#host;
    const t = host.t;
    const all = [...this.uploading, ...this.items];
    if (all.length === 0) return nothing;
    const locale = host.locale;
    return html`<ul class="tray" part="attachments" aria-label=${t.composer.attachments}>
      ${all.map((a) => {
        const uploading = this.uploading.includes(a);
        const progress = a.messageID ? host.progressOf(a.messageID) : undefined;
        const name = a.file.name || t.chat.image;
        const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(progress ?? 0);
        return html`<li class="attachment ${uploading ? 'uploading' : ''}">
          ${a.kind === 'image'
            ? html`<img class="thumb" src=${a.url} alt="" />`
            : a.kind === 'video'
              ? html`<video class="thumb" src=${a.url} muted preload="metadata"></video>`
              : html`<span class="thumb file">${icon('file')}</span>`}
          <span class="attachment-text">
            <span class="attachment-name" dir="auto" title=${name}>${name}</span>
            <span class="attachment-size">${host.formatBytes(a.file.size)}</span>
            ${uploading
              ? html`<progress part="upload-progress" max="1" .value=${progress ?? 0} aria-label=${t.composer.uploading(name, percent)}></progress>`
              : nothing}
          </span>
          ${uploading ? nothing : html`<button class="icon-button" aria-label=${t.composer.removeAttachment(name)} @click=${() => this.remove(a)}>${icon('close')}</button>`}
        </li>`;
      })}
    </ul>`;
  }
}

/** An image's natural size (for the message's placeholder), or nothing when it cannot be decoded. */
function imageSize(url: string): Promise<{ width?: number; height?: number }> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => resolve({});
    img.src = url;
  });
}
