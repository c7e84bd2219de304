import type {
  DecodeEvent,
  Decoder,
  DeviceDriver,
  DeviceSimulator,
  HostStep,
  HostWrite,
  SimulatedValues,
  SimulatorOutput,
} from '../../../src/devices/driver';
import { isHidLink } from '../../../src/devices/driver';

/** A simulator that may also take feature reports (the Omron one does). */
type HidSimulator = DeviceSimulator & {
  receiveFeatureReport?(bytes: Uint8Array, atMs: number): SimulatorOutput;
};

export interface HostLoopResult {
  readonly events: DecodeEvent[];
  /** Host writes in order; feature reports as `F:` + hex, reports as hex (unpadded). */
  readonly writes: HostWrite[];
  readonly deviceBytes: Uint8Array[];
  readonly frames: SimulatedValues[];
  readonly error: HostStep['error'];
  readonly endedAtMs: number;
}

export interface HostLoopOptions {
  readonly simulator?: HidSimulator;
  readonly decoder?: Decoder;
  readonly deviceId?: string;
  readonly startMs?: number;
  readonly maxMs?: number;
  /** Drops the device's replies from this many host writes on (a device that stops answering). */
  readonly silentAfterWrites?: number;
}

/**
 * The pure host ⇄ simulator loop: what a device session does, minus the port. Writes are padded
 * to the link's report size as the HID transport pads them; each reply reaches the decoder one
 * report at a time, as node-hid delivers it.
 */
export function runHostLoop(driver: DeviceDriver, options: HostLoopOptions = {}): HostLoopResult {
  const host = driver.createHost?.();
  if (!host) throw new TypeError(`${driver.protocol} has no host protocol`);
  const reportBytes = isHidLink(driver.link) ? driver.link.reportBytes : 0;
  const simulator: HidSimulator = options.simulator ?? driver.createSimulator({ seed: 1 });
  const decoder = options.decoder ?? driver.createDecoder(options.deviceId ?? `${driver.protocol}@sim`);
  const events: DecodeEvent[] = [];
  const writes: HostWrite[] = [];
  const deviceBytes: Uint8Array[] = [];
  const frames: SimulatedValues[] = [];
  let error: HostStep['error'];
  let atMs = options.startMs ?? 0;
  const endMs = atMs + (options.maxMs ?? 30_000);

  const apply = (step: HostStep): void => {
    if (step.error) error ??= step.error;
    for (const write of step.writes) {
      writes.push(write);
      if (error) continue;
      const silent = options.silentAfterWrites !== undefined && writes.length > options.silentAfterWrites;
      let output: SimulatorOutput;
      if (write instanceof Uint8Array) {
        const report = new Uint8Array(Math.max(reportBytes, write.length));
        report.set(write);
        output = simulator.receive(report, atMs);
      } else {
        output = simulator.receiveFeatureReport?.(write.featureReport, atMs) ?? {
          bytes: new Uint8Array(0),
          frames: [],
        };
      }
      if (silent || output.bytes.length === 0) continue;
      deviceBytes.push(output.bytes);
      frames.push(...output.frames);
      const step = reportBytes || output.bytes.length;
      for (let i = 0; i < output.bytes.length; i += step) {
        for (const event of decoder.push(output.bytes.subarray(i, i + step), atMs)) {
          events.push(event);
          apply(host.onEvent(event, atMs));
        }
      }
    }
  };

  apply(host.open(atMs));
  while (!error && atMs < endMs && !isDone(host)) {
    atMs += host.tickIntervalMs;
    apply(host.tick(atMs));
  }
  return { events, writes, deviceBytes, frames, error, endedAtMs: atMs };
}

function isDone(host: object): boolean {
  return 'done' in host && (host as { done: boolean }).done;
}
