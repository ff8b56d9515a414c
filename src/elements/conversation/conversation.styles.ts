import { css } from 'lit';

// Written compactly on purpose: Lit ships CSS as written (no minifier touches template literals), and the
// list's share of the kit's 40 KB budget is small.
export const conversationStyles = css`
:host{display:flex;flex-direction:column;height:100%;min-height:0;background:var(--tim-color-bg);--tim-avatar-size:3rem}
.list{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;outline:none}
.list:focus-visible:not([aria-activedescendant]){box-shadow:inset 0 0 0 2px var(--tim-color-focus)}
.item{display:flex;align-items:center;gap:var(--tim-space-3);height:4.5rem;padding:var(--tim-space-2);padding-inline-start:var(--tim-space-3);cursor:pointer;user-select:none;-webkit-user-select:none;-webkit-touch-callout:none;contain:layout style}
.pinned{background:var(--tim-color-surface)}
.item:hover{background:var(--tim-color-hover)}
.active{background:var(--tim-color-selected)}
.list:focus-visible .focused{outline:2px solid var(--tim-color-focus);outline-offset:-2px}
.body{flex:1;min-width:0;display:grid;gap:.125rem}
.top,.bottom{display:flex;align-items:center;gap:var(--tim-space-1);min-width:0}
.bottom{gap:var(--tim-space-2)}
.name,.preview{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.name{font-weight:600}
.flag,.tick{display:inline-flex;flex:none;color:var(--tim-color-text-muted)}
.flag svg,.tick svg{width:.875rem;height:.875rem}
.tick{margin-inline-end:calc(var(--tim-space-1) * -1)}
.tick.read,.typing{color:var(--tim-color-accent)}
.tick.failed,.marker{color:var(--tim-color-danger)}
.time{margin-inline-start:auto;padding-inline-start:var(--tim-space-2);flex:none;font-size:var(--tim-font-size-xs);color:var(--tim-color-text-muted);white-space:nowrap}
.preview{font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted)}
.badge,.dot{flex:none;margin-inline-start:auto;border-radius:var(--tim-radius-round);background:var(--tim-color-badge)}
.badge{min-width:1.25rem;height:1.25rem;padding:0 .375rem;color:var(--tim-color-on-badge);font-size:var(--tim-font-size-xs);font-weight:600;line-height:1.25rem;text-align:center;font-variant-numeric:tabular-nums}
.dot{width:.625rem;height:.625rem;margin-inline-end:.3125rem}
.dot.muted{background:var(--tim-color-muted-badge)}
/* The overflow button is a shared .icon-button, a little smaller. */
.more{flex:none;width:2rem;height:2rem;visibility:hidden;cursor:pointer}
.item:hover .more,.focused .more,.menu-open .more{visibility:visible}
@media (hover:none){.more{visibility:visible}}
.alert{display:flex;gap:var(--tim-space-2);margin:var(--tim-space-2) var(--tim-space-3) 0;padding:var(--tim-space-2) var(--tim-space-3);border-radius:var(--tim-radius-s);background:var(--tim-color-surface);color:var(--tim-color-danger);font-size:var(--tim-font-size-s)}
.alert span,.state{flex:1}
.alert button{color:var(--tim-color-accent);font-weight:600}
`;
