/**
 * Strings of the rarer message bodies (files, video, voice, location, chat records, custom messages)
 * and group tips. They ship with `<tim-chat>`'s lazy chunk of those bodies (`provideSourceArea`), so the
 * initial bundle does not carry them.
 */
export default {
  playVideo: 'Play the video',
  uploading: (percent: string) => `Uploading ${percent}`,
  voice: 'Voice message',
  play: 'Play',
  pause: 'Pause',
  download: (name: string) => `Download ${name}`,
  unavailable: 'Not available',
  location: 'Location',
  openMap: 'Open in a map',
  chatRecord: 'Chat record',
  recordLoading: 'Loading the chat record…',
  recordFailed: 'The chat record could not be loaded.',
  unsupported: 'This message cannot be shown here.',
  tips: {
    joined: (names: string) => `${names} joined the group`,
    invited: (who: string, names: string) => `${who} invited ${names}`,
    quit: (name: string) => `${name} left the group`,
    kicked: (who: string, names: string) => `${who} removed ${names}`,
    admin: (who: string, names: string) => `${who} made ${names} an admin`,
    unadmin: (who: string, names: string) => `${who} removed ${names} as admin`,
    renamed: (who: string, name: string) => `${who} renamed the group to “${name}”`,
    notice: (who: string) => `${who} updated the group notice`,
    intro: (who: string) => `${who} updated the group introduction`,
    avatar: (who: string) => `${who} changed the group photo`,
    owner: (who: string, name: string) => `${who} made ${name} the owner`,
    muteAll: (who: string) => `${who} muted everyone`,
    unmuteAll: (who: string) => `${who} unmuted everyone`,
    muted: (who: string, name: string, duration: string) => `${who} muted ${name} for ${duration}`,
    unmuted: (who: string, name: string) => `${who} unmuted ${name}`,
    changed: (who: string) => `${who} changed the group`,
    system: 'Group notice',
  },
};
