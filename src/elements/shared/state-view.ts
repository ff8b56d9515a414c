import { css, html, nothing } from 'lit';

/** Styles for `stateView`: include in the element's styles. */
export const stateViewStyles = css`
  .state {
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--tim-space-3);
    padding: var(--tim-space-5);
    text-align: center;
    color: var(--tim-color-text-muted);
    min-height: 8rem;
  }
  .state.error {
    color: var(--tim-color-danger);
  }
  .state .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    border: 2px solid var(--tim-color-border);
    border-top-color: var(--tim-color-accent);
    animation: tim-spin 0.8s linear infinite;
  }
  @keyframes tim-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

/**
 * A loading, empty or error state: a line of text and, where there is one, a way forward (retry, log in
 * again). `part` lets hosts restyle it; an `empty` slot name lets them replace the empty state.
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
    ${action ? html`<button class="button" @click=${action.run}>${action.label}</button>` : nothing}
  </div>`;
  return options.slot ? html`<slot name=${options.slot}>${body}</slot>` : body;
}
