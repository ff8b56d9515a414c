import { css } from '../shared/first-screen.js';

/**
 * What every profile view shares: a scrolling pane of sections, an identity header, label/value rows,
 * action buttons, switches, list items, form fields and the result line.
 */
export const viewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    position: relative;
  }
  .pane {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding-block-end: var(--tim-space-4);
  }
  h2 {
    margin: 0;
    padding: var(--tim-space-4) var(--tim-space-4) var(--tim-space-2);
    font-size: var(--tim-font-size-l);
  }
  h3 {
    margin: 0 0 var(--tim-space-2);
    font-size: var(--tim-font-size-s);
    font-weight: 600;
    color: var(--tim-color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  bdi,
  .name,
  .text {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--tim-space-4);
    padding: var(--tim-space-5) var(--tim-space-4) var(--tim-space-4);
  }
  .header tim-avatar {
    --tim-avatar-size: 4.5rem;
  }
  .who {
    min-width: 0;
    display: grid;
    gap: var(--tim-space-1);
  }
  .name {
    font-size: 1.375rem;
    font-weight: 600;
    line-height: 1.2;
  }
  .meta {
    color: var(--tim-color-text-muted);
    font-size: var(--tim-font-size-s);
    overflow-wrap: anywhere;
  }
  .signature {
    color: var(--tim-color-text-muted);
    white-space: pre-line;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tim-space-1);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--tim-space-2);
    border-radius: var(--tim-radius-round);
    font-size: var(--tim-font-size-xs);
    line-height: 1.5rem;
    background: var(--tim-color-surface);
    color: var(--tim-color-text-muted);
    border: 1px solid var(--tim-color-border);
    white-space: nowrap;
  }
  .badge.friend,
  .badge.Owner {
    color: var(--tim-color-success);
    border-color: currentColor;
  }
  .badge.blocked,
  .badge.muted {
    color: var(--tim-color-danger);
    border-color: currentColor;
  }
  .badge.pending,
  .badge.incoming,
  .badge.Admin {
    color: var(--tim-color-accent);
    border-color: currentColor;
  }
  .section {
    padding: var(--tim-space-3) var(--tim-space-4);
    border-block-start: 1px solid var(--tim-color-border);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tim-space-2);
    padding: 0 var(--tim-space-4) var(--tim-space-4);
  }
  .row {
    display: flex;
    /* A narrow pane (or 200% text): the row's button goes under the value rather than squeezing it letter by letter. */
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tim-space-3);
    min-height: 2.75rem;
  }
  .row + .row {
    border-block-start: 1px solid var(--tim-color-border);
  }
  .label {
    flex: none;
    width: 9rem;
    max-width: 40%;
    color: var(--tim-color-text-muted);
  }
  .value {
    flex: 1 1 6rem;
    min-width: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .unset {
    color: var(--tim-color-text-muted);
  }
  .link {
    color: var(--tim-color-accent);
    font-weight: 500;
    padding: var(--tim-space-1) var(--tim-space-2);
    border-radius: var(--tim-radius-s);
  }
  .link:hover {
    background: var(--tim-color-hover);
  }
  .link.danger {
    color: var(--tim-color-danger);
  }
  .row > .link:first-child {
    margin-inline-start: calc(-1 * var(--tim-space-2));
  }
  .danger-zone {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tim-space-2);
  }
  .hint {
    color: var(--tim-color-text-muted);
    font-size: var(--tim-font-size-s);
    margin: var(--tim-space-1) 0 0;
  }
  .hint tim-avatar.preview {
    --tim-avatar-size: 2rem;
    vertical-align: middle;
  }
  /* A switch: a button with role="switch" and aria-checked. */
  .switch {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--tim-space-3);
    width: 100%;
    min-height: 2.75rem;
    text-align: start;
  }
  .switch .track {
    flex: none;
    width: 2.5rem;
    height: 1.5rem;
    border-radius: var(--tim-radius-round);
    background: var(--tim-color-muted-badge);
    position: relative;
    transition: background var(--tim-transition);
  }
  .switch .track::after {
    content: '';
    position: absolute;
    inset-block-start: 0.1875rem;
    inset-inline-start: 0.1875rem;
    width: 1.125rem;
    height: 1.125rem;
    border-radius: 50%;
    background: var(--tim-color-bg);
    transition: transform var(--tim-transition);
  }
  .switch[aria-checked='true'] .track {
    background: var(--tim-color-accent);
  }
  .switch[aria-checked='true'] .track::after {
    transform: translateX(1rem);
  }
  :host(:dir(rtl)) .switch[aria-checked='true'] .track::after {
    transform: translateX(-1rem);
  }
  /* List items (requests, blocked users, members, friends). */
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .section .list {
    margin-inline: calc(-1 * var(--tim-space-4));
  }
  .item {
    display: flex;
    align-items: center;
    gap: var(--tim-space-3);
    padding: var(--tim-space-2) var(--tim-space-4);
    min-height: 3.5rem;
  }
  .item tim-avatar {
    --tim-avatar-size: 2.5rem;
  }
  .item .who {
    flex: 1;
    gap: 0;
  }
  .item .name {
    font-size: var(--tim-font-size-m);
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .item .meta {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .item .meta.wrap {
    white-space: normal;
  }
  .item .person {
    display: flex;
    align-items: center;
    gap: var(--tim-space-3);
    flex: 1;
    min-width: 0;
    text-align: start;
    border-radius: var(--tim-radius-s);
  }
  .item-actions {
    display: flex;
    gap: var(--tim-space-2);
    flex: none;
  }
  /* Form fields. */
  form {
    display: grid;
    gap: var(--tim-space-3);
    max-inline-size: 36rem;
  }
  .field {
    display: grid;
    gap: var(--tim-space-1);
  }
  .field > label,
  .field > .legend {
    font-weight: 500;
  }
  input:not([type='radio']):not([type='checkbox']),
  textarea,
  select {
    font: inherit;
    color: inherit;
    width: 100%;
    padding: var(--tim-space-2) var(--tim-space-3);
    border: 1px solid var(--tim-color-border);
    border-radius: var(--tim-radius-s);
    background: var(--tim-color-bg);
  }
  textarea {
    resize: vertical;
    min-height: 4.5rem;
  }
  [aria-invalid='true'] {
    border-color: var(--tim-color-danger) !important;
  }
  .field-error {
    color: var(--tim-color-danger);
    font-size: var(--tim-font-size-s);
    margin: 0;
  }
  .counter {
    color: var(--tim-color-text-muted);
    font-size: var(--tim-font-size-xs);
    justify-self: end;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--tim-space-1);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--tim-space-2);
    min-height: 2rem;
  }
  .choice input {
    accent-color: var(--tim-color-accent);
    margin: 0;
  }
  .choices {
    max-height: 50vh;
    overflow-y: auto;
  }
  .form-actions {
    display: flex;
    gap: var(--tim-space-2);
    flex-wrap: wrap;
  }
  /* The result line of the last action. */
  .notice {
    display: flex;
    align-items: center;
    gap: var(--tim-space-2);
    margin: 0;
    padding: var(--tim-space-2) var(--tim-space-4);
    border-block-start: 1px solid var(--tim-color-border);
    background: var(--tim-color-surface);
    font-size: var(--tim-font-size-s);
  }
  .notice.error {
    color: var(--tim-color-danger);
  }
  .notice span {
    flex: 1;
  }
  .notice button {
    color: var(--tim-color-text-muted);
  }
`;
