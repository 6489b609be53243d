export { main, root, VERSION } from './main.js';
