import '../helpers/readable-failures.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/shared/avatar.js';
import type { TimAvatar } from '../../src/elements/shared/avatar.js';
import { hueOf } from '../../src/elements/shared/text.js';

describe('<tim-avatar>', () => {
  it('colours the initial from the seed through the CSSOM, and follows a new seed', async () => {
    const el = await fixture<TimAvatar>(html`<tim-avatar name="bob" seed="u-bob"></tim-avatar>`);
    const initials = el.shadowRoot!.querySelector<HTMLElement>('.initials')!;
    expect(initials.textContent!.trim()).to.equal('B');
    const colour = (seed: string) => {
      const probe = document.createElement('span');
      probe.style.background = `oklch(from hsl(${hueOf(seed)} 42% 46%) min(l, .54) c h)`;
      return probe.style.backgroundColor;
    };
    expect(initials.style.backgroundColor).to.equal(colour('u-bob'));
    el.seed = 'u-carol';
    await el.updateComplete;
    expect(initials.style.backgroundColor).to.equal(colour('u-carol'));
    expect(colour('u-carol')).to.not.equal(colour('u-bob'));
  });
});
