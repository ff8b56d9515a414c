import '../helpers/readable-failures.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/shared/menu.js';
import '../../src/elements/shared/dialog.js';
import type { TimMenu, TimMenuSelectEvent } from '../../src/elements/shared/menu.js';
import type { TimDialog } from '../../src/elements/shared/dialog.js';

const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

describe('tim-menu', () => {
  it('opens with the first item focused, moves with arrows and typeahead, chooses with Enter, and returns focus', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">open</button>
      <tim-menu label="Actions" .items=${[
        { id: 'pin', label: 'Pin' },
        { id: 'mute', label: 'Mute', disabled: true },
        { id: 'read', label: 'Mark read' },
        { id: 'delete', label: 'Delete', danger: true },
      ]}></tim-menu>
    </div>`);
    const opener = root.querySelector('button')!;
    const menu = root.querySelector('tim-menu') as TimMenu;
    opener.focus();
    menu.showFor(opener);
    await menu.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(deepActive()?.textContent?.trim()).to.equal('Pin');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()?.textContent?.trim(), 'skips the disabled item').to.equal('Mark read');
    await sendKeys({ press: 'd' });
    expect(deepActive()?.textContent?.trim()).to.equal('Delete');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const chosen = (await oneEvent(menu, 'tim-menu-select')) as TimMenuSelectEvent;
    expect(chosen.id).to.equal('delete');
    await new Promise((r) => setTimeout(r, 20));
    expect(deepActive()).to.equal(opener);
  });

  it('closes on Escape without choosing', async () => {
    const menu = await fixture<TimMenu>(html`<tim-menu .items=${[{ id: 'a', label: 'A' }]}></tim-menu>`);
    let chose = false;
    menu.addEventListener('tim-menu-select', () => (chose = true));
    menu.showAt(10, 10);
    await menu.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    setTimeout(() => sendKeys({ press: 'Escape' }));
    await oneEvent(menu, 'close');
    expect(chose).to.be.false;
  });

  it('opened on the right button’s press (a context menu on Linux and macOS), stays open at its release; a press outside closes it', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <p id="target" style="margin:0;position:fixed;inset-inline-end:0;bottom:0;width:60px;height:30px">right-click me</p>
      <tim-menu .items=${[{ id: 'a', label: 'A' }]}></tim-menu>
    </div>`);
    const menu = root.querySelector('tim-menu') as TimMenu;
    const target = root.querySelector('p')!;
    const open = () => !!menu.shadowRoot!.querySelector('[popover]:popover-open');
    // Open at once from contextmenu, as an owner whose code is already loaded does (the browser fires it on the
    // press here). In the corner of the viewport the menu moves off the pointer to fit (up and to the left),
    // so the release that follows ends a press outside the menu.
    target.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      menu.showAt(e.clientX, e.clientY);
    });
    const r = target.getBoundingClientRect();
    await sendMouse({ type: 'click', button: 'right', position: [Math.round(r.left + 10), Math.round(r.top + 10)] });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(open(), 'still open after the release').to.be.true;
    const closed = oneEvent(menu, 'close');
    await sendMouse({ type: 'click', position: [10, 10] });
    await closed;
    expect(open()).to.be.false;
  });
});

describe('tim-dialog', () => {
  it('confirm() resolves true on confirm, false on Escape, and focus returns', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><button>open</button><tim-dialog></tim-dialog></div>`);
    const opener = root.querySelector('button')!;
    const dialog = root.querySelector('tim-dialog') as TimDialog;
    opener.focus();
    const yes = dialog.confirm({ title: 'Delete chat?', text: 'History goes too.', confirmLabel: 'Delete', cancelLabel: 'Cancel', danger: true });
    await dialog.updateComplete;
    const native = dialog.shadowRoot!.querySelector('dialog')!;
    expect(native.open).to.be.true;
    expect(native.textContent).to.contain('Delete chat?');
    (dialog.shadowRoot!.querySelector('.primary') as HTMLButtonElement).click();
    expect(await yes).to.be.true;
    expect(deepActive()).to.equal(opener);
    const no = dialog.confirm({ title: 'Again?', confirmLabel: 'OK', cancelLabel: 'Cancel' });
    await dialog.updateComplete;
    await sendKeys({ press: 'Escape' });
    expect(await no).to.be.false;
  });
});

describe('tim-dialog back to back', () => {
  it('answers a question asked right after the previous one was answered (no stale "no")', async () => {
    const dialog = await fixture<TimDialog>(html`<tim-dialog></tim-dialog>`);
    const first = dialog.confirm({ title: 'One?', confirmLabel: 'Yes', cancelLabel: 'No' });
    await dialog.updateComplete;
    (dialog.shadowRoot!.querySelector('.primary') as HTMLButtonElement).click();
    expect(await first).to.be.true;
    // Asked before the first close event has been delivered.
    const second = dialog.confirm({ title: 'Two?', confirmLabel: 'Yes', cancelLabel: 'No' });
    await new Promise((r) => setTimeout(r, 50));
    await dialog.updateComplete;
    expect(dialog.shadowRoot!.querySelector('dialog')!.open, 'second question shown').to.be.true;
    (dialog.shadowRoot!.querySelector('.primary') as HTMLButtonElement).click();
    expect(await second).to.be.true;
  });
});
