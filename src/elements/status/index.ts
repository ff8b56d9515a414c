export { TimStatus } from './status.js';
import './define.js';
