import { createSerialTransport, openErrorCode } from '../../../src/core/transports/serialport-transport';
import { TransportError } from '../../../src/core/transports/transport';

const LINK = { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1 } as const;

describe('serial transport', () => {
  it.each([
    ['Error: Permission denied, cannot open /dev/ttyUSB0', 'permission-denied'],
    ['EACCES: cannot open', 'permission-denied'],
    ['No such file or directory, cannot open /dev/ttyUSB9', 'not-found'],
    ['ENOENT', 'not-found'],
    ['Resource temporarily unavailable Cannot lock port', 'open-failed'],
  ])('maps the open error %j to %s', (message, code) => {
    expect(openErrorCode(new Error(message))).toBe(code);
  });

  it('rejects opening a missing port with a typed not-found error naming the path', async () => {
    const transport = createSerialTransport('/dev/station-no-such-port', LINK);
    const error = (await transport.open().catch((e: unknown) => e)) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('/dev/station-no-such-port');
    expect(transport.isOpen).toBe(false);
  });

  it('refuses writes on a port that is not open, without hanging', async () => {
    const transport = createSerialTransport('/dev/station-no-such-port', LINK);
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'write-failed' });
    await expect(transport.close()).resolves.toBeUndefined();
  });
});
