/** Strings of the search element(s). */
export default {};
