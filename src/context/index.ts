export { projectResult } from './project-result.js';
