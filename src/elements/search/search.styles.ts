import { css } from '../shared/first-screen.js';

export const searchStyles = css`
:host{display:flex;flex-direction:column;height:100%;min-block-size:0;background:var(--tim-color-bg)}
.header{display:flex;align-items:center;gap:var(--tim-space-2);padding:var(--tim-space-2) var(--tim-space-3) 0;min-block-size:3rem}
.title{font-weight:600;font-size:var(--tim-font-size-l)}
.scope{display:flex;align-items:center;gap:var(--tim-space-2);min-inline-size:0;font-weight:600;--tim-avatar-size:1.75rem}
.scope bdi,.name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;unicode-bidi:isolate}
.field{display:flex;align-items:center;gap:var(--tim-space-2);margin:var(--tim-space-2) var(--tim-space-3);padding-inline:var(--tim-space-3) var(--tim-space-1);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-round);background:var(--tim-color-surface);color:var(--tim-color-text-muted)}
.field:focus-within{border-color:var(--tim-color-focus);box-shadow:0 0 0 1px var(--tim-color-focus)}
.field>svg{flex:none;inline-size:1.1rem;block-size:1.1rem}
input{flex:1;min-inline-size:0;min-block-size:2.5rem;border:0;background:none;font:inherit;color:var(--tim-color-text);outline:none}
input:focus-visible{outline:none}
input::placeholder{color:var(--tim-color-text-muted)}
.field .icon-button{inline-size:2rem;block-size:2rem}
.filters{display:flex;flex-wrap:wrap;gap:var(--tim-space-2);padding:0 var(--tim-space-3) var(--tim-space-2)}
select{font:inherit;font-size:var(--tim-font-size-s);color:var(--tim-color-text);background:var(--tim-color-surface-raised);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-round);padding:var(--tim-space-1) var(--tim-space-2);max-inline-size:12rem}
.notice{margin:0 var(--tim-space-3) var(--tim-space-2);padding:var(--tim-space-2) var(--tim-space-3);border-radius:var(--tim-radius-m);background:var(--tim-color-surface);color:var(--tim-color-text-muted);font-size:var(--tim-font-size-s)}
.notice.error{color:var(--tim-color-danger)}
.link{color:var(--tim-color-accent);font-weight:600;text-decoration:underline}
.count{padding:0 var(--tim-space-4) var(--tim-space-1);font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted)}
.results{flex:1;min-block-size:0;overflow-y:auto;overscroll-behavior:contain;padding-block-end:var(--tim-space-2);transition:opacity .2s}
.results.busy{opacity:.6}
.section+.section{border-block-start:1px solid var(--tim-color-border)}
.heading{display:flex;gap:var(--tim-space-2);padding:var(--tim-space-3) var(--tim-space-4) var(--tim-space-1);font-size:var(--tim-font-size-s);font-weight:600;color:var(--tim-color-text-muted)}
.heading .count{padding:0;font-weight:400}
.item{display:flex;align-items:center;gap:var(--tim-space-3);padding:var(--tim-space-2) var(--tim-space-4);cursor:pointer;--tim-avatar-size:2.5rem;min-block-size:3.5rem}
.item:hover{background:var(--tim-color-hover)}
.item.active{background:var(--tim-color-selected);outline:2px solid var(--tim-color-focus);outline-offset:-2px}
.item.more{justify-content:center;gap:var(--tim-space-2);min-block-size:2.75rem;color:var(--tim-color-accent);font-weight:600;font-size:var(--tim-font-size-s)}
.lines{display:grid;flex:1;min-inline-size:0}
.top{display:flex;align-items:baseline;gap:var(--tim-space-2);min-inline-size:0}
.name{flex:1;font-weight:500}
time{flex:none;font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);font-variant-numeric:tabular-nums;unicode-bidi:plaintext}
.detail{font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;unicode-bidi:plaintext}
.sender{display:inline-block;max-inline-size:10em;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}
mark{background:var(--tim-color-highlight);color:var(--tim-color-on-highlight);border-radius:2px}
.spinner{inline-size:1rem;block-size:1rem}
@keyframes tim-spin{to{transform:rotate(360deg)}}
`;
