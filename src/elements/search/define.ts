import { define } from '../shared/define.js';
import '../shared/avatar.js';
import { TimSearch } from './search.js';

define('tim-search', TimSearch);

declare global {
  interface HTMLElementTagNameMap {
    'tim-search': TimSearch;
    'tim-search-panel': import('./panel.js').TimSearchPanel;
  }
}
