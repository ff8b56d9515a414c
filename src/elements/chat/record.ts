/**
 * The inside of a merged-forward ("chat record") message: the forwarded messages, each with its sender,
 * time and body. A lazy chunk: loaded when a reader first opens a record.
 */
import { html } from 'lit';
import type { MergedMessageItem, Message } from '../../core/index.js';
import { formatDateTime } from '../../i18n/index.js';
import type { BodyHost, MessageBodies } from './message-body.js';

type RecordMessage = Message & { type: 'TIMRelayElem' };

/** The record's messages: inline, or downloaded when the body was uploaded. */
export async function recordItems(host: BodyHost, m: RecordMessage, nested: boolean): Promise<MergedMessageItem[]> {
  const p = m.payload;
  if (p.messageList?.length || !p.downloadKey || nested) return p.messageList ?? [];
  return host.downloadRecord(m.ID);
}

/** A forwarded item as a message the bodies can render. */
function asMessage(item: MergedMessageItem, index: number, body: MergedMessageItem['messageBody'][number]): Message {
  return {
    ID: `${item.ID}:${index}`,
    from: item.from,
    nick: item.nick,
    avatar: item.avatar,
    time: item.time,
    flow: 'in',
    status: 'success',
    isRevoked: false,
    cloudCustomData: item.cloudCustomData,
    type: body.type,
    payload: body.payload,
  } as Message;
}

export function renderRecord(bodies: MessageBodies, state: { items?: MergedMessageItem[]; failed?: boolean }) {
  const { t, locale } = bodies.host;
  if (state.failed) return html`<div class="record-state" role="alert">${t.chat.recordFailed}</div>`;
  if (!state.items) return html`<div class="record-state" role="status">${t.chat.recordLoading}</div>`;
  return html`<ol class="record-list">
    ${state.items.map(
      (item) => html`<li class="record-item">
        <tim-avatar src=${item.avatar} name=${item.nick || item.from} seed=${item.from}></tim-avatar>
        <div class="record-main">
          <div class="record-meta"><bdi>${item.nick || item.from}</bdi> <time>${formatDateTime(item.time, locale)}</time></div>
          ${(item.messageBody ?? []).map((body, i) => html`<div class="record-body">${bodies.render(asMessage(item, i, body), true)}</div>`)}
        </div>
      </li>`,
    )}
  </ol>`;
}
