import { defineScript } from './redis-client.js';

/** Answers 1: whether Redis is back, asked through the same path as every other command (the script cache included). */
export const pingScript = defineScript('return 1');
