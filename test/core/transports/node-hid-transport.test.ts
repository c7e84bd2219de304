import {
  createHidTransport,
  hidOpenErrorCode,
  listHidPorts,
  type HidModule,
} from '../../../src/core/transports/node-hid-transport';
import { createDeviceTransport } from '../../../src/core/transports/create-transport';
import type { TransportCloseEvent } from '../../../src/core/transports/transport';
import type { DeviceSimulator, HidLinkSettings } from '../../../src/devices/driver';
import { FakeHidModule } from '../../helpers/fake-hid';

const LINK: HidLinkSettings = {
  kind: 'hid',
  vendorId: 0x0590,
  productId: 0x0028,
  reportBytes: 8,
  reportId: 0,
};
const PATH = '/dev/hidraw7';

/** A device that echoes each output report back, and records feature reports. */
function echoSimulator(): DeviceSimulator & {
  features: Uint8Array[];
  receiveFeatureReport(b: Uint8Array): { bytes: Uint8Array; frames: [] };
} {
  const features: Uint8Array[] = [];
  return {
    tickIntervalMs: 1000,
    features,
    receive: (chunk) => ({ bytes: chunk.slice(), frames: [] }),
    tick: () => ({ bytes: new Uint8Array(0), frames: [] }),
    receiveFeatureReport: (bytes) => {
      features.push(bytes.slice());
      return { bytes: new Uint8Array(0), frames: [] };
    },
  };
}

function setup(link: HidLinkSettings = LINK) {
  const hid = new FakeHidModule();
  const simulator = echoSimulator();
  const device = hid.add({
    path: PATH,
    vendorId: 0x0590,
    productId: 0x0028,
    simulator,
    reportBytes: 8,
    reportId: link.reportId,
  });
  const transport = createHidTransport(PATH, link, () => 42, { hid, platform: 'linux' });
  const chunks: number[][] = [];
  const closes: TransportCloseEvent[] = [];
  transport.onData((chunk, atMs) => {
    expect(atMs).toBe(42);
    chunks.push([...chunk]);
  });
  transport.onClose((event) => closes.push(event));
  return { hid, simulator, device, transport, chunks, closes };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('node-hid transport', () => {
  it('prefixes the report id, zero-pads writes to the report size, and hands each input report over', async () => {
    const { device, transport, chunks } = setup();
    await transport.open();
    expect(transport.isOpen).toBe(true);
    await transport.write(Uint8Array.of(5, 0x56, 0x45, 0x52, 0x30, 0x30));
    expect([...device.writes[0]]).toEqual([0, 5, 0x56, 0x45, 0x52, 0x30, 0x30, 0, 0]);
    await settle();
    expect(chunks).toEqual([[5, 0x56, 0x45, 0x52, 0x30, 0x30, 0, 0]]);
    await transport.close();
  });

  it('strips the report id of numbered input reports', async () => {
    const { device, transport, chunks } = setup({ ...LINK, reportId: 9 });
    await transport.open();
    await transport.write(Uint8Array.of(0xa2));
    expect([...device.writes[0]]).toEqual([9, 0xa2, 0, 0, 0, 0, 0, 0, 0]);
    await settle();
    expect(chunks).toEqual([[0xa2, 0, 0, 0, 0, 0, 0, 0]]);
    await transport.close();
  });

  it('sends feature reports with the report id and no padding', async () => {
    const { device, simulator, transport } = setup();
    await transport.open();
    await transport.writeFeatureReport(Uint8Array.of(0x74, 0xbc));
    expect([...device.featureReports[0]]).toEqual([0, 0x74, 0xbc]);
    expect(simulator.features.map((f) => [...f])).toEqual([[0x74, 0xbc]]);
    await transport.close();
  });

  it('serialises writes in call order and rejects an oversized report', async () => {
    const { device, transport } = setup();
    await transport.open();
    await Promise.all([1, 2, 3, 4].map((n) => transport.write(Uint8Array.of(1, n))));
    expect(device.writes.map((w) => w[2])).toEqual([1, 2, 3, 4]);
    await expect(transport.write(new Uint8Array(9))).rejects.toMatchObject({ code: 'write-failed' });
    await transport.close();
  });

  it('times out a write that never completes, and the next write still goes', async () => {
    const { device, transport } = setup();
    await transport.open();
    const original = device.write.bind(device);
    device.write = () => new Promise<number>(() => undefined);
    await expect(transport.write(Uint8Array.of(1, 1), 50)).rejects.toMatchObject({ code: 'timeout' });
    device.write = original;
    await transport.write(Uint8Array.of(1, 2));
    expect(device.writes.at(-1)?.[2]).toBe(2);
    await transport.close();
  });

  it('closes cleanly once: close event with disconnected false, writes after it rejected', async () => {
    const { device, transport, closes } = setup();
    await transport.open();
    await transport.close();
    await transport.close();
    expect(closes).toEqual([{ disconnected: false }]);
    expect(device.isOpen).toBe(false);
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'write-failed' });
    await expect(transport.open()).rejects.toThrow(/already opened/);
  });

  it('reports an unplug (read thread failure) as disconnected, and fails writes', async () => {
    const { device, transport, closes } = setup();
    await transport.open();
    device.unplug();
    await settle();
    expect(closes).toEqual([
      { disconnected: true, error: expect.objectContaining({ code: 'disconnected' }) as unknown },
    ]);
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'write-failed' });
  });

  it('maps open errors to typed codes, with what to do about permissions on Linux', async () => {
    const { hid, transport } = setup();
    const missing = createHidTransport('/dev/hidraw99', LINK, Date.now, { hid, platform: 'linux' });
    await expect(missing.open()).rejects.toMatchObject({ code: 'not-found' });
    hid.openError =
      "cannot open device with path /dev/hidraw7: Failed to open a device with path '/dev/hidraw7': Permission denied";
    await expect(transport.open()).rejects.toMatchObject({
      code: 'permission-denied',
      message: expect.stringMatching(/udev rules/) as unknown,
    });
    expect(hidOpenErrorCode('cannot open device with path /dev/hidraw3', 'linux')).toBe('permission-denied');
    expect(hidOpenErrorCode('cannot open device with path /dev/hidraw3', 'darwin')).toBe('open-failed');
    expect(hidOpenErrorCode('EACCES', 'win32')).toBe('permission-denied');
  });

  it('lists HID devices as discovered ports, one per path; a failing listing is empty', async () => {
    const { hid } = setup();
    expect(await listHidPorts(hid)).toEqual([
      { path: PATH, transport: 'hid', vendorId: 0x0590, productId: 0x0028 },
    ]);
    const broken: HidModule = {
      HIDAsync: hid.HIDAsync,
      devicesAsync: () => Promise.reject(new Error('libusb')),
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await listHidPorts(broken)).toEqual([]);
    warn.mockRestore();
  });

  it('lists the real node-hid devices without throwing (none on build machines)', async () => {
    await expect(listHidPorts()).resolves.toEqual(expect.any(Array));
  });

  it('is what createDeviceTransport gives for a HID link (a serial link still gets a serial port)', () => {
    expect(createDeviceTransport(PATH, LINK).kind).toBe('hid');
    expect(
      createDeviceTransport('/dev/ttyUSB0', { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 })
        .kind,
    ).toBe('serial');
  });
});
