import { Redis } from 'ioredis';
import { RedisDeadlineError, withDeadline } from '../../../../src/core/signaling/rooms/redis-deadline';
import { startRedis, type TestRedis } from '../redis-server';

/** The deadline on a Redis answer, against a real redis-server. */
describe('withDeadline', () => {
  let redis: TestRedis;
  let client: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
  });
  afterAll(async () => {
    client.disconnect();
    await redis.stop();
  });

  it('takes an answer that arrived while this process was too busy to read it', async () => {
    const answer = withDeadline(client.ping(), 20);
    stallEventLoop(300); // Redis answers meanwhile; the deadline's timer is due first when we wake
    await expect(answer).resolves.toBe('PONG');
  });

  it('gives up on a Redis that does not answer', async () => {
    const pauser = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await pauser.connect();
    try {
      await pauser.call('CLIENT', 'PAUSE', '400', 'ALL');
      await expect(withDeadline(client.ping(), 50)).rejects.toBeInstanceOf(RedisDeadlineError);
    } finally {
      pauser.disconnect();
    }
  });
});

/** Keeps this thread busy, as a loaded node's event loop is (monotonic clock). */
function stallEventLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}
