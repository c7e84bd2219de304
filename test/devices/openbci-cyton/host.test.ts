import type { DecodeEvent, HostStep, HostWrite } from '../../../src/devices/driver';
import { openBciCyton, cytonCommands as cmd } from '../../../src/devices/openbci-cyton';
import { CytonHost } from '../../../src/devices/openbci-cyton/host';
import { CytonSimulator } from '../../../src/devices/openbci-cyton/simulator';
import { RESET_REPLY_TIMEOUT_MS } from '../../../src/devices/openbci-cyton/constants';
import { byLead } from './helpers';

const bytesOf = (step: HostStep): Uint8Array[] => step.writes.map((w: HostWrite) => w as Uint8Array);
const info = (key: string, value: string): DecodeEvent => ({ kind: 'device-info', key, value });

describe('CytonHost (pure)', () => {
  it('s, v on open; c, b after the reset reply; s on close', () => {
    const host = new CytonHost();
    expect(bytesOf(host.open(0))).toEqual([cmd.stopStreaming(), cmd.softReset()]);
    expect(host.onEvent(info('firmware', 'v3.1.1'), 10).writes).toEqual([]);
    expect(bytesOf(host.onEvent(info('board-message', 'OpenBCI V3 …'), 20))).toEqual([
      cmd.eightChannels(),
      cmd.startStreaming(),
    ]);
    expect(host.onEvent(info('board-message', 'daisy removed'), 30).writes).toEqual([]);
    expect(host.tick(RESET_REPLY_TIMEOUT_MS * 2)).toEqual({ writes: [] });
    expect(bytesOf(host.close(40))).toEqual([cmd.stopStreaming()]);
  });

  it('times out when no $$$ answers the reset', () => {
    const host = new CytonHost();
    host.open(1000);
    expect(host.tick(1000 + RESET_REPLY_TIMEOUT_MS - 1).error).toBeUndefined();
    const step = host.tick(1000 + RESET_REPLY_TIMEOUT_MS);
    expect(step.error).toMatchObject({ code: 'timeout' });
    expect(step.error?.message).toMatch(/soft reset/);
    expect(host.tick(1000 + RESET_REPLY_TIMEOUT_MS * 2).error).toBeUndefined();
  });

  it('a failure reply ends the session with a protocol error', () => {
    const host = new CytonHost();
    host.open(0);
    const step = host.onEvent(
      info('board-message', 'Failure: Communications timeout - Device failed to poll host'),
      5,
    );
    expect(step.error).toMatchObject({ code: 'protocol' });
  });

  it('drives the simulator to a live stream: host ⇄ simulator ⇄ decoder loop', () => {
    const host = openBciCyton.createHost!();
    const sim = new CytonSimulator({ seed: 3 });
    const decoder = openBciCyton.createDecoder('loop');
    const events: DecodeEvent[] = [];
    const deliver = (step: HostStep, atMs: number): void => {
      for (const write of bytesOf(step)) {
        const reply = sim.receive(write, atMs);
        if (reply.bytes.length > 0) feed(reply.bytes, atMs);
      }
    };
    const feed = (bytes: Uint8Array, atMs: number): void => {
      for (const event of decoder.push(bytes, atMs)) {
        events.push(event);
        deliver(host.onEvent(event, atMs), atMs);
      }
    };
    deliver(host.open(0), 0);
    for (let t = 0; t <= 1000; t += sim.tickIntervalMs) {
      const out = sim.tick(t);
      if (out.bytes.length > 0) feed(out.bytes, t);
      expect(host.tick(t).error).toBeUndefined();
    }
    deliver(host.close(1000), 1000);
    expect(sim.isStreaming).toBe(false);
    const out = byLead(events);
    expect(out.info).toContain('firmware=v3.1.1');
    expect(out.samples['MDC_ECG_ELEC_POTL_II'].length).toBeGreaterThanOrEqual(245);
  });
});
