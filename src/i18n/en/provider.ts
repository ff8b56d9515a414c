/** Strings of <tim-provider> and the shared shell states. */
export default {
  label: 'Chat',
};
