/**
 * Strings of `<tim-chat>`'s pill away from the bottom of the history. They ship with the chat's lazy chunk
 * of jumps, which draws the pill (`provideSourceArea`), so the initial bundle does not carry them.
 */
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export default {
  newMessages: (n: number) => `${n} new ${plural(n, 'message', 'messages')}`,
  mentions: (n: number) => `${n} ${plural(n, 'mention', 'mentions')}`,
  latest: 'Jump to the latest messages',
};
