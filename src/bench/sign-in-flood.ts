import { request } from 'node:http';

/**
 * The sign-in flood, a child process of the sign-in bench: `perSecond` console sign-ins
 * with wrong passwords for `seconds`, each from the next of `addresses` loopback addresses
 * (127.0.1.x: Linux routes all of 127/8 to lo), so the flood looks like many clients and
 * the per-address limit alone does not absorb it. argv: JSON { url, perSecond, seconds, addresses }.
 */
const { url, perSecond, seconds, addresses } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  perSecond: number;
  seconds: number;
  addresses: number;
};
const target = new URL('/console/login', url);
const statuses: Record<string, number> = {};
let sent = 0;
let inFlight = 0;

function one(i: number): void {
  const body = new URLSearchParams({
    username: i % 2 === 0 ? 'bench_reviewer' : `nobody_${i}`,
    password: `not the password ${i}`,
  }).toString();
  inFlight++;
  const req = request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      localAddress: `127.0.1.${1 + (i % addresses)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    },
    (res) => {
      res.resume();
      res.on('end', () => {
        statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
        inFlight--;
      });
    },
  );
  req.on('error', () => {
    statuses.error = (statuses.error ?? 0) + 1;
    inFlight--;
  });
  req.end(body);
}

const t0 = Date.now();
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - t0) / 1000) * perSecond);
    while (sent < due) one(sent++);
    if (Date.now() - t0 >= seconds * 1000) {
      clearInterval(timer);
      resolve();
    }
  }, 10);
});
for (let i = 0; i < 500 && inFlight > 0; i++) await new Promise((r) => setTimeout(r, 20));
process.stdout.write(JSON.stringify({ sent, statuses, seconds: (Date.now() - t0) / 1000 }) + '\n');
