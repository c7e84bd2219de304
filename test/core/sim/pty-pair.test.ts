import { existsSync } from 'node:fs';
import { createPtyPair } from '../../../src/core/sim/pty-pair';
import { hasSocat } from '../../helpers/pty';

describe('createPtyPair', () => {
  it('says how to install socat when it is missing', async () => {
    await expect(createPtyPair({ socat: '/nonexistent/socat' })).rejects.toThrow(
      /socat is not installed.*apt-get install socat/,
    );
  });

  (hasSocat() ? it : it.skip)('creates both links and removes them on kill', async () => {
    const pair = await createPtyPair();
    expect(existsSync(pair.deviceEnd) && existsSync(pair.stationEnd)).toBe(true);
    await pair.kill();
    await pair.kill();
    expect(existsSync(pair.deviceEnd) || existsSync(pair.stationEnd)).toBe(false);
  });
});
