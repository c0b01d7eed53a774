// Preloaded with `node --import` to report the process's peak resident memory when it exits.
import { writeSync } from 'node:fs';
process.on('exit', () => writeSync(2, `\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
