import { createServer } from 'node:http';

/** A local webhook receiver for the outbox bench: reads each body and answers 204. Prints its port. */
let count = 0;
const server = createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    count++;
    res.statusCode = 204;
    res.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.on('SIGTERM', () => {
  process.stderr.write(`received ${count}\n`);
  server.close(() => process.exit(0));
});
