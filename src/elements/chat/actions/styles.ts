import { css } from '../../shared/first-screen.js';
import { buttonVariantStyles } from '../../shared/button-variants.js';

/**
 * Added to `<tim-chat>`'s shadow root with the chunk: the toolbar, the checkboxes and the select bar (whose
 * delete button is a `.button.danger`: the chat's own styles have no button variants).
 */
export const actionsStyles = css`
${buttonVariantStyles}
.row{position:relative}
.tools-anchor{position:relative;flex:none;inline-size:0;align-self:stretch}
.tools{position:absolute;z-index:1;inset-block-start:0;inset-inline-start:var(--tim-space-1);display:flex;gap:2px;padding:2px;border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-m);background:var(--tim-color-surface-raised);box-shadow:var(--tim-shadow-raised)}
.row.own .tools{inset-inline-start:auto;inset-inline-end:var(--tim-space-1)}
.tools .icon-button{inline-size:2rem;block-size:2rem;border-radius:var(--tim-radius-s)}
.tools .icon-button svg{inline-size:1.1rem;block-size:1.1rem}
:host(:dir(rtl)) .tools .directional svg{transform:scaleX(-1)}
.re-edit{color:var(--tim-color-accent);font-size:var(--tim-font-size-xs);font-weight:600;margin-inline-start:var(--tim-space-2);padding:var(--tim-space-1);border-radius:var(--tim-radius-s)}
.re-edit:hover{text-decoration:underline}
:host([selecting]) .row:not(.notice){padding-inline-start:calc(var(--tim-space-4) + 2rem);cursor:pointer}
:host([selecting]) .row:not(.notice) .stack{pointer-events:none}
:host([selecting]) .row:has(.pick:checked){background:var(--tim-color-selected)}
.pick{position:absolute;inset-inline-start:var(--tim-space-4);inset-block-start:50%;translate:0 -50%;inline-size:1.125rem;block-size:1.125rem;margin:0;accent-color:var(--tim-color-accent);cursor:pointer}
.select-bar{container-type:inline-size;display:flex;flex-wrap:wrap;align-items:center;gap:var(--tim-space-2);padding:var(--tim-space-2) var(--tim-space-4);border-block-start:1px solid var(--tim-color-border);background:var(--tim-color-surface)}
.select-bar .count{flex:1;min-inline-size:6rem;font-weight:600;font-variant-numeric:tabular-nums}
.select-bar .bulk{display:flex;flex-wrap:wrap;gap:var(--tim-space-2)}
.select-bar .button svg{inline-size:1.1rem;block-size:1.1rem}
:host(:dir(rtl)) .select-bar svg{transform:scaleX(-1)}
@container (width < 36rem){.select-bar .bulk{order:1;flex-basis:100%}.select-bar .bulk .button{flex:1 1 auto}}
/* Narrow rows: the toolbar floats over the row's top end corner rather than beside the bubble. */
.row{container-type:inline-size}
@container (width < 34rem){.tools-anchor{position:static}.tools{inset-block-start:0;inset-inline:auto var(--tim-space-2)}.row.own .tools{inset-inline:var(--tim-space-2) auto}}
@media (hover:none){.tools{display:none}}
`;

/** The layer's own: the toast, the forward picker and the read-receipt lists (inside its dialogs). */
export const layerStyles = css`
:host{position:absolute;z-index:3;inset-inline:0;inset-block-end:calc(var(--tim-space-4) + 2.75rem);display:flex;justify-content:center;pointer-events:none}
tim-menu,tim-dialog{pointer-events:auto}
.toast span{display:block;max-inline-size:min(24rem,90vw);padding:var(--tim-space-2) var(--tim-space-4);border-radius:var(--tim-radius-round);background:var(--tim-color-text);color:var(--tim-color-bg);font-size:var(--tim-font-size-s);box-shadow:var(--tim-shadow-raised);text-align:center}
.what{margin:0 0 var(--tim-space-3);color:var(--tim-color-text-muted);font-size:var(--tim-font-size-s);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;unicode-bidi:plaintext}
blockquote.what{border-inline-start:3px solid var(--tim-color-border);padding-inline-start:var(--tim-space-2)}
.filter{display:block;inline-size:100%;min-block-size:2.5rem;padding:0 var(--tim-space-3);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-s);background:var(--tim-color-bg);color:var(--tim-color-text);font:inherit}
.targets,.people{list-style:none;margin:var(--tim-space-2) 0 0;padding:0;max-block-size:min(20rem,45vh);overflow-y:auto;overscroll-behavior:contain}
.target,.people li{display:flex;align-items:center;gap:var(--tim-space-3);padding:var(--tim-space-2);border-radius:var(--tim-radius-s);--tim-avatar-size:2rem;min-inline-size:0}
.target{cursor:pointer}
.target:hover,.target:has(:checked){background:var(--tim-color-hover)}
.target input{inline-size:1.125rem;block-size:1.125rem;margin:0;flex:none;accent-color:var(--tim-color-accent)}
.target-name,.people bdi{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;unicode-bidi:isolate;min-inline-size:0}
.empty{margin:var(--tim-space-3) 0;color:var(--tim-color-text-muted)}
h3{margin:var(--tim-space-3) 0 0;font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted)}
.people{max-block-size:min(14rem,30vh)}
.receipt-lists{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--tim-space-2)}
`;
