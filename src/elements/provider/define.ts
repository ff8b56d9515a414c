import { define } from '../shared/define.js';
import { TimProvider } from './provider.js';

define('tim-provider', TimProvider);

declare global {
  interface HTMLElementTagNameMap {
    'tim-provider': TimProvider;
  }
}
