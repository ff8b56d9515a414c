/**
 * LocalizeController's error texts: those of the errors that come offline at once, the others once their
 * lazy chunk is in (this file's page starts without it), in the order they were asked for.
 */
import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import { until } from '../helpers/kit.js';
import { LocalizeController, type LocaleHost } from '../../src/context/localize-controller.js';
import { loadCatalog, sourceCatalog } from '../../src/i18n/index.js';

function controller(locale: string) {
  let updates = 0;
  const host = {
    contextLocale: locale,
    addController() {},
    removeController() {},
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  } satisfies LocaleHost;
  return { l10n: new LocalizeController(host), updates: () => updates };
}

describe('LocalizeController: error texts', () => {
  it('says offline errors at once and waits for the words of the others, keeping the order', async () => {
    expect(sourceCatalog.moreErrors, 'a fresh page').to.equal(undefined);
    const { l10n, updates } = controller('en');
    expect(l10n.errorText(2805)).to.equal('No network connection.');
    expect(l10n.errorText(70003), 'any session code').to.equal('Your session ended. Log in again.');
    expect(l10n.errorText(123456), 'an unknown code').to.equal('Something went wrong.');
    expect(l10n.errorText(10017), 'loading').to.equal(undefined);

    const said: string[] = [];
    l10n.whenErrorText(2801, (text) => said.push(text));
    expect(said, 'known: at once').to.deep.equal(['The request timed out.']);
    l10n.whenErrorText(20007, (text) => said.push(text));
    l10n.whenErrorText(2800, (text) => said.push(text));
    expect(said, 'the network error waits its turn').to.have.length(1);
    await until(() => said.length === 3, 'both said');
    expect(said).to.deep.equal(['The request timed out.', 'The message was rejected: this user has blocked you.', 'Network error. Check your connection.']);

    await until(() => updates() > 0, 'the host updated for its render');
    expect(l10n.errorText(10017)).to.equal('You are muted in this group.');
    expect(l10n.errorText(2996), 'a category text').to.equal('Too many requests. Slow down a little.');
    expect(l10n.errorText(10023), 'a code of the rate category').to.equal('Too many requests. Try again in a moment.');
    expect(l10n.errorText(2807), 'the kit\'s code for a full storage').to.equal("This browser's storage is full, so the message could not be kept. Free some space, then retry.");
    l10n.whenErrorText(20012, (text) => said.push(text));
    expect(said.at(-1), 'loaded: at once').to.equal('You are muted.');
  });

  it('in Chinese and Korean, from their catalogs', async () => {
    await Promise.all([loadCatalog('zh'), loadCatalog('ko')]);
    expect(controller('zh').l10n.errorText(10017)).to.equal('你在该群中已被禁言。');
    expect(controller('zh-CN').l10n.errorText(2805)).to.equal('没有网络连接。');
    expect(controller('ko').l10n.errorText(20012)).to.equal('채팅이 금지되었습니다.');
    expect(controller('ko').l10n.errorText(10023)).to.equal('요청이 너무 많습니다. 잠시 후 다시 시도하세요.');
  });

  it('no text of the lazy area belongs to a category the first screen answers (it would never be looked up)', async () => {
    const { classifyError } = await import('../../src/core/index.js');
    for (const locale of ['zh', 'ko'] as const) {
      const catalog = await loadCatalog(locale);
      for (const code of Object.keys(catalog.moreErrors.byCode)) {
        expect(['network', 'session', 'unknown'], `${locale} ${code}`).to.not.include(classifyError(Number(code)));
        expect(catalog.errors.byCode, `${locale} ${code} in both`).to.not.have.property(code);
      }
      expect(Object.keys(catalog.errors.byCode).sort(), locale).to.deep.equal(Object.keys(sourceCatalog.errors.byCode).sort());
      expect(Object.keys(catalog.moreErrors.byCode).sort(), locale).to.deep.equal(Object.keys(sourceCatalog.moreErrors.byCode).sort());
    }
  });
});
