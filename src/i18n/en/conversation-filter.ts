/** Strings of `<tim-conversation filter>`'s filter box: a lazy area, provided by the filter's chunk. */
export default {
  label: 'Filter conversations',
  placeholder: 'Filter by name',
  /** The clear button, and the no-match state's. */
  clear: 'Clear filter',
  noMatch: (query: string) => `No conversation matches “${query}”.`,
};
