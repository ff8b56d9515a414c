/**
 * Arrow keys, Home and End over a wrapped grid of buttons (rows may be uneven, with headings between):
 * left and right follow the reading order (flipped in RTL), up and down go to the nearest button in the
 * row above or below.
 */
export function gridKey(e: KeyboardEvent, items: readonly HTMLElement[]): boolean {
  const current = items.indexOf(e.composedPath()[0] as HTMLElement);
  if (current < 0) return false;
  let next = -1;
  const rtl = getComputedStyle(items[current]!).direction === 'rtl';
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') next = current + ((e.key === 'ArrowRight') !== rtl ? 1 : -1);
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = items.length - 1;
  else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const down = e.key === 'ArrowDown';
    const from = items[current]!.getBoundingClientRect();
    let best = Infinity;
    items.forEach((item, i) => {
      const r = item.getBoundingClientRect();
      const dy = down ? r.top - from.top : from.top - r.top;
      if (dy < from.height / 2) return;
      const score = dy * 1000 + Math.abs(r.left - from.left);
      if (score < best) [best, next] = [score, i];
    });
    if (next < 0) next = current;
  } else return false;
  e.preventDefault();
  items[Math.max(0, Math.min(items.length - 1, next))]!.focus();
  return true;
}
