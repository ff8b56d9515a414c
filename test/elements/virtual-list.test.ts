import '../helpers/readable-failures.js';
import { expect, fixture, html as fixtureHtml, nextFrame } from '@open-wc/testing';
import { LitElement, css, html, nothing } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { VirtualList } from '../../src/elements/shared/virtual-list.js';

interface Row {
  id: string;
  height: number;
}

class TestVirtualList extends LitElement {
  static override styles = css`
    .scroller {
      height: 400px;
      overflow-y: auto;
    }
  `;
  static override properties = { rows: { attribute: false }, stick: { type: Boolean } };
  rows: Row[] = [];
  stick = false;
  list!: VirtualList<Row>;
  override connectedCallback() {
    this.list ??= new VirtualList<Row>(this, { key: (r) => r.id, estimate: 50, stickToBottom: this.stick, overscan: 200 });
    super.connectedCallback();
  }
  protected override render() {
    return html`<div class="scroller">
      ${this.list.render(this.rows, (r) => html`<div class="row" data-id=${r.id} style="height:${r.height}px">${r.id}</div>`)}
    </div>`;
  }
}
customElements.define('test-virtual-list', TestVirtualList);

const rows = (from: number, to: number, height = (i: number) => 30 + ((i * 37) % 90)): Row[] =>
  Array.from({ length: to - from }, (_, k) => ({ id: `r${from + k}`, height: height(from + k) }));

async function settle(el: LitElement) {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await nextFrame();
  }
}

/** Screen offset of a row from the scroller's top. */
function screenTop(el: TestVirtualList, id: string): number {
  const scroller = el.shadowRoot!.querySelector('.scroller')!;
  const row = el.shadowRoot!.querySelector(`[data-id="${id}"]`)!;
  return row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
}

function firstVisibleId(el: LitElement): string {
  const scroller = el.shadowRoot!.querySelector('.scroller')!;
  const top = scroller.getBoundingClientRect().top;
  for (const row of el.shadowRoot!.querySelectorAll<HTMLElement>('.row')) {
    if (row.getBoundingClientRect().bottom > top + 0.5) return row.dataset.id!;
  }
  return '';
}

describe('VirtualList', () => {
  it('renders a bounded number of rows for 100,000 items, and scrolling renders the rows in view', async () => {
    const el = await fixture<TestVirtualList>(fixtureHtml`<test-virtual-list .rows=${rows(0, 100_000)}></test-virtual-list>`);
    await settle(el);
    const count = el.shadowRoot!.querySelectorAll('.row').length;
    expect(count).to.be.greaterThan(5).and.lessThan(60);
    el.list.scrollToIndex(50_000, 'start');
    await settle(el);
    expect(firstVisibleId(el)).to.equal('r50000');
    expect(el.shadowRoot!.querySelectorAll('.row').length).to.be.lessThan(60);
  });

  it('keeps the first visible row at the same screen position (±1 px) when older rows are prepended', async () => {
    const el = await fixture<TestVirtualList>(fixtureHtml`<test-virtual-list .rows=${rows(100, 200)}></test-virtual-list>`);
    await settle(el);
    el.list.scrollToIndex(10, 'start');
    await settle(el);
    const scroller = el.shadowRoot!.querySelector('.scroller')!;
    scroller.scrollTop += 17; // mid-row, as a reader would be
    await settle(el);
    const anchor = firstVisibleId(el);
    const before = screenTop(el, anchor);
    el.rows = [...rows(0, 100), ...el.rows];
    await settle(el);
    expect(Math.abs(screenTop(el, anchor) - before)).to.be.at.most(1);
    // and again with rows taller than the estimate (worst case for estimates)
    const before2 = screenTop(el, anchor);
    el.rows = [...rows(-50, 0, () => 140), ...el.rows];
    await settle(el);
    expect(Math.abs(screenTop(el, anchor) - before2)).to.be.at.most(1);
  });

  it('does not move the view when a row above the first visible one changes height', async () => {
    const el = await fixture<TestVirtualList>(fixtureHtml`<test-virtual-list .rows=${rows(0, 200)}></test-virtual-list>`);
    await settle(el);
    el.list.scrollToIndex(30, 'start');
    await settle(el);
    const anchor = firstVisibleId(el);
    const before = screenTop(el, anchor);
    const above = el.shadowRoot!.querySelector<HTMLElement>(`[data-id="r${Number(anchor.slice(1)) - 2}"]`)!;
    above.style.height = '300px'; // an image above finished loading
    await settle(el);
    expect(Math.abs(screenTop(el, anchor) - before)).to.be.at.most(1);
  });

  it('stays at the bottom when rows are appended and the reader was at the bottom, and not otherwise', async () => {
    const el = await fixture<TestVirtualList>(fixtureHtml`<test-virtual-list stick .rows=${rows(0, 50)}></test-virtual-list>`);
    await settle(el);
    expect(el.list.atBottom, 'opens at the bottom').to.be.true;
    el.rows = [...el.rows, ...rows(50, 53)];
    await settle(el);
    expect(el.list.atBottom, 'follows new rows').to.be.true;
    const scroller = el.shadowRoot!.querySelector('.scroller')!;
    scroller.scrollTop = 200;
    await settle(el);
    const anchor = firstVisibleId(el);
    const before = screenTop(el, anchor);
    el.rows = [...el.rows, ...rows(53, 60)];
    await settle(el);
    expect(el.list.atBottom).to.be.false;
    expect(Math.abs(screenTop(el, anchor) - before)).to.be.at.most(1);
  });

  it('keeps DOM nodes of unchanged rows when another row changes (keyed)', async () => {
    const el = await fixture<TestVirtualList>(fixtureHtml`<test-virtual-list .rows=${rows(0, 20)}></test-virtual-list>`);
    await settle(el);
    const node = el.shadowRoot!.querySelector('[data-id="r3"]');
    el.rows = el.rows.map((r) => (r.id === 'r5' ? { ...r, height: r.height + 10 } : r));
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-id="r3"]')).to.equal(node);
  });
});

