import { css } from 'lit';

export const chatStyles = css`
:host{display:flex;flex-direction:column;height:100%;min-height:0;background:var(--tim-color-bg);--tim-chat-bubble-max-width:min(75%,36rem)}
header{display:flex;align-items:center;gap:var(--tim-space-1);padding:var(--tim-space-2) var(--tim-space-3);border-block-end:1px solid var(--tim-color-border);min-block-size:3.5rem}
.title{display:flex;align-items:center;gap:var(--tim-space-3);flex:1;min-inline-size:0;padding:var(--tim-space-1);border-radius:var(--tim-radius-m);text-align:start;--tim-avatar-size:2.5rem}
.title:hover:not(:disabled){background:var(--tim-color-hover)}
.title:disabled{opacity:1}
.names{display:grid;min-inline-size:0}
.name{font-weight:600;font-size:var(--tim-font-size-l);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;unicode-bidi:isolate}
.subtitle{font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-block-size:1em}
.subtitle.typing{color:var(--tim-color-accent)}
.main{position:relative;flex:1;min-block-size:0;display:flex;flex-direction:column}
.main>.state{flex:1}
.scroller{flex:1;min-block-size:0;overflow-y:auto;overscroll-behavior:contain;padding-block:var(--tim-space-2)}
.scroller.opening{visibility:hidden}
.scroller:focus-visible{outline-offset:-2px}
.row{display:flex;align-items:flex-start;gap:var(--tim-space-2);padding:1px var(--tim-space-4)}
.row.first{padding-block-start:var(--tim-space-2)}
.row.own{flex-direction:row-reverse}
.row:focus-visible{outline-offset:-2px;border-radius:var(--tim-radius-s)}
.row.notice{justify-content:center;padding-block:var(--tim-space-2)}
.tip{font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);background:var(--tim-color-surface);border-radius:var(--tim-radius-round);padding:var(--tim-space-1) var(--tim-space-3);text-align:center;max-inline-size:80%;overflow-wrap:anywhere}
.avatar{flex:none;inline-size:2.25rem;--tim-avatar-size:2.25rem;border-radius:50%}
.stack{display:flex;flex-direction:column;align-items:flex-start;gap:2px;min-inline-size:0;max-inline-size:var(--tim-chat-bubble-max-width)}
.own .stack{align-items:flex-end}
.sender{font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);padding-inline:var(--tim-space-3);unicode-bidi:isolate;max-inline-size:100%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bubble{max-inline-size:100%;padding:var(--tim-space-2) var(--tim-space-3);border-radius:var(--tim-radius-l);background:var(--tim-color-bubble-in);color:var(--tim-color-on-bubble-in);overflow-wrap:anywhere;transition:box-shadow .3s}
.own .bubble{background:var(--tim-color-bubble-out);color:var(--tim-color-on-bubble-out)}
.other:not(.first) .bubble{border-start-start-radius:var(--tim-radius-s)}
.other:not(.last) .bubble{border-end-start-radius:var(--tim-radius-s)}
.own:not(.first) .bubble{border-start-end-radius:var(--tim-radius-s)}
.own:not(.last) .bubble{border-end-end-radius:var(--tim-radius-s)}
.bubble.image,.bubble.videofile,.bubble.bare{padding:0;background:none;border-radius:var(--tim-radius-m);overflow:hidden}
.bubble.bare{overflow:visible;border-radius:0}
.text{white-space:pre-wrap;unicode-bidi:plaintext}
.text.jumbo{font-size:2.5rem;line-height:1.15}
.bubble a{color:inherit;text-decoration:underline}
.more{color:inherit;font-weight:600;text-decoration:underline;margin-block-start:var(--tim-space-1)}
.media{position:relative;display:grid}
.media-button{display:block;position:relative;border-radius:inherit;line-height:0}
.media img,.media video,.placeholder{display:block;max-inline-size:100%;block-size:auto;border-radius:var(--tim-radius-m);background:var(--tim-color-surface)}
.sticker{display:block;inline-size:7rem;block-size:7rem}
.quote{display:grid;text-align:start;max-inline-size:100%;font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted);border-inline-start:3px solid var(--tim-color-border);padding-inline-start:var(--tim-space-2);margin-block:2px}
.quote-sender{font-weight:600}
.quote-text{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.meta{display:flex;flex-wrap:wrap;align-items:center;justify-content:flex-end;gap:var(--tim-space-1) var(--tim-space-2);font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);padding-inline:var(--tim-space-1);font-variant-numeric:tabular-nums}
.meta time{unicode-bidi:plaintext}
.meta svg{inline-size:1.1em;block-size:1.1em;vertical-align:-.2em}
.receipt.read{color:var(--tim-color-accent)}
.failed{color:var(--tim-color-danger)}
.retry{color:var(--tim-color-accent);font-weight:600;text-decoration:underline}
.spinner{inline-size:1.25rem;block-size:1.25rem}
.spinner.small{inline-size:.8rem;block-size:.8rem}
.edge{display:flex;align-items:center;justify-content:center;gap:var(--tim-space-2);min-block-size:2.75rem;font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted);padding:var(--tim-space-2)}
.day,.unread{display:flex;align-items:center;gap:var(--tim-space-3);padding:var(--tim-space-3) var(--tim-space-4) var(--tim-space-1);font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);font-weight:600}
.day::before,.day::after,.unread::before,.unread::after{content:'';flex:1;border-block-start:1px solid var(--tim-color-border)}
.unread{color:var(--tim-color-accent)}
.unread::before,.unread::after{border-color:var(--tim-color-accent)}
.unshown{font-style:italic}
.composer-unavailable,.unavailable{margin:0;padding:var(--tim-space-3) var(--tim-space-4);border-block-start:1px solid var(--tim-color-border);font-size:var(--tim-font-size-s);color:var(--tim-color-danger)}
/* The composer's place while its chunk loads (see composer.styles.ts: padding, border, a 2.5rem row). */
.composer slot>:not(:defined){display:block;box-sizing:content-box;block-size:2.5rem;padding-block:var(--tim-space-2) var(--tim-space-3);border-block-start:1px solid var(--tim-color-border)}
`;
