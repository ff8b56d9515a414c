import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import {
  classifyError,
  isValidUserID,
  parseConversationID,
  safeUrl,
  utf8Bytes,
} from '../../src/core/index.js';

describe('validation', () => {
  it('accepts 1–32 bytes of A-Za-z0-9_- as a user ID and nothing else', () => {
    for (const ok of ['a', 'alice', 'A_b-9', 'x'.repeat(32)]) expect(isValidUserID(ok), ok).to.be.true;
    for (const bad of ['', 'x'.repeat(33), 'a b', 'ä', 'a.b', 'a@b', '<img>', 'C2C\u202E']) expect(isValidUserID(bad), bad).to.be.false;
  });

  it('counts bytes in UTF-8', () => {
    expect(utf8Bytes('abc')).to.equal(3);
    expect(utf8Bytes('한')).to.equal(3);
    expect(utf8Bytes('中文')).to.equal(6);
    expect(utf8Bytes('😀')).to.equal(4);
  });

  it('allows only absolute http(s) and blob URLs', () => {
    expect(safeUrl('https://example.com/a.png')).to.equal('https://example.com/a.png');
    expect(safeUrl('http://example.com/')).to.equal('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/html,<script>',
      'vbscript:msgbox',
      '/relative.png',
      '//evil.example/x.png',
      '',
      'not a url',
    ]) {
      expect(safeUrl(bad), bad).to.equal(null);
    }
  });

  it('parses conversation IDs by prefix', () => {
    expect(parseConversationID('C2Calice')).to.deep.equal({ type: 'C2C', targetID: 'alice' });
    expect(parseConversationID('GROUPg1')).to.deep.equal({ type: 'GROUP', targetID: 'g1' });
    expect(parseConversationID('@TIM#SYSTEM')).to.deep.equal({ type: '@TIM#SYSTEM', targetID: '' });
    expect(parseConversationID('C2C')).to.equal(null);
    expect(parseConversationID('alice')).to.equal(null);
  });

  it('classifies the service codes', () => {
    expect(classifyError(2801)).to.equal('network');
    expect(classifyError(70001)).to.equal('session');
    expect(classifyError(3003)).to.equal('session');
    expect(classifyError(20007)).to.equal('relationship');
    expect(classifyError(10017)).to.equal('permission');
    expect(classifyError(80002)).to.equal('content');
    expect(classifyError(10021)).to.equal('content');
    expect(classifyError(2996)).to.equal('rate');
    expect(classifyError(3000)).to.equal('state');
    expect(classifyError(123456)).to.equal('unknown');
  });
});