class TestAnchoredList extends TestVirtualList {
  override connectedCallback() {
    // A "loading" row stays first while pages arrive under it: it must never be the anchor.
    this.list ??= new VirtualList<Row>(this, { key: (r) => r.id, estimate: 50, overscan: 200, anchorable: (r) => r.id !== 'loader' });
    super.connectedCallback();
  }
}
customElements.define('test-anchored-list', TestAnchoredList);

describe('VirtualList (anchoring rules)', () => {
  it('keeps a scroll target on its row when rows are prepended while it settles', async () => {
    const el = await fixture<TestVirtualList>(fixtureHtml`<test-virtual-list .rows=${rows(100, 200)}></test-virtual-list>`);
    await settle(el);
    el.list.scrollToIndex(50, 'start'); // r150
    el.rows = [...rows(0, 100), ...el.rows];
    await settle(el);
    expect(firstVisibleId(el)).to.equal('r150');
  });

  it('never anchors on rows `anchorable` leaves out (a loading row that stays first)', async () => {
    const loader = { id: 'loader', height: 44 };
    const el = await fixture<TestAnchoredList>(fixtureHtml`<test-anchored-list .rows=${[loader, ...rows(100, 200)]}></test-anchored-list>`);
    await settle(el);
    const scroller = el.shadowRoot!.querySelector('.scroller')!;
    scroller.scrollTop = 20; // the loader is still partly in view
    await settle(el);
    const before = screenTop(el, 'r100');
    el.rows = [loader, ...rows(0, 100), ...rows(100, 200)];
    await settle(el);
    expect(Math.abs(screenTop(el, 'r100') - before)).to.be.at.most(1);
  });
});

