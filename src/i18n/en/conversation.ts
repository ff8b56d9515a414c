/** Strings of the conversation element(s). */
export default {};
