import { createOpenBciCytonDriver, openBciCyton } from '../../../src/devices/openbci-cyton';
import { cytonCommands as cmd } from '../../../src/devices/openbci-cyton';
import { CytonSimulator, SOFT_RESET_BANNER } from '../../../src/devices/openbci-cyton/simulator';
import { parsePacket } from '../../../src/devices/openbci-cyton/frames';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { pushAll } from '../support';
import { byLead } from './helpers';

const LEADS = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II', 'MDC_ECG_ELEC_POTL_III'];

describe('CytonSimulator', () => {
  it('is silent until b, streams 250 packets/s of device time, stops on s', () => {
    const sim = new CytonSimulator({ seed: 1 });
    expect(sim.tick(1000).bytes).toHaveLength(0);
    expect(sim.receive(cmd.startStreaming(), 1000).bytes).toHaveLength(0);
    const out = sim.tick(2000);
    expect(out.frames).toHaveLength(251);
    expect(out.bytes).toHaveLength(251 * 33);
    const first = parsePacket(out.bytes.subarray(0, 33));
    expect(first).toMatchObject({ sampleNumber: 0, footerKind: 0, accelerometer: [0, 0, 8000] });
    expect(parsePacket(out.bytes.subarray(33, 66))).toMatchObject({
      sampleNumber: 1,
      aux: [0, 0, 0, 0, 0, 0],
    });
    sim.receive(cmd.stopStreaming(), 2000);
    expect(sim.tick(3000).bytes).toHaveLength(0);
  });

  it('answers v with the documented banner ending in $$$, and stops streaming; c gets no reply', () => {
    const sim = new CytonSimulator({ seed: 1, autoStart: true });
    expect(sim.tick(100).frames.length).toBeGreaterThan(0);
    const reply = sim.receive(cmd.softReset(), 100);
    expect(new TextDecoder().decode(reply.bytes)).toBe(`${SOFT_RESET_BANNER}$$$`);
    expect(sim.isStreaming).toBe(false);
    expect(sim.receive(cmd.eightChannels(), 100).bytes).toHaveLength(0);
  });

  it('decoded simulator bytes reproduce every lead sample the simulator encoded', () => {
    const stream = generateStream(openBciCyton, 20, { seed: 5, startMs: Date.UTC(2026, 0, 1) });
    const out = byLead(pushAll(openBciCyton.createDecoder('sim'), stream.chunks));
    const frames = stream.frames.filter((f) => LEADS[0] in f);
    expect(frames.length).toBeGreaterThanOrEqual(20 * 250);
    for (const lead of LEADS) expect(out.samples[lead]).toEqual(frames.map((f) => f[lead]));
    expect(out.errors).toEqual([]);
    // One run per chunk of packets, except the first: its lone packet waits for the next to confirm
    // it. (The board's text reply to the reset is a chunk of its own, with no packet.)
    const packetChunks = stream.chunks.filter((chunk) => chunk.bytes[0] === 0xa0);
    expect(out.runs).toBe(packetChunks.length - 1);
  });

  it('is a plausible ECG: II = I + III, R waves near 1 mV, 60–90 beats a minute', () => {
    const stream = generateStream(openBciCyton, 60, { seed: 9 });
    const frames = stream.frames.filter((f) => LEADS[0] in f);
    const [i, ii, iii] = LEADS.map((lead) => frames.map((f) => f[lead]!));
    ii.forEach((v, k) => expect(Math.abs(v - i[k] - iii[k])).toBeLessThan(0.0003));
    let beats = 0;
    for (let k = 1; k < ii.length; k++) if (ii[k] >= 0.6 && ii[k - 1] < 0.6) beats++;
    expect(beats).toBeGreaterThanOrEqual(60);
    expect(beats).toBeLessThanOrEqual(90);
    expect(Math.max(...ii)).toBeGreaterThan(0.8);
    expect(Math.max(...ii)).toBeLessThan(1.4);
  });

  it('scales with the configured gain', () => {
    const driver = createOpenBciCytonDriver({ gain: 8 });
    const stream = generateStream(driver, 2, { seed: 5 });
    const out = byLead(pushAll(driver.createDecoder('sim'), stream.chunks));
    const frames = stream.frames.filter((f) => LEADS[0] in f);
    expect(out.samples[LEADS[1]]).toEqual(frames.map((f) => f[LEADS[1]]));
  });
});

describe('openBciCyton driver', () => {
  it('declares 115200 8N1, a fallback script s,b / s, and a host protocol', () => {
    expect(openBciCyton.protocol).toBe('openbci-cyton');
    expect(openBciCyton.link).toEqual({ baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(openBciCyton.host).toEqual({
      onOpen: [cmd.stopStreaming(), cmd.startStreaming()],
      onClose: [cmd.stopStreaming()],
    });
    expect(openBciCyton.createHost).toBeDefined();
  });
  it('rejects a bad configuration at creation', () => {
    expect(() => createOpenBciCytonDriver({ gain: 3 as never })).toThrow(/gain/);
    expect(() => createOpenBciCytonDriver({ leadMap: {} })).toThrow(/lead map/);
  });
});
