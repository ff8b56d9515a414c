import { define } from '../shared/define.js';
import { TimStatus } from './status.js';

define('tim-status', TimStatus);

declare global {
  interface HTMLElementTagNameMap {
    'tim-status': TimStatus;
  }
}
