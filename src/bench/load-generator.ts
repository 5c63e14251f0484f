import autocannon from 'autocannon';

/**
 * The HTTP load generator, run as a second process so it does not share the server's
 * event loop (the issue asks for a load generator from a second process).
 * argv: JSON { url, connections, duration, requests: [{method, path, headers, body}] }
 */
const opts = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof autocannon>[0];
const result = await autocannon(opts);
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }) + '\n',
);
