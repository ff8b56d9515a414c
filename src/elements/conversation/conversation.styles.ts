import { css } from 'lit';

export const conversationStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
    background: var(--tim-color-bg);
    --tim-avatar-size: 3rem;
  }
  .header:not(:empty) {
    display: grid;
    gap: var(--tim-space-2);
  }
  .filter {
    position: relative;
    display: flex;
    align-items: center;
    margin: var(--tim-space-2) var(--tim-space-3);
  }
  .filter svg {
    position: absolute;
    inset-inline-start: var(--tim-space-3);
    width: 1rem;
    height: 1rem;
    color: var(--tim-color-text-muted);
    pointer-events: none;
  }
  .filter input {
    flex: 1;
    min-width: 0;
    font: inherit;
    color: inherit;
    padding-block: var(--tim-space-2);
    padding-inline: calc(var(--tim-space-3) + 1.5rem) calc(var(--tim-space-3) + 1.75rem);
    border-radius: var(--tim-radius-round);
    border: 1px solid var(--tim-color-border);
    background: var(--tim-color-surface);
  }
  .filter input::-webkit-search-cancel-button {
    display: none;
  }
  .filter .clear {
    position: absolute;
    inset-inline-end: var(--tim-space-1);
    width: 1.75rem;
    height: 1.75rem;
  }
  .filter .clear svg {
    position: static;
  }
  .list {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    outline: none;
  }
  .list:focus-visible:not([aria-activedescendant]) {
    box-shadow: inset 0 0 0 2px var(--tim-color-focus);
  }
  .item {
    display: flex;
    align-items: center;
    gap: var(--tim-space-3);
    height: 4.5rem;
    padding-block: var(--tim-space-2);
    padding-inline: var(--tim-space-3) var(--tim-space-2);
    cursor: pointer;
    user-select: none;
    -webkit-user-select: none;
    -webkit-touch-callout: none;
    position: relative;
    contain: layout style;
  }
  .item.pinned {
    background: var(--tim-color-surface);
  }
  .item:hover {
    background: var(--tim-color-hover);
  }
  .item.active {
    background: var(--tim-color-selected);
  }
  .list:focus-visible .item.focused {
    outline: 2px solid var(--tim-color-focus);
    outline-offset: -2px;
  }
  .body {
    flex: 1;
    min-width: 0;
    display: grid;
    gap: 0.125rem;
  }
  .top,
  .bottom {
    display: flex;
    align-items: center;
    gap: var(--tim-space-1);
    min-width: 0;
  }
  .bottom {
    gap: var(--tim-space-2);
  }
  .name {
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    unicode-bidi: isolate;
  }
  .flag {
    display: inline-flex;
    color: var(--tim-color-text-muted);
    flex: none;
  }
  .flag svg,
  .tick svg {
    width: 0.875rem;
    height: 0.875rem;
  }
  .time {
    margin-inline-start: auto;
    padding-inline-start: var(--tim-space-2);
    flex: none;
    font-size: var(--tim-font-size-xs);
    color: var(--tim-color-text-muted);
    white-space: nowrap;
  }
  .preview {
    /* Sized to its text: the row's direction places it, its own (dir=auto) decides where it is cut. */
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: var(--tim-font-size-s);
    color: var(--tim-color-text-muted);
  }
  .marker {
    color: var(--tim-color-danger);
  }
  .typing {
    color: var(--tim-color-accent);
  }
  .tick {
    display: inline-flex;
    flex: none;
    margin-inline-end: calc(var(--tim-space-1) * -1);
    color: var(--tim-color-text-muted);
  }
  .tick.read {
    color: var(--tim-color-accent);
  }
  .tick.failed {
    color: var(--tim-color-danger);
  }
  .badge {
    flex: none;
    margin-inline-start: auto;
    min-width: 1.25rem;
    height: 1.25rem;
    padding: 0 0.375rem;
    border-radius: var(--tim-radius-round);
    background: var(--tim-color-badge);
    color: var(--tim-color-on-badge);
    font-size: var(--tim-font-size-xs);
    font-weight: 600;
    line-height: 1.25rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .dot {
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    margin-inline: auto 0.3125rem;
    border-radius: 50%;
    background: var(--tim-color-badge);
  }
  .dot.muted {
    background: var(--tim-color-muted-badge);
  }
  .more {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: var(--tim-radius-round);
    color: var(--tim-color-text-muted);
    visibility: hidden;
  }
  .more svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  .more:hover {
    background: var(--tim-color-hover);
    color: var(--tim-color-text);
  }
  .item:hover .more,
  .item.focused .more,
  .item.menu-open .more {
    visibility: visible;
  }
  @media (hover: none) {
    .more {
      visibility: visible;
    }
  }
  .alert {
    display: flex;
    align-items: center;
    gap: var(--tim-space-2);
    margin: var(--tim-space-2) var(--tim-space-3) 0;
    padding: var(--tim-space-2) var(--tim-space-3);
    border-radius: var(--tim-radius-s);
    background: var(--tim-color-surface);
    color: var(--tim-color-danger);
    font-size: var(--tim-font-size-s);
  }
  .alert span {
    flex: 1;
  }
  .alert button {
    color: var(--tim-color-accent);
    font-weight: 600;
  }
  .state {
    flex: 1;
  }
`;
