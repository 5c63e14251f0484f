import { readLineChunks } from '../events/read-lines.js';

/**
 * The floor for replay, in its own process like the replay it is compared with: read
 * every line and JSON-parse it, nothing else. Prints {events, seconds}.
 */
const file = process.argv[2]!;
const t0 = performance.now();
let events = 0;
for await (const chunk of readLineChunks(file, 1 << 20)) {
  for (const line of chunk) if ('text' in line && JSON.parse(line.text) !== null) events++;
}
process.stdout.write(JSON.stringify({ events, seconds: (performance.now() - t0) / 1000 }) + '\n');
