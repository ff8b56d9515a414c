import { css } from '../../shared/first-screen.js';

// The host's padding and border and the row's 2.5rem are mirrored by <tim-chat>'s `.composer slot>:not(:defined)`.
export const composerStyles = css`
:host{display:flex;flex-direction:column;gap:var(--tim-space-2);padding:var(--tim-space-2) var(--tim-space-3) var(--tim-space-3);border-block-start:1px solid var(--tim-color-border);background:var(--tim-color-bg);position:relative}
.row{display:flex;align-items:flex-end;gap:var(--tim-space-1)}
textarea{flex:1;min-inline-size:0;resize:none;font:inherit;color:var(--tim-color-text);background:var(--tim-color-surface);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-l);padding:var(--tim-space-2) var(--tim-space-3);min-block-size:2.5rem;max-block-size:var(--tim-composer-max-height,10rem);overflow-y:auto;line-height:var(--tim-line-height,1.4);unicode-bidi:plaintext}
textarea:focus-visible{outline:2px solid var(--tim-color-focus);outline-offset:-1px}
textarea[aria-invalid=true]{border-color:var(--tim-color-danger)}
.disabled textarea{color:var(--tim-color-text-muted);cursor:not-allowed}
.send{flex:none;display:grid;place-items:center;inline-size:2.5rem;block-size:2.5rem;border-radius:50%;background:var(--tim-color-accent);color:var(--tim-color-on-accent)}
.send:disabled{background:var(--tim-color-surface);color:var(--tim-color-text-muted);cursor:default}
.send svg{inline-size:1.2rem;block-size:1.2rem}
:host(:dir(rtl)) .send svg{transform:scaleX(-1)}
.counter{align-self:flex-end;padding-block-end:var(--tim-space-2);font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.counter.over{color:var(--tim-color-danger);font-weight:600}
.reason,.notice{display:flex;align-items:center;gap:var(--tim-space-2);font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted);padding-inline:var(--tim-space-1)}
.notice{color:var(--tim-color-danger)}
.reason svg,.notice svg{flex:none;inline-size:1.1rem;block-size:1.1rem}
.banner{display:flex;align-items:center;gap:var(--tim-space-2);padding:var(--tim-space-1) var(--tim-space-1) var(--tim-space-1) var(--tim-space-3);border-inline-start:3px solid var(--tim-color-accent);background:var(--tim-color-surface);border-radius:var(--tim-radius-s)}
.banner>svg{flex:none;inline-size:1.1rem;block-size:1.1rem;color:var(--tim-color-accent)}
:host(:dir(rtl)) .banner>svg:first-child{transform:scaleX(-1)}
.icon-button[aria-expanded=true]{background:var(--tim-color-selected);color:var(--tim-color-accent)}
.banner-text{display:grid;flex:1;min-inline-size:0;font-size:var(--tim-font-size-s)}
.banner-title{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.banner-body{color:var(--tim-color-text-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tray{display:flex;gap:var(--tim-space-2);overflow-x:auto;margin:0;padding:0;list-style:none}
.attachment{display:flex;align-items:center;gap:var(--tim-space-2);flex:none;max-inline-size:16rem;padding:var(--tim-space-1);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-m);background:var(--tim-color-surface)}
.thumb{flex:none;inline-size:3rem;block-size:3rem;object-fit:cover;border-radius:var(--tim-radius-s);background:var(--tim-color-bg);display:grid;place-items:center}
.thumb svg{inline-size:1.5rem;block-size:1.5rem;color:var(--tim-color-text-muted)}
.attachment-text{display:grid;min-inline-size:0;font-size:var(--tim-font-size-s)}
.attachment-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;unicode-bidi:plaintext}
.attachment-size{font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted)}
progress{accent-color:var(--tim-color-accent);block-size:4px;inline-size:100%}
.popup{position:absolute;inset-inline:var(--tim-space-3);inset-block-end:calc(100% - var(--tim-space-1));z-index:2;margin:0;padding:var(--tim-space-1);list-style:none;max-block-size:16rem;overflow-y:auto;background:var(--tim-color-surface-raised);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-m);box-shadow:var(--tim-shadow-raised)}
.mentions{max-inline-size:20rem}
.option{display:flex;align-items:center;gap:var(--tim-space-2);padding:var(--tim-space-1) var(--tim-space-2);border-radius:var(--tim-radius-s);cursor:pointer;--tim-avatar-size:1.75rem}
.option.active,.option:hover{background:var(--tim-color-hover)}
.option.active{outline:2px solid var(--tim-color-focus);outline-offset:-2px}
.option-icon{display:grid;place-items:center;inline-size:1.75rem;block-size:1.75rem;border-radius:50%;background:var(--tim-color-accent);color:var(--tim-color-on-accent);font-weight:700}
.option-name{font-weight:600;unicode-bidi:isolate;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.option-hint{font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
bdi.option-hint{flex:none;max-inline-size:45%}
tim-chat-emoji-picker,tim-chat-sticker-panel{position:absolute;inset-inline-start:var(--tim-space-3);inset-block-end:calc(100% - var(--tim-space-1));z-index:2}
.drop{position:absolute;inset:0;z-index:3;display:flex;align-items:center;justify-content:center;gap:var(--tim-space-2);border:2px dashed var(--tim-color-accent);border-radius:var(--tim-radius-m);background:var(--tim-color-surface-raised);color:var(--tim-color-accent);font-weight:600;pointer-events:none}
.drop svg{inline-size:1.5rem;block-size:1.5rem}
`;
