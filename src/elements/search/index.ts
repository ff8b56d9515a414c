export { TimSearch } from './search.js';
export { highlight, matchRanges, searchTerms, fold } from './highlight.js';
import './define.js';
