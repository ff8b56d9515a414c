/**
 * The context between `<tim-provider>` and the elements inside it (the Context Community Protocol, the
 * kit's own controllers): the closest provider answers, a provider upgraded late takes over the elements
 * inside it, an element that leaves stops following, and @lit/context's consumers get the same value.
 */
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../src/index.js';
import { timContext, type TimContextValue } from '../../src/context/index.js';
import { TimElement, type TimProvider } from '../../src/index.js';
import { makeCore, until } from '../helpers/kit.js';
import type { LocalCore } from '../../src/core/local/index.js';

/** An element that shows which store it got. */
class ContextProbe extends TimElement {
  get value(): TimContextValue | undefined {
    return this.tim;
  }
}
customElements.define('tim-test-context-probe', ContextProbe);

/** A plain Lit element reading the kit's context with @lit/context. */
class LitProbe extends LitElement {
  readonly consumer = new ContextConsumer(this, { context: timContext, subscribe: true });
}
customElements.define('tim-test-lit-probe', LitProbe);

describe('context between <tim-provider> and its elements', () => {
  const cores: LocalCore[] = [];
  const roots: HTMLElement[] = [];
  const core = async () => {
    const { core } = await makeCore({ seed: 'empty', user: '' });
    cores.push(core);
    return core;
  };
  const mount = (markup: string) => {
    const root = document.createElement('div');
    root.innerHTML = markup;
    document.body.append(root);
    roots.push(root);
    return root;
  };

  afterEach(async () => {
    roots.splice(0).forEach((r) => r.remove());
    await Promise.all(cores.splice(0).map((c) => c.destroy()));
  });

  it('gives each element the closest provider’s store, and the new one when the core changes', async () => {
    const root = mount('<tim-provider id="outer"><tim-test-context-probe id="a"></tim-test-context-probe><tim-provider id="inner"><tim-test-context-probe id="b"></tim-test-context-probe></tim-provider></tim-provider>');
    const outer = root.querySelector<TimProvider>('#outer')!;
    const inner = root.querySelector<TimProvider>('#inner')!;
    const a = root.querySelector<ContextProbe>('#a')!;
    const b = root.querySelector<ContextProbe>('#b')!;
    outer.core = await core();
    inner.core = await core();
    await until(() => a.value?.store === outer.store && b.value?.store === inner.store, 'each probe on its closest provider');
    const first = inner.store;
    inner.core = await core();
    await until(() => b.value?.store === inner.store && inner.store !== first, 'the inner probe follows the new store');
    expect(a.value?.store).to.equal(outer.store);
  });

  it('hands the elements inside a provider upgraded late over to it', async () => {
    const root = mount('<tim-provider id="outer"><tim-late-provider id="late"><tim-test-context-probe id="p"></tim-test-context-probe></tim-late-provider></tim-provider>');
    const outer = root.querySelector<TimProvider>('#outer')!;
    const probe = root.querySelector<ContextProbe>('#p')!;
    outer.core = await core();
    await until(() => probe.value?.store === outer.store, 'the probe first gets the outer store');
    // Now the inner element becomes a provider: the probe moves to it, and no longer follows the outer one.
    const ProviderClass = customElements.get('tim-provider')!;
    customElements.define('tim-late-provider', class extends (ProviderClass as typeof HTMLElement) {});
    const late = root.querySelector<TimProvider>('#late')!;
    late.core = await core();
    await until(() => probe.value?.store === late.store, 'the probe moves to the late provider');
    outer.core = await core();
    await outer.updateComplete;
    expect(probe.value?.store).to.equal(late.store);
  });

  it('stops following a provider once the element is removed', async () => {
    const root = mount('<tim-provider><tim-test-context-probe></tim-test-context-probe></tim-provider>');
    const provider = root.querySelector<TimProvider>('tim-provider')!;
    const probe = root.querySelector<ContextProbe>('tim-test-context-probe')!;
    provider.core = await core();
    await until(() => probe.value?.store === provider.store, 'provided');
    const before = probe.value;
    probe.remove();
    provider.core = await core();
    await provider.updateComplete;
    expect(probe.value).to.equal(before);
    provider.append(probe);
    await until(() => probe.value?.store === provider.store, 'provided again once back');
  });

  it('answers @lit/context consumers with the same value', async () => {
    const root = mount('<tim-provider><tim-test-lit-probe></tim-test-lit-probe></tim-provider>');
    const provider = root.querySelector<TimProvider>('tim-provider')!;
    const probe = root.querySelector<LitProbe>('tim-test-lit-probe')!;
    provider.core = await core();
    await until(() => (probe.consumer.value as TimContextValue | undefined)?.store === provider.store, 'the Lit consumer gets the store');
  });
});
