/**
 * <tim-chat>'s composer on LocalCore (the demo seed, logged in as alice). Served by Vite from source, so
 * the chunk load times are those of the dev server (relative figures, not production downloads).
 * - composerLoadMs: from the history painted to the composer's input rendered (its lazy chunk).
 * - keystrokeP95Ms / nearLimitKeystrokeP95Ms: one `input` event handled and the composer re-rendered
 *   (byte count, counter, draft and typing timers), p95 over 200 keystrokes, in a short text and in a
 *   text near the 12 KB limit.
 * - emojiOpenMs: the emoji button clicked until its grid is rendered (the picker's own lazy chunk, first
 *   time); emojiSearchP95Ms: a search typed until the grid shows its hits (English, Chinese, Korean).
 * - mentionOpenMs: `@` typed in a group until the member list is rendered; mentionFilterP95Ms per letter.
 * - sendToEchoMs: Enter until the optimistic message is in the store and painted; sendToSentMs: until sent.
 */
import '../../src/elements/provider/define.js';
import '../../src/elements/chat/define.js';
import { createLocalCore } from '../../src/core/local/index.js';
import type { ConversationID, TimChat, TimProvider } from '../../src/index.js';
import { fail, frame, painted, percentile, report, round, until as waitFor } from './measure.js';

/** Waits for `check` (up to 60,000 ms on this page). */
const until = <T>(check: () => T | undefined | null | false, what: string, timeoutMs = 60_000) => waitFor(check, what, timeoutMs, () => new Promise((r) => setTimeout(r, 1)));

type Composer = HTMLElement & { updateComplete: Promise<boolean>; shadowRoot: ShadowRoot };

async function main() {
  const dbName = `bench-composer-${Date.now()}`;
  const core = await createLocalCore({ dbName, seed: 'demo', multiInstance: 'allow' });
  await core.login({ userID: 'alice' });
  const provider = document.createElement('tim-provider') as TimProvider;
  provider.setAttribute('locale', 'en');
  provider.style.cssText = 'display:block;height:780px;width:880px';
  document.body.append(provider);
  provider.core = core;
  const chat = document.createElement('tim-chat') as TimChat;
  chat.conversationId = 'C2Cbob';
  provider.append(chat);

  await until(() => chat.shadowRoot?.querySelector('.scroller:not(.opening) .row[data-id]'), 'the history');
  const store = provider.store!;
  await frame();
  const t0 = performance.now();
  const composer = await until(() => {
    const c = chat.shadowRoot!.querySelector('tim-chat-composer') as Composer | null;
    return c?.shadowRoot?.querySelector('textarea') ? c : null;
  }, 'the composer');
  const composerLoadMs = performance.now() - t0;
  const input = composer.shadowRoot.querySelector('textarea')!;

  /** p95 of one input event handled and rendered, typing `count` characters after `start`. */
  async function keystrokes(start: string, count: number): Promise<number> {
    input.value = start;
    input.dispatchEvent(new InputEvent('input'));
    await composer.updateComplete;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      input.value += 'abcdefghij'[i % 10];
      input.dispatchEvent(new InputEvent('input'));
      await composer.updateComplete;
      times.push(performance.now() - t);
      if (i % 20 === 0) await frame();
    }
    return round(percentile(times, 95));
  }
  input.focus();
  const keystrokeP95Ms = await keystrokes('', 200);
  const nearLimitKeystrokeP95Ms = await keystrokes('The long report follows. '.repeat(480), 200);
  input.value = '';
  input.dispatchEvent(new InputEvent('input'));
  await composer.updateComplete;

  // Emoji picker: first open (its chunk), then searches.
  let t = performance.now();
  composer.shadowRoot.querySelector<HTMLElement>('[aria-label=Emoji]')!.click();
  const picker = await until(() => {
    const p = composer.shadowRoot.querySelector('tim-chat-emoji-picker') as Composer | null;
    return p?.shadowRoot?.querySelector('.grid button') ? p : null;
  }, 'the emoji picker');
  const emojiOpenMs = performance.now() - t;
  const search = picker.shadowRoot.querySelector('input')!;
  const searches: number[] = [];
  for (const q of ['s', 'sm', 'smile', 'h', 'heart', '猫', '笑', '하트', '웃음', 'party', '']) {
    t = performance.now();
    search.value = q;
    search.dispatchEvent(new Event('input'));
    await picker.updateComplete;
    searches.push(performance.now() - t);
  }
  const emojiSearchP95Ms = round(percentile(searches, 95));
  composer.shadowRoot.querySelector<HTMLElement>('[aria-label=Emoji]')!.click();
  await composer.updateComplete;

  // Mentions in a group.
  chat.conversationId = 'GROUPoss';
  await chat.updateComplete;
  await composer.updateComplete;
  await store.loadMembers('oss').catch(() => undefined);
  await until(() => store.state.members.get('oss')?.status === 'ready', 'members');
  await painted();
  const groupInput = await until(() => composer.shadowRoot.querySelector('textarea'), 'the input');
  groupInput.focus();
  t = performance.now();
  groupInput.value = '@';
  groupInput.dispatchEvent(new InputEvent('input'));
  await until(() => composer.shadowRoot.querySelector('[part=mention-list]'), 'the member list');
  const mentionOpenMs = performance.now() - t;
  const filters: number[] = [];
  for (const q of ['b', 'bo', 'c', 'ca', 'z', '']) {
    t = performance.now();
    groupInput.value = `@${q}`;
    groupInput.dispatchEvent(new InputEvent('input'));
    await composer.updateComplete;
    filters.push(performance.now() - t);
  }
  const mentionFilterP95Ms = round(percentile(filters, 95));
  groupInput.value = '';
  groupInput.dispatchEvent(new InputEvent('input'));

  // Send: Enter to the echo in the history, then to sent.
  chat.conversationId = 'C2Cbob';
  await chat.updateComplete;
  await composer.updateComplete;
  await until(() => store.state.windows.get('C2Cbob' as ConversationID)?.status === 'ready' && chat.shadowRoot!.querySelector('.scroller:not(.opening) .row[data-id]'), 'bob again');
  await painted();
  const box = composer.shadowRoot.querySelector('textarea')!;
  box.focus();
  box.value = 'bench message';
  box.dispatchEvent(new InputEvent('input'));
  await composer.updateComplete;
  t = performance.now();
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
  const echo = await until(
    () => store.state.windows.get('C2Cbob' as ConversationID)?.messages.find((x) => x.type === 'TIMTextElem' && x.payload.text === 'bench message'),
    'the echo',
  );
  await painted();
  const sendToEchoMs = performance.now() - t;
  await until(() => store.state.windows.get('C2Cbob' as ConversationID)?.messages.find((x) => x.ID === echo.ID && x.status === 'success'), 'sent');
  const sendToSentMs = performance.now() - t;

  report({
    composer: {
      composerLoadMs: round(composerLoadMs),
      keystrokeP95Ms,
      nearLimitKeystrokeP95Ms,
      emojiOpenMs: round(emojiOpenMs),
      emojiSearchP95Ms,
      mentionOpenMs: round(mentionOpenMs),
      mentionFilterP95Ms,
      sendToEchoMs: round(sendToEchoMs),
      sendToSentMs: round(sendToSentMs),
    },
  });
  await core.destroy();
  indexedDB.deleteDatabase(dbName);
}

main().catch(fail);
