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

  it('registers elements once even when define() runs again', async () => {
    const { define, TimProvider: Provider } = await import('../../src/index.js');
    expect(() => define('tim-provider', class extends LitElement {})).to.not.throw();
    expect(customElements.get('tim-provider')).to.equal(Provider);
  });
});
