/**
 * ⚠ UNSAFE FOR PRODUCTION — DEBUG ONLY ⚠
 *
 * Computes a Tencent Cloud Chat UserSig in the browser from the SDKAppID and the app's SECRET KEY, with
 * the public algorithm (the same as `tls-sig-api-v2`): HMAC-SHA256 over the documented fields, the JSON
 * document deflated (zlib), then base64 with the URL-safe substitutions `+`→`*`, `/`→`-`, `=`→`_`.
 *
 * Anyone who has the secret key can sign in as ANY user of your app. Never put it in a page, a bundle,
 * an app or a repository that anyone else can read. In a real app the UserSig comes from your server
 * (`getUserSig` of `createTencentCore`), which checks who is asking. This module exists for trying the
 * kit against a test SDKAppID on your own machine, as Tencent's own `GenerateTestUserSig` does, and is
 * deliberately not exported from `tim-elements/core/tencent`.
 */

export interface UnsafeUserSigOptions {
  SDKAppID: number;
  /** The app's secret key (Chat console). NEVER SHIP IT. */
  secretKey: string;
  userID: string;
  /** Validity in seconds from `time` (default 7 days). */
  expireSeconds?: number;
  /** Issue time in seconds (default now). Tests fix it. */
  time?: number;
}

/** The fields of a decoded UserSig. */
export interface UserSigDocument {
  'TLS.ver': string;
  'TLS.identifier': string;
  'TLS.sdkappid': number;
  'TLS.time': number;
  'TLS.expire': number;
  'TLS.sig': string;
  'TLS.userbuf'?: string;
}

const encoder = /* @__PURE__ */ new TextEncoder();

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The HMAC-SHA256 (base64) of the documented fields, as `tls-sig-api-v2` computes it. */
export async function userSigHmac(secretKey: string, SDKAppID: number, userID: string, time: number, expire: number): Promise<string> {
  const content = `TLS.identifier:${userID}\nTLS.sdkappid:${SDKAppID}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(content))));
}

/**
 * ⚠ UNSAFE FOR PRODUCTION: needs the secret key. A UserSig for `userID`, for local tries only.
 */
export async function genTestUserSigUNSAFE({ SDKAppID, secretKey, userID, expireSeconds = 7 * 86400, time = Math.floor(Date.now() / 1000) }: UnsafeUserSigOptions): Promise<string> {
  if (!secretKey) throw new TypeError('genTestUserSigUNSAFE: the secret key is required');
  const doc: UserSigDocument = {
    'TLS.ver': '2.0',
    'TLS.identifier': String(userID),
    'TLS.sdkappid': Number(SDKAppID),
    'TLS.time': Number(time),
    'TLS.expire': Number(expireSeconds),
    'TLS.sig': await userSigHmac(secretKey, SDKAppID, String(userID), time, expireSeconds),
  };
  const compressed = await pipe(encoder.encode(JSON.stringify(doc)), new CompressionStream('deflate'));
  return base64(compressed).replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

/** Decodes a UserSig (no verification: anyone can read one, only the key can make one). */
export async function decodeUserSig(userSig: string): Promise<UserSigDocument> {
  const b64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate')))) as UserSigDocument;
}
