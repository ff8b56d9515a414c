import { define } from '../shared/define.js';
import { TimProfile } from './profile.js';

define('tim-profile', TimProfile);

declare global {
  interface HTMLElementTagNameMap {
    'tim-profile': TimProfile;
  }
}
