/** Strings of the chat element(s). */
export default {};
