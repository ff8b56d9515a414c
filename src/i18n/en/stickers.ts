/**
 * The names of the kit's stickers. They ship with the sticker set's lazy chunk and the composer's
 * (`provideSourceArea`), so the initial bundle does not carry them.
 */
export default {
  smile: 'Smile',
  laugh: 'Laugh',
  love: 'Love',
  wink: 'Wink',
  cool: 'Cool',
  surprised: 'Surprised',
  sad: 'Sad',
  angry: 'Angry',
  thumbsUp: 'Thumbs up',
  heart: 'Heart',
  party: 'Party',
  thanks: 'Thank you',
};
