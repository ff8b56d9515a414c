/**
 * `tim-elements/core/tencent`: TencentCore, the ChatCore adapter over the official web SDK
 * `@tencentcloud/chat` (an optional peer dependency, loaded with `import()` on first use, so apps on
 * LocalCore never download it).
 *
 * ```ts
 * import { createTencentCore } from 'tim-elements/core/tencent';
 * import TIMUploadPlugin from 'tim-upload-plugin'; // optional: media messages
 *
 * const core = await createTencentCore({
 *   SDKAppID: 1400000000,
 *   getUserSig: async (userID) => (await fetch(`/api/usersig?user=${userID}`)).text(), // YOUR server
 *   uploadPlugin: TIMUploadPlugin,
 * });
 * await core.login({ userID: 'alice' });
 * ```
 *
 * The default `@tencentcloud/chat` entry (`index.js`) is the full build: the group, relationship and
 * cloud-search modules are in it. To use the core-only `index.es.js` instead, pass `sdk` and
 * `createOptions.modules` (`{'group-module': …, 'relationship-module': …, 'cloud-search-module': …}`).
 *
 * Never compute a UserSig in a shipped app: that needs the secret key. `./debug-usersig.js` does it for
 * local tries only and is not exported from here.
 */
import { TencentCore, type TencentCoreOptions } from './tencent-core.js';
import type { TIMModule } from './sdk.js';

export { TencentCore, isTencentUserID, SDK_PAGE } from './tencent-core.js';
export type { TencentCoreOptions, TencentCoreEventMap } from './tencent-core.js';
export type { TIMModule, TIMChat, TIMMessage, TIMEvent, TIMEventName, TIMCreateOptions } from './sdk.js';

/**
 * Loads the SDK (once per page: `create()` returns the same instance for the same SDKAppID), creates
 * the instance, registers the upload plugin and the event handlers, and returns a logged-out core.
 */
export async function createTencentCore(options: TencentCoreOptions): Promise<TencentCore> {
  if (!Number.isInteger(options?.SDKAppID) || options.SDKAppID <= 0) throw new TypeError('createTencentCore: SDKAppID must be a positive integer');
  if (typeof options.getUserSig !== 'function') throw new TypeError('createTencentCore: getUserSig(userID) is required');
  const loaded = await (options.sdk ?? (() => import('@tencentcloud/chat') as unknown as Promise<{ default: TIMModule }>))();
  const TIM = ('create' in loaded ? loaded : loaded.default) as TIMModule;
  const chat = TIM.create({ SDKAppID: options.SDKAppID, ...(options.createOptions ?? {}) });
  if (!chat) throw new TypeError('createTencentCore: the SDK refused the SDKAppID');
  return new TencentCore(TIM, chat, options);
}
