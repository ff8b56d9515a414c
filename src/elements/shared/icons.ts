import { html } from 'lit';

/**
 * The kit's icons: 24×24 stroke paths (Lucide-style geometry, drawn for this kit). Decorative: the button
 * around an icon carries the accessible name.
 *
 * Here are the icons the first screen draws (the chat's header and message status, the conversation
 * rows). The others, drawn only by lazily loaded parts (composer, menus, rich bodies, profile views,
 * panels), are in `all-icons.ts`, which only those parts import: their paths load with them, not with the
 * first screen (about 1 KB gzip). A first-screen module that wants another icon moves it here.
 */
export const SCREEN_ICON_PATHS = {
  back: 'M15 18l-6-6 6-6',
  search: 'M11 19a8 8 0 1 1 0-16 8 8 0 0 1 0 16zM21 21l-4.3-4.3',
  more: 'M12 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM19 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM5 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z',
  pin: 'M12 17v5M9 10.8V4h6v6.8l2.6 2.7a1 1 0 0 1-.7 1.7H7.1a1 1 0 0 1-.7-1.7z',
  bellOff: 'M8.7 3A6 6 0 0 1 18 8a21.3 21.3 0 0 0 .6 5M17 17H3s3-2 3-9a4.7 4.7 0 0 1 .3-2M10.3 21a1.9 1.9 0 0 0 3.4 0M2 2l20 20',
  check: 'M20 6L9 17l-5-5',
  checks: 'M18 6L7 17l-5-5M22 10l-7.5 7.5L13 16',
  alert: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 8v4M12 16h.01',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 6v6l4 2',
} as const;

export type ScreenIconName = keyof typeof SCREEN_ICON_PATHS;

/** An inline SVG icon drawing `path` (24×24), sized by the surrounding CSS (1em by default). */
export function pathIcon(path: string) {
  return html`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
}

/** One of the first screen's icons. */
export function icon(name: ScreenIconName) {
  return pathIcon(SCREEN_ICON_PATHS[name]);
}
