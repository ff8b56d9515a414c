import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import '../../src/index.js';
import { TimElement, type TimProvider, type TimSessionEvent } from '../../src/index.js';
import { cleanupKits, deepText, makeCore, mountKit, until, deleteDb } from '../helpers/kit.js';

/** A minimal consumer that shows what the context gives an element. */
class TestConsumer extends TimElement {
  #session = this.select((s) => s.session);
  protected override render() {
    return litHtml`<span class="user">${this.#session.value?.userID ?? 'none'}</span><span class="cancel">${this.t.common.cancel}</span>`;
  }
}
customElements.define('test-consumer', TestConsumer);

describe('tim-provider', () => {
  afterEach(cleanupKits);

  it('gives the elements inside it the store of its core, and re-renders them from store slices', async () => {
    const kit = await mountKit<TestConsumer>(html`<test-consumer></test-consumer>`, { user: 'alice' });
    expect(kit.provider.store?.core).to.equal(kit.core);
    await until(() => kit.el.shadowRoot!.querySelector('.user')?.textContent === 'alice', 'user alice shown');
  });

  it('keeps two providers on one page independent, each with its own core and locale', async () => {
    const a = await makeCore({ user: 'alice' });
    const b = await makeCore({ user: 'bob' });
    const root = await fixture<HTMLDivElement>(html`<div>
      <tim-provider id="a" .core=${a.core} locale="en"><test-consumer></test-consumer></tim-provider>
      <tim-provider id="b" .core=${b.core} locale="ko"><test-consumer></test-consumer></tim-provider>
    </div>`);
    const [ca, cb] = root.querySelectorAll<TestConsumer>('test-consumer');
    await until(() => ca!.shadowRoot!.querySelector('.user')?.textContent === 'alice' && cb!.shadowRoot!.querySelector('.user')?.textContent === 'bob', 'two users');
    await until(() => cb!.shadowRoot!.querySelector('.cancel')?.textContent === '취소', 'Korean catalog loaded lazily');
    expect(ca!.shadowRoot!.querySelector('.cancel')?.textContent).to.equal('Cancel');
    const pa = root.querySelector<TimProvider>('#a')!;
    const pb = root.querySelector<TimProvider>('#b')!;
    expect(pa.store).to.not.equal(pb.store);
    await a.core.destroy();
    await b.core.destroy();
    await deleteDb(a.dbName);
    await deleteDb(b.dbName);
  });

  it('follows the document language when it has no locale of its own', async () => {
    const kit = await mountKit<TestConsumer>(html`<test-consumer></test-consumer>`, { user: 'alice' });
    kit.provider.locale = '';
    document.documentElement.lang = 'zh-CN';
    try {
      await until(() => kit.el.shadowRoot!.querySelector('.cancel')?.textContent === '取消', 'Chinese from <html lang>');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('replaces the store when the core changes, and fires tim-session on a kick-out and on logout', async () => {
    const kit = await mountKit<TestConsumer>(html`<test-consumer></test-consumer>`, { user: 'alice' });
    const first = kit.provider.store;
    const kicked = oneEvent(kit.provider, 'tim-session') as Promise<TimSessionEvent>;
    kit.core.faults.kickOut('multipleDevice');
    const event = await kicked;
    expect(event.detail).to.include({ status: 'kickedOut', userID: 'alice', kickReason: 'multipleDevice' });
    const other = await makeCore({ user: 'bob', dbName: kit.dbName, seed: 'demo' });
    kit.provider.core = other.core;
    await kit.provider.updateComplete;
    expect(kit.provider.store).to.not.equal(first);
    await until(() => kit.el.shadowRoot!.querySelector('.user')?.textContent === 'bob', 'bob after core swap');
    const out = oneEvent(kit.provider, 'tim-session') as Promise<TimSessionEvent>;
    await other.core.logout();
    expect((await out).detail.status).to.equal('loggedOut');
    await other.core.destroy();
  });

  it('tim-status shows the kick-out reason and logs in again', async () => {
    const kit = await mountKit(html`<tim-status></tim-status>`, { user: 'alice' });
    kit.core.faults.expireTicket();
    await until(() => deepText(kit.el).includes('session expired'), 'expired text');
    const button = kit.el.shadowRoot!.querySelector('button')!;
    expect(button.textContent).to.contain('Log in again');
    button.click();
    await until(() => kit.store.state.session.status === 'ready', 'ready again');
    await until(() => deepText(kit.el) === '', 'status line empty again');
  });

  it('tim-status shows offline while the network is down', async () => {
    const kit = await mountKit(html`<tim-status></tim-status>`, { user: 'alice' });
    kit.core.faults.disconnect();
    await until(() => deepText(kit.el).includes('Network unavailable'), 'offline text');
    await kit.core.faults.reconnect();
    await until(() => deepText(kit.el) === '', 'back online');
  });

  it('leaves the host’s own content inside it as the page styles it: a host header in a dark provider on a light page stays readable', async () => {
    const { core, dbName } = await makeCore({ user: 'alice' });
    // A host page as it comes: white, its own text colour and font; the provider forced dark (the page is not).
    const page = await fixture<HTMLElement>(html`<div style="background:#fff;color:#202124;font:16px/1.5 Georgia,serif">
      <tim-provider theme="dark" .core=${core} locale="en">
        <header><h1>Acme support</h1><input aria-label="Ticket" /></header>
        <tim-conversation style="display:block;height:200px"></tim-conversation>
      </tim-provider>
    </div>`);
    try {
      const h1 = page.querySelector('h1')!;
      const list = page.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('tim-conversation')!;
      await list.updateComplete;
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = (a: string, b: string) => {
        const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
        return (x! + 0.05) / (y! + 0.05);
      };
      const style = getComputedStyle(h1);
      expect(contrast(style.color, 'rgb(255, 255, 255)'), `the header's text (${style.color}) on the page's white`).to.be.above(4.5);
      expect(style.color, 'the page’s own text colour').to.equal('rgb(32, 33, 36)');
      expect(style.fontFamily, 'the page’s own font').to.equal('Georgia, serif');
      expect(style.fontSize, 'the page’s own size (h1: 2em of 16px)').to.equal('32px');
      expect(getComputedStyle(page.querySelector('input')!).colorScheme, 'the host’s controls keep the page’s scheme').to.equal('normal');
      // The kit's own elements still take the dark theme.
      const own = getComputedStyle(list);
      expect(own.color, 'the kit’s text colour').to.equal('rgb(231, 234, 238)');
      expect(own.colorScheme, 'the kit’s controls').to.equal('dark');
      expect(own.fontFamily, 'the kit’s font').to.contain('system-ui');
      // `hidden` still hides the provider and all inside it.
      page.querySelector('tim-provider')!.hidden = true;
      expect(h1.getClientRects().length, 'hidden').to.equal(0);
    } finally {
      page.remove();
      await core.destroy().catch(() => undefined);
      await deleteDb(dbName);
    }
  });

  it('registers elements once even when define() runs again', async () => {
    const { define, TimProvider: Provider } = await import('../../src/index.js');
    expect(() => define('tim-provider', class extends LitElement {})).to.not.throw();
    expect(customElements.get('tim-provider')).to.equal(Provider);
  });
});
