import net from 'node:net';

/**
 * Tests that need PostgreSQL, Redis or a browser use the real thing. Where it is missing they
 * skip with a message saying what they need, unless CI demands it (PLENARY_REQUIRE_SERVICES=1 /
 * PLENARY_REQUIRE_BROWSER=1), where a missing service fails the run instead of hiding tests.
 */
export const POSTGRES_URL =
  process.env.PLENARY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.PLENARY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when the service answers; false (with a printed reason) when tests should skip. */
export async function serviceAvailable(name: 'PostgreSQL' | 'Redis'): Promise<boolean> {
  const url = name === 'PostgreSQL' ? POSTGRES_URL : REDIS_URL;
  const ok = await reachable(url, name === 'PostgreSQL' ? 5432 : 6379);
  if (ok) return true;
  const message = `${name} is not reachable at ${url}: these tests need it (set ${name === 'PostgreSQL' ? 'PLENARY_TEST_DATABASE_URL' : 'PLENARY_TEST_REDIS_URL'})`;
  if (process.env.PLENARY_REQUIRE_SERVICES === '1')
    throw new Error(`${message}; PLENARY_REQUIRE_SERVICES=1 forbids skipping`);
  console.warn(`skipping: ${message}`);
  return false;
}
