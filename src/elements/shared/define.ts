/**
 * Registers a custom element unless the tag is already taken (two copies of the kit on one page, or a
 * host that registered it first), so importing the kit twice never throws.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
