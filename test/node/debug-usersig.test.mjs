// The debug UserSig helper (UNSAFE FOR PRODUCTION) against the public reference implementation
// (`tls-sig-api-v2`, Tencent's Node signer): for fixed inputs and a fixed time both tickets must decode
// (inflate → JSON) to the same fields and the same HMAC. Runs in Node: `npm run test:node`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { Api } = require('tls-sig-api-v2');

/** Bundles the TypeScript module as it ships (esbuild, ESM) and imports it. */
async function loadHelper() {
  const out = await build({ entryPoints: ['src/core/tencent/debug-usersig.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false, target: 'es2022' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/** The reference decoder: undo the URL-safe substitutions, base64, inflate, JSON. */
const decode = (sig) => JSON.parse(inflateSync(Buffer.from(sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString());

/** The reference signer at a fixed time (it reads the clock itself). */
function referenceSig(SDKAppID, secretKey, userID, expire, time) {
  const now = Date.now;
  Date.now = () => time * 1000;
  try {
    return new Api(SDKAppID, secretKey).genUserSig(userID, expire);
  } finally {
    Date.now = now;
  }
}

const cases = [
  { SDKAppID: 1400000001, secretKey: 'a-secret-key-for-tests', userID: 'alice', expire: 604800, time: 1700000000 },
  { SDKAppID: 20000123, secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e', userID: 'user_01-x', expire: 86400, time: 1731234567 },
  { SDKAppID: 1600012345, secretKey: 'k', userID: 'a.b@c', expire: 1, time: 1 },
];

test('the debug helper and tls-sig-api-v2 produce the same ticket fields and HMAC', async () => {
  const { genTestUserSigUNSAFE, decodeUserSig } = await loadHelper();
  for (const c of cases) {
    const ours = await genTestUserSigUNSAFE({ SDKAppID: c.SDKAppID, secretKey: c.secretKey, userID: c.userID, expireSeconds: c.expire, time: c.time });
    const theirs = referenceSig(c.SDKAppID, c.secretKey, c.userID, c.expire, c.time);
    assert.match(ours, /^[A-Za-z0-9*_-]+$/, 'URL-safe alphabet only');
    const a = decode(ours);
    const b = decode(theirs);
    assert.deepEqual(a, b, `fields of ${c.userID}`);
    assert.deepEqual(Object.keys(a).sort(), ['TLS.expire', 'TLS.identifier', 'TLS.sdkappid', 'TLS.sig', 'TLS.time', 'TLS.ver']);
    assert.equal(a['TLS.sig'], b['TLS.sig'], 'HMAC');
    assert.equal(a['TLS.identifier'], c.userID);
    assert.equal(a['TLS.time'], c.time);
    // Our decoder reads the reference ticket too.
    assert.deepEqual(await decodeUserSig(theirs), b);
  }
});

test('a different key, user or time changes the HMAC', async () => {
  const { genTestUserSigUNSAFE } = await loadHelper();
  const base = { SDKAppID: 1400000001, secretKey: 'key-one', userID: 'alice', expireSeconds: 600, time: 1700000000 };
  const sig = (o) => genTestUserSigUNSAFE({ ...base, ...o }).then((s) => decode(s)['TLS.sig']);
  const reference = await sig({});
  for (const change of [{ secretKey: 'key-two' }, { userID: 'bob' }, { time: 1700000001 }, { expireSeconds: 601 }, { SDKAppID: 1400000002 }])
    assert.notEqual(await sig(change), reference, JSON.stringify(change));
  await assert.rejects(genTestUserSigUNSAFE({ ...base, secretKey: '' }), TypeError);
});
