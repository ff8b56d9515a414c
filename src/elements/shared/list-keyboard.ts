/**
 * Keyboard movement for the kit's lists (listbox/grid with one tab stop and `aria-activedescendant`):
 * arrows, Home, End, PageUp, PageDown, and typeahead by name. Defined in `virtual-list.ts`, beside the
 * list they move in.
 */
export { navigationTarget, Typeahead } from './virtual-list.js';