/** Tells whether the row it is in is connected, as lit tells its directives. */
const connection = new Map<string, boolean>();
const track = directive(
  class extends AsyncDirective {
    #id = '';
    render(id: string) {
      this.#id = id;
      connection.set(id, this.isConnected);
      return nothing;
    }
    protected override disconnected() {
      connection.set(this.#id, false);
    }
    protected override reconnected() {
      connection.set(this.#id, true);
    }
  },
);

class TestRowsList extends LitElement {
  static override properties = { rows: { attribute: false } };
  rows: Row[] = [];
  clicks: unknown[] = [];
  list = new VirtualList<Row>(this, { key: (r) => r.id, estimate: 20, overscan: 200 });
  protected override render() {
    return html`<div class="scroller" style="height:200px;overflow-y:auto">
      ${this.list.render(
        this.rows,
        (r, i) => html`<div class="row" data-id=${r.id} data-index=${i} style="height:20px" @click=${function (this: unknown) {
          (this as TestRowsList).clicks.push(this);
        }}>${r.id}${track(r.id)}</div>`,
      )}
    </div>`;
  }
}
customElements.define('test-rows-list', TestRowsList);

describe('VirtualList (keyed rows)', () => {
  const shown = (el: TestRowsList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')].map((r) => `${r.dataset.id}@${r.dataset.index}`);
  const node = (el: TestRowsList, id: string) => el.shadowRoot!.querySelector(`[data-id="${id}"]`)!.closest('[data-vkey]');

  it("keeps each row's element through moves, insertions and removals, in the items' order", async () => {
    const el = await fixture<TestRowsList>(fixtureHtml`<test-rows-list .rows=${rows(0, 6)}></test-rows-list>`);
    await settle(el);
    const before = new Map(el.rows.map((r) => [r.id, node(el, r.id)]));
    const [r0, r1, r2, r3, r4, r5] = el.rows as [Row, Row, Row, Row, Row, Row];
    const orders = [
      [r5, r0, r1, r2, r3, r4], // one moves to the top (a conversation with a new message)
      [r0, r1, r2, r3, r4, r5], // and back down
      [r1, r0, r2, r3, r5, r4], // swaps
      [r4, r2, r0, r5, r1, r3], // a shuffle
      [r2, r5, r1], // removals
      [r3, r2, r4, r5, r0, r1], // insertions (new elements for the rows that left)
    ];
    for (const order of orders) {
      el.rows = order;
      await settle(el);
      expect(shown(el)).to.deep.equal(order.map((r, i) => `${r.id}@${i}`));
      expect(el.shadowRoot!.querySelectorAll('[data-vkey]').length).to.equal(order.length);
    }
    // Kept throughout: rows that never left; the others are new.
    for (const id of ['r2', 'r5']) expect(node(el, id) === before.get(id), id).to.be.true;
    for (const id of ['r0', 'r3']) expect(node(el, id) === before.get(id), id).to.be.false;
  });

  it("calls a row's listeners on the host, as in the host's own template", async () => {
    const el = await fixture<TestRowsList>(fixtureHtml`<test-rows-list .rows=${rows(0, 3)}></test-rows-list>`);
    await settle(el);
    el.shadowRoot!.querySelector<HTMLElement>('[data-id="r1"]')!.click();
    expect(el.clicks.length).to.equal(1);
    expect(el.clicks[0] === el).to.be.true;
  });

  it('disconnects the directives of a row that leaves, and of every row while the host is disconnected', async () => {
    connection.clear();
    const el = await fixture<TestRowsList>(fixtureHtml`<test-rows-list .rows=${rows(0, 3)}></test-rows-list>`);
    await settle(el);
    expect([...connection]).to.deep.equal([['r0', true], ['r1', true], ['r2', true]]);
    el.rows = el.rows.slice(1);
    await settle(el);
    expect(connection.get('r0')).to.be.false;
    expect(connection.get('r1')).to.be.true;
    const parent = el.parentNode!;
    el.remove();
    expect(connection.get('r1')).to.be.false;
    expect(connection.get('r2')).to.be.false;
    parent.appendChild(el);
    expect(connection.get('r1')).to.be.true;
    expect(connection.get('r2')).to.be.true;
  });
});

class TightVirtualList extends TestVirtualList {
  override connectedCallback() {
    // No overscan: the range is exactly what the viewport shows, so a wrong range shows as a missing row.
    this.list ??= new VirtualList<Row>(this, { key: (r) => r.id, estimate: 50, overscan: 0 });
    super.connectedCallback();
  }
}
customElements.define('test-tight-virtual-list', TightVirtualList);

describe('VirtualList (range)', () => {
  it('renders every row of a list shorter than its viewport after a row moves above the one in view', async () => {
    const short = rows(0, 4, () => 30);
    const el = await fixture<TightVirtualList>(fixtureHtml`<test-tight-virtual-list .rows=${short}></test-tight-virtual-list>`);
    await settle(el);
    // The last row moves to the top: the anchor (r0) would be kept at its place, 30 px down, a scroll
    // position the browser cannot take in a list that does not scroll; the range must not start at r0.
    el.rows = [short[3]!, ...short.slice(0, 3)];
    await settle(el);
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')].map((r) => r.dataset.id);
    expect(shown).to.deep.equal(['r3', 'r0', 'r1', 'r2']);
    expect(firstVisibleId(el)).to.equal('r3');
  });
});

describe('VirtualList (stick to bottom)', () => {
  it("keeps a reader's scroll away from the bottom when an update comes before that scroll's event", async () => {
    const el = await fixture<TestVirtualList>(fixtureHtml`<test-virtual-list stick .rows=${rows(0, 100)}></test-virtual-list>`);
    await settle(el);
    expect(el.list.atBottom).to.be.true;
    const scroller = el.shadowRoot!.querySelector('.scroller')!;
    // The reader scrolls up; a message (any update) comes in the same frame, before the scroll event.
    scroller.dispatchEvent(new WheelEvent('wheel'));
    scroller.scrollTop = 100;
    el.requestUpdate();
    await settle(el);
    expect(scroller.scrollTop).to.equal(100);
    expect(el.list.atBottom).to.be.false;
  });
});
