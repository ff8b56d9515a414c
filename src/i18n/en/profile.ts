/** Strings of the profile element(s). */
export default {};
