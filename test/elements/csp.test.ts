/**
 * The kit under a strict Content-Security-Policy: `style-src 'self'` forbids inline style attributes, so a
 * template's `style="…"` (or a directive that writes one) is dropped there. Styles come from the elements'
 * stylesheets and from the CSSOM (`el.style`), which the policy allows.
 */
import { expect, html, nextFrame } from '@open-wc/testing';
import { cleanupKits, deepQueryAll, mountKit, until } from '../helpers/kit.js';

const violations: string[] = [];
const record = (e: SecurityPolicyViolationEvent) => {
  if (e.effectiveDirective.startsWith('style-src')) violations.push(`${e.effectiveDirective} on ${(e.target as Element).localName ?? 'document'}: ${e.sample} (${e.sourceFile}:${e.lineNumber})`);
};

describe('under a strict CSP', function () {
  this.timeout(20_000);
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self' 'report-sample'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', record, true);
  });
  after(() => document.removeEventListener('securitypolicyviolation', record, true));
  afterEach(() => cleanupKits());

  it('the policy is in force: an inline style attribute is refused', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await until(() => violations.length > 0, 'the violation report');
    probe.remove();
    violations.length = 0;
  });

  it('the list, a chat with avatars, and a group profile render without an inline style', async () => {
    const kit = await mountKit(html`<div>
      <tim-conversation></tim-conversation>
      <tim-chat conversation-id="GROUPteam"></tim-chat>
      <tim-profile group-id="team"></tim-profile>
    </div>`);
    await until(() => deepQueryAll(kit.provider, '[data-vkey]').length > 10, 'rows of both lists');
    await until(() => deepQueryAll(kit.provider, 'tim-avatar').length > 5, 'avatars');
    await until(() => deepQueryAll(kit.provider, '.danger-zone').length, "the group's owner actions");
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(violations).to.deep.equal([]);
  });
});
