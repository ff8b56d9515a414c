import { html, nothing } from 'lit';

/**
 * A loading, empty or error state (styled by `stateViewStyles` of `styles/shared.ts`): a line of text and,
 * where there is one, a way forward (retry, log in again). `part` lets hosts restyle it; an `empty` slot
 * name lets them replace the empty state.
 */
export function stateView(options: {
  kind: 'loading' | 'empty' | 'error';
  text: string;
  action?: { label: string; run: () => void };
  slot?: string;
}) {
  const { kind, text, action } = options;
  const body = html`<div part="state ${kind}" class="state ${kind}" role=${kind === 'error' ? 'alert' : 'status'}>
    ${kind === 'loading' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
    <span>${text}</span>
    ${action ? html`<button type="button" class="button" @click=${action.run}>${action.label}</button>` : nothing}
  </div>`;
  return options.slot ? html`<slot name=${options.slot}>${body}</slot>` : body;
}
