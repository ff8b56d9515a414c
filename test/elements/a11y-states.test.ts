/**
 * The accessibility audit (see `a11y.test.ts`) of the states that file does not reach: the sticker panel, an
 * upload in progress, the image viewer, the composer disabled for each of its reasons (with the offline banner),
 * a stranger's and a blocked user's profile, the search's empty, failed and offline states, the list's empty
 * and failed states. Each state in the light and the dark theme (axe's colour-contrast rule on) and in English,
 * Chinese and Korean.
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { hueOf } from '../../src/elements/shared/text.js';
import type { TimChat, TimConversation, TimProfile, TimSearch } from '../../src/index.js';
import { cleanupKits, deepQuery, deepText, makeCore, mountKit, until } from '../helpers/kit.js';
import { mountChat, q, rowOf } from '../helpers/chat.js';
import { audit, contrast, report, type AuditOptions, type Found } from '../helpers/a11y.js';

const ALL: AuditOptions = { locales: ['en', 'zh', 'ko'] };
const others: Array<{ destroy(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(others.splice(0).map((c) => c.destroy().catch(() => undefined)));
  await cleanupKits();
});

const composer = (el: TimChat) => q(el, 'tim-chat-composer')?.shadowRoot ?? null;
const reason = (el: TimChat) => composer(el)?.querySelector('[part=disabled-reason]')?.textContent?.trim() ?? '';

/** A one-pixel PNG, as a pasted image would come. */
function png(): File {
  const bytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
  return new File([bytes], 'dot.png', { type: 'image/png' });
}

