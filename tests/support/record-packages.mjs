// Loaded with `node --import`: records every npm package the process imports from ES modules (one
// name per line, in the file GONGWEN_RECORD names), so a test can see what a command loaded.
import { register } from 'node:module';

register('./record-packages-hooks.mjs', import.meta.url);
