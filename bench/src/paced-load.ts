import { connect, type Socket } from 'node:net';

/**
 * An open-loop load generator at a steady rate: request i is due at start + i/rate, whatever happened to the
 * ones before it, and its latency counts from that moment (time spent waiting for a free connection
 * included), so a stall shows in the figures instead of slowing the load down. HTTP/1.1 keep-alive on a fixed
 * set of connections, GET only, responses read by Content-Length (the scan page always sends it).
 *
 * Why not autocannon's rate mode: it gives each connection a quota per second, which the connection sends back
 * to back from the start of each second — a burst at full speed, then silence — and it corrects for coordinated
 * omission with an expected interval of 1 ms whatever the rate, adding synthetic samples to every response
 * slower than that.
 */
export interface PacedResult {
  requests: number;
  perSecond: number;
  /** Latency percentiles from each request's due time, ms. */
  p50: number;
  p975: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

interface Connection {
  socket: Socket;
  buffer: Buffer;
  due: number;
  busy: boolean;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export async function pacedLoad(options: { url: string; paths: readonly string[]; connections: number; duration: number; rate: number }): Promise<PacedResult> {
  const target = new URL(options.url);
  const host = target.hostname;
  const port = Number(target.port);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const waiting: number[] = []; // due times of requests not yet sent
  const free: Connection[] = [];

  const send = (c: Connection, due: number): void => {
    c.busy = true;
    c.due = due;
    const path = options.paths[Math.floor(Math.random() * options.paths.length)] ?? '/';
    c.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: keep-alive\r\n\r\n`);
  };
  const release = (c: Connection): void => {
    c.busy = false;
    const next = waiting.shift();
    if (next !== undefined) send(c, next);
    else free.push(c);
  };
  const onData = (c: Connection, chunk: Buffer): void => {
    c.buffer = c.buffer.length === 0 ? chunk : Buffer.concat([c.buffer, chunk]);
    for (;;) {
      const end = c.buffer.indexOf(HEADER_END);
      if (end < 0) return;
      const head = c.buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const total = end + HEADER_END.length + length;
      if (c.buffer.length < total) return;
      const status = Number(head.slice(9, 12));
      c.buffer = c.buffer.subarray(total);
      if (status < 200 || status > 299) non2xx += 1;
      latencies.push(performance.now() - c.due);
      release(c);
    }
  };

  const connections = await Promise.all(
    Array.from({ length: options.connections }, () => {
      return new Promise<Connection>((resolve, reject) => {
        const socket = connect({ host, port }, () => resolve(c));
        const c: Connection = { socket, buffer: Buffer.alloc(0), due: 0, busy: false };
        socket.setNoDelay(true);
        socket.once('error', reject);
        socket.on('data', (chunk: Buffer) => onData(c, chunk));
      });
    }),
  );
  for (const c of connections) {
    c.socket.removeAllListeners('error');
    c.socket.on('error', () => (errors += 1));
    free.push(c);
  }

  const start = performance.now();
  const interval = 1000 / options.rate;
  let issued = 0;
  const total = Math.floor(options.rate * options.duration);
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (issued < total && start + issued * interval <= now) {
        const due = start + issued * interval;
        issued += 1;
        const c = free.pop();
        if (c) send(c, due);
        else waiting.push(due);
      }
      if (issued >= total) return resolve();
      setTimeout(tick, Math.max(0, Math.min(1, start + issued * interval - performance.now())));
    };
    tick();
  });
  // Let what is in flight finish (at most 5 s).
  const deadline = performance.now() + 5000;
  while ((waiting.length > 0 || connections.some((c) => c.busy)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const elapsed = (performance.now() - start) / 1000;
  for (const c of connections) c.socket.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p975: at(0.975), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0), non2xx, errors };
}
