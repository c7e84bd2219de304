import { contecCms50V7 } from '../../../src/devices/contec-cms50-v7';
import * as commands from '../../../src/devices/contec-cms50-v7/commands';
import { Cms50V7Simulator } from '../../../src/devices/contec-cms50-v7/simulator';
import { bytesToHex } from '../../../src/devices/framing/hex';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { expectDecodedMatchesSimulator } from '../simulator-check';

const reply = (sim: Cms50V7Simulator, command: Uint8Array, atMs = 0) =>
  bytesToHex(sim.receive(command, atMs).bytes);

describe('Cms50V7Simulator', () => {
  it('answers commands as the captured CMS50D+ does', () => {
    const sim = new Cms50V7Simulator({ piSupported: false });
    expect(reply(sim, commands.stopStorageData())).toBe('0C 80');
    expect(reply(sim, commands.stopRealtime())).toBe('0C 80');
    expect(reply(sim, commands.askVersion())).toBe('06 80 80 87');
    expect(reply(sim, commands.askPiSupport())).toBe('0E 80 81');
    expect(reply(sim, commands.askDeviceId())).toBe('04 80 F5 F3 E5 F2 A0 A0 A0');
    expect(reply(sim, commands.askStorageNotice())).toBe('11 80 81 80 80 80 80 80 80');
    expect(reply(sim, commands.setTime(1, 2, 3))).toBe('0B 81 B1 80');
    expect(reply(sim, commands.encodeCommand(0xb3))).toBe('0B 81 B3 85');
    expect(reply(new Cms50V7Simulator(), commands.askPiSupport())).toBe('0E 80 80');
  });

  it('takes commands split across chunks and a new device id', () => {
    const sim = new Cms50V7Simulator();
    const aa = commands.askDeviceId();
    expect(reply(sim, commands.setDeviceId('TEST123'))).toBe('');
    expect(reply(sim, aa.subarray(0, 4))).toBe('');
    expect(reply(sim, aa.subarray(4))).toBe('04 80 D4 C5 D3 D4 B1 B2 B3');
  });

  it('streams 60 packages per second of device time after A1, and A2 stops it', () => {
    const sim = new Cms50V7Simulator({ seed: 3 });
    expect(sim.tick(500).frames).toHaveLength(0);
    sim.receive(commands.startRealtime(), 1000);
    const first = sim.tick(2000);
    expect(first.frames).toHaveLength(61); // due at 1000, 1016.7, …, 2000
    expect(first.bytes.length).toBe(61 * 9);
    expect(sim.tick(3000).frames).toHaveLength(60);
    expect(reply(sim, commands.stopRealtime(), 3001)).toBe('0C 80');
    expect(sim.tick(4000).frames).toHaveLength(0);
  });

  it('stops 30 s after the last A1/AF, like a CMS50D+ v4.6', () => {
    const sim = new Cms50V7Simulator({ seed: 3, autoStart: true });
    expect(sim.tick(0).frames).toHaveLength(1);
    sim.receive(commands.keepAlive(), 10_000);
    expect(sim.tick(39_000).frames.length).toBe(60 * 39);
    expect(sim.tick(45_000).frames.length).toBe(59); // the last one due before 40 s
    expect(sim.isStreaming).toBe(false);
    expect(sim.tick(50_000).frames).toHaveLength(0);
  });

  it('is deterministic from its seed', () => {
    const a = generateStream(contecCms50V7, 20, { seed: 9 });
    expect(bytesToHex(generateStream(contecCms50V7, 20, { seed: 9 }).bytes)).toBe(bytesToHex(a.bytes));
    expect(bytesToHex(generateStream(contecCms50V7, 20, { seed: 10 }).bytes)).not.toBe(bytesToHex(a.bytes));
  });

  it('produces plausible vitals', () => {
    const { frames } = generateStream(contecCms50V7, 600, { seed: 5 });
    const values = (metric: string) =>
      frames.map((f) => f[metric]).filter((v): v is number => typeof v === 'number');
    expect(Math.min(...values('MDC_PULS_OXIM_SAT_O2'))).toBeGreaterThanOrEqual(95);
    expect(Math.max(...values('MDC_PULS_OXIM_SAT_O2'))).toBeLessThanOrEqual(99);
    expect(Math.min(...values('MDC_PULS_OXIM_PULS_RATE'))).toBeGreaterThanOrEqual(60);
    expect(Math.max(...values('MDC_PULS_OXIM_PULS_RATE'))).toBeLessThanOrEqual(90);
    const pleth = values('MDC_PULS_OXIM_PLETH');
    expect(Math.max(...pleth) - Math.min(...pleth)).toBeGreaterThan(60);
  });

  it('decoded simulator bytes reproduce the values the simulator encoded', () => {
    expectDecodedMatchesSimulator(contecCms50V7, 400, 11);
  });
});
