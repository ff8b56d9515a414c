import { nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Hands the element it is bound to to a callback at every render: `<div ${bindElement((el) => …)}>`.
 *
 * A plain directive rather than lit's `ref` (an AsyncDirective, whose connection tracking would add 1.4 KB
 * to the first screen) and rather than `styleMap` for the few inline styles the kit computes (an avatar's
 * hue, the virtual list's spacers): setting them through the element's CSSOM (`el.style`) costs no
 * directive of its own and, unlike the `style="…"` attribute `styleMap` writes on its first render, is
 * allowed by a strict Content-Security-Policy (no `'unsafe-inline'` for style attributes).
 */
export const bindElement = directive(
  class extends Directive {
    render(_use: (el: HTMLElement) => void) {
      return nothing;
    }
    override update(part: ElementPart, [use]: [(el: HTMLElement) => void]) {
      use(part.element as HTMLElement);
      return nothing;
    }
  },
);
