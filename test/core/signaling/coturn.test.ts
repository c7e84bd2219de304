import type { ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { turnCredential } from '../../../src/core/signaling/turn-credentials';
import { allocate, ALLOCATE_ERROR, ALLOCATE_SUCCESS, errorCodeOf, startCoturn } from './turn-client';

const SECRET = 'coturn-test-secret';
const haveCoturn = existsSync('/usr/bin/turnserver');

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(resolve));
  return port;
}

/** A real coturn with use-auth-secret accepts our REST credentials and nothing else. */
(haveCoturn ? describe : describe.skip)('coturn accepts our TURN credentials', () => {
  let coturn: ChildProcess;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'station-coturn-'));
    port = await freeUdpPort();
    const minRelayPort = 50_000 + Math.floor(Math.random() * 1000) * 10;
    coturn = await startCoturn({ port, minRelayPort, secret: SECRET, pidFile: join(dir, 'turn.pid') });
  }, 15_000);
  afterAll(() => {
    coturn?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('allocates a relay with a fresh credential', async () => {
    const { username, credential } = turnCredential(SECRET, 'peer-abcdefgh', Date.now());
    const response = await allocate(port, username, credential);
    expect(response.type).toBe(ALLOCATE_SUCCESS);
  });

  it('refuses a wrong credential, another secret, or an expired username', async () => {
    const { username } = turnCredential(SECRET, 'peer-abcdefgh', Date.now());
    const wrongSecret = turnCredential('another-secret', 'peer-abcdefgh', Date.now());
    const expired = turnCredential(SECRET, 'peer-abcdefgh', Date.now() - 7_200_000);
    for (const [user, password] of [
      [username, 'not-the-credential'],
      [wrongSecret.username, wrongSecret.credential],
      [expired.username, expired.credential],
    ] as const) {
      const response = await allocate(port, user, password);
      expect(response.type).toBe(ALLOCATE_ERROR);
      expect(errorCodeOf(response)).toBe(401);
    }
  });
});
