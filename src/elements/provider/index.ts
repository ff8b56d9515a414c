export { TimProvider } from './provider.js';
import './define.js';