describe('accessibility of more states (axe, light and dark, en/zh/ko)', () => {
  it('a host page with its own header and the kit beside it: the kit adds no banner landmark', async function () {
    this.timeout(60_000);
    // The chat's and the profile's headers head a pane, not the page: as <header>s outside any sectioning
    // element they were the page's banner, each one more beside the host's own.
    const kit = await mountKit(html`<header><h1>Host app</h1></header>
      <div><tim-conversation></tim-conversation><tim-chat conversation-id="C2Cbob"></tim-chat><tim-profile user-id="bob"></tim-profile></div>`);
    // The host's header in its own colours (inside the provider it would inherit the kit's text colour).
    kit.provider.querySelector('header')!.style.cssText = 'color:#000;background:#fff';
    await until(() => deepQuery(kit.provider, 'tim-chat-composer') && deepText(kit.provider).includes('Coffee first'), 'the kit', 8000);
    const found: Found = new Map();
    await audit({ ...kit, el: kit.provider }, 'a page with the list, a chat and a profile', found);
    report(found);
  });


  it('<tim-chat>: the sticker panel, an upload in progress, the image viewer', async function () {
    this.timeout(120_000);
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const found: Found = new Map();
    await until(() => composer(el)?.querySelector('textarea'), 'the composer');

    composer(el)!.querySelector<HTMLElement>('[aria-label=Stickers]')!.click();
    await until(() => composer(el)?.querySelector('tim-chat-sticker-panel')?.shadowRoot?.querySelector('button'), 'the sticker panel');
    await audit(kit, 'the sticker panel', found, ALL);
    composer(el)!.querySelector<HTMLElement>('[aria-label=Stickers]')!.click();
    await until(() => !composer(el)!.querySelector('tim-chat-sticker-panel'), 'the panel closed');

    // An image uploading: the core answers late, so the progress bar stays for the audit.
    const input = composer(el)!.querySelector('textarea')!;
    input.focus();
    const data = new DataTransfer();
    data.items.add(png());
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    await until(() => composer(el)?.querySelector('[part=attachments] img'), 'the preview');
    await audit(kit, 'an attachment waiting', found, ALL);
    kit.core.faults.set({ latencyMs: 60_000 });
    composer(el)!.querySelector<HTMLElement>('[part=send-button]')!.click();
    await until(() => composer(el)?.querySelector('[part=upload-progress]'), 'the progress bar');
    await audit(kit, 'an upload in progress', found, ALL);
    kit.core.faults.reset();

    // The image viewer.
    await el.scrollToMessage('seed-bob-image');
    const image = await until(() => rowOf(el, 'seed-bob-image')?.querySelector<HTMLElement>('.media-button'), 'the picture');
    image.click();
    await until(() => q(el, 'tim-chat-lightbox')?.shadowRoot?.querySelector('dialog[open] img'), 'the viewer', 8000);
    await audit(kit, 'the image viewer', found, ALL);
    report(found);
  });

  it('<tim-chat>: the composer disabled offline (with the banner), kicked out, blocked, muted, muted all, not a member', async function () {
    this.timeout(120_000);
    const found: Found = new Map();
    const kit = await mountChat('C2Cbob');
    await until(() => composer(kit.el)?.querySelector('textarea'), 'the composer');
    kit.core.faults.disconnect();
    await until(() => reason(kit.el) && deepText(kit.el).includes('Network unavailable'), 'offline');
    await audit(kit, 'offline', found, ALL);
    await kit.core.faults.reconnect();
    await until(() => !reason(kit.el), 'online');
    kit.core.faults.kickOut('multipleAccount');
    await until(() => reason(kit.el), 'kicked out');
    await audit(kit, 'kicked out', found, ALL);
    await cleanupKits();

    // No history with this one: the chat shows its empty state, then the composer.
    const blocked = await mountKit<TimChat>(html`<tim-chat conversation-id="C2Cspammer"></tim-chat>`);
    await until(() => reason(blocked.el), 'blocked');
    await audit(blocked, 'blocked', found, ALL);
    await cleanupKits();

    const muted = await mountChat('GROUPteam', { user: 'dave' });
    await until(() => reason(muted.el), 'muted');
    await audit(muted, 'muted', found, ALL);
    await cleanupKits();

    const member = await mountChat('GROUPteam', { user: 'carol' });
    const { core: owner } = await makeCore({ dbName: member.dbName, user: 'alice' });
    others.push(owner);
    await owner.updateGroupProfile('team', { muteAllMembers: true });
    await until(() => reason(member.el), 'muted all');
    await audit(member, 'muted all', found, ALL);
    await cleanupKits();

    const leaving = await mountChat('GROUPhiking');
    await until(() => composer(leaving.el)?.querySelector('textarea'), 'the composer');
    await leaving.store.quitGroup('hiking');
    await until(() => reason(leaving.el), 'not a member');
    await audit(leaving, 'not a member', found, ALL);
    report(found);
  });

  it('<tim-profile>: a stranger, a blocked user', async function () {
    this.timeout(120_000);
    const found: Found = new Map();
    const kit = await mountKit<TimProfile>(html`<tim-profile user-id="zoe"></tim-profile>`, { user: 'bob' });
    const view = () => kit.el.shadowRoot!.querySelector<HTMLElement>('.view');
    await until(() => view()?.shadowRoot?.querySelector('button') && deepText(kit.el).includes('Zoe'), 'the stranger', 8000);
    await audit(kit, 'a stranger', found, ALL);
    await cleanupKits();
    const blocked = await mountKit<TimProfile>(html`<tim-profile user-id="spammer"></tim-profile>`);
    await until(() => blocked.el.shadowRoot!.querySelector('.view')?.shadowRoot?.querySelector('button') && deepText(blocked.el).includes('Totally Legit'), 'the blocked user', 8000);
    await audit(blocked, 'a blocked user', found, ALL);
    report(found);
  });

  describe('<tim-search>', () => {
    type Panel = HTMLElement & { search(): Promise<void>; updateComplete: Promise<unknown> };
    const panel = (el: TimSearch) => el.shadowRoot!.querySelector('tim-search-panel') as Panel | null;
    async function type(el: TimSearch, keyword: string): Promise<Panel> {
      const field = await until(() => panel(el)?.shadowRoot?.querySelector('input'), 'the search panel', 8000);
      field.value = keyword;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await panel(el)!.search();
      await panel(el)!.updateComplete;
      return panel(el)!;
    }

    it('no results, a failed search, offline, a conversation without message search', async function () {
    this.timeout(120_000);
      const found: Found = new Map();
      const kit = await mountKit<TimSearch>(html`<tim-search></tim-search>`);
      const p = await type(kit.el, 'zzzqqq');
      await until(() => p.shadowRoot!.querySelector('.state'), 'no results');
      await audit(kit, 'no results', found, ALL);

      kit.core.faults.set({ failures: [{ code: 2800, rate: 1, methods: ['searchMessages', 'searchContacts'] }] });
      await type(kit.el, 'sync');
      await until(() => p.shadowRoot!.querySelector('.state.error'), 'the failed search');
      await audit(kit, 'a failed search', found, ALL);
      kit.core.faults.reset();

      kit.core.faults.disconnect();
      await type(kit.el, 'lunch');
      await until(() => p.shadowRoot!.querySelector('.state:not(.loading), [part=notice]'), 'the search offline');
      await audit(kit, 'offline', found, ALL);
      await kit.core.faults.reconnect();

      const partly = await mountKit<TimSearch>(html`<tim-search></tim-search>`, { faults: { failures: [{ code: 2800, rate: 1, methods: ['searchMessages'] }] } });
      const pp = await type(partly.el, 'bob');
      await until(() => pp.shadowRoot!.querySelector('[part=notice]'), 'a partial failure');
      await audit(partly, 'results with a part failed', found, ALL);
      report(found);
    });
  });

  it('<tim-conversation>: empty, failed to load, offline', async function () {
    this.timeout(120_000);
    const found: Found = new Map();
    const empty = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, { seed: 'empty' });
    await until(() => deepText(empty.el).includes('No conversations yet.'), 'empty');
    await audit(empty, 'empty', found, ALL);
    const failed = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, {
      faults: { failures: [{ code: 2800, rate: 1, methods: ['getConversationList'] }] },
    });
    await until(() => failed.el.shadowRoot!.querySelector('[part~="error"]'), 'the error');
    await audit(failed, 'failed', found, ALL);
    const offline = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`);
    await until(() => offline.el.shadowRoot!.querySelector('[role=option]'), 'the rows');
    offline.core.faults.disconnect();
    await until(() => deepText(offline.el).includes('Network unavailable'), 'offline');
    await audit(offline, 'offline', found, ALL);
    report(found);
  });
});


describe('avatar initials', () => {
  /** What a colour is drawn as, in sRGB (the computed form may be any CSS colour syntax). */
  function drawn(color: string): string {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }

  it('are hidden from assistive tech (decorative) unless labelled, and white on every hue reaches 4.5:1', async function () {
    this.timeout(30_000);
    // A seed for each of the 360 hues.
    const seeds = new Map<number, string>();
    for (let i = 0; seeds.size < 360; i++) if (!seeds.has(hueOf(`user${i}`))) seeds.set(hueOf(`user${i}`), `user${i}`);
    const box = document.createElement('div');
    document.body.append(box);
    try {
      render(html`${[...seeds.values()].map((seed) => html`<tim-avatar name="Zoe" seed=${seed}></tim-avatar>`)}<tim-avatar name="Zoe" seed="x" label="Zoe"></tim-avatar>`, box);
      const avatars = [...box.querySelectorAll('tim-avatar')];
      await Promise.all(avatars.map((a) => a.updateComplete));
      const problems: string[] = [];
      for (const a of avatars.slice(0, -1)) {
        const initials = a.shadowRoot!.querySelector<HTMLElement>('[part=initials]')!;
        if (!initials.closest('[aria-hidden="true"]')) problems.push(`${a.seed}: the initials are exposed`);
        const style = getComputedStyle(initials);
        const ratio = contrast(drawn(style.color), drawn(style.backgroundColor));
        if (ratio < 4.5) problems.push(`hue ${hueOf(a.seed)}: ${ratio.toFixed(2)}:1 (${style.color} on ${style.backgroundColor})`);
      }
      // Labelled (the profile editor's preview): an image named by its label, the letter inside not read.
      const labelled = avatars.at(-1)!.shadowRoot!.querySelector('[role=img]');
      expect(labelled?.getAttribute('aria-label')).to.equal('Zoe');
      expect(problems, `${problems.length} of 360 hues`).to.deep.equal([]);
    } finally {
      box.remove();
    }
  });
});
