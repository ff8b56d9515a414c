/**
 * Keyboard movement for the kit's lists (listbox/grid with one tab stop and `aria-activedescendant`):
 * arrows, Home, End, PageUp, PageDown, and typeahead by name.
 */

/** The index a navigation key moves to, or null when the key is not a navigation key. */
export function navigationTarget(key: string, index: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(index + Math.max(1, pageSize));
    case 'PageUp':
      return clamp(index - Math.max(1, pageSize));
    default:
      return null;
  }
}

/**
 * Typeahead: printable keys typed within a short pause form a prefix; `match` returns the index of the next
 * item (after the current one, wrapping) whose label starts with it, case-insensitively.
 */
export class Typeahead {
  #buffer = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Returns the new index, or null when the key is not typeahead or nothing matches. */
  match(key: string, index: number, labels: (i: number) => string, count: number): number | null {
    if (key.length !== 1 || key === ' ' && !this.#buffer) return null;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#buffer = ''), 700);
    this.#buffer += key.toLocaleLowerCase();
    const start = this.#buffer.length === 1 ? index + 1 : index;
    for (let k = 0; k < count; k++) {
      const i = (start + k) % count;
      if (labels(i).toLocaleLowerCase().startsWith(this.#buffer)) return i;
    }
    return null;
  }
}
