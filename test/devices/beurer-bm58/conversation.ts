import type {
  DecodeEvent,
  DeviceDriver,
  DeviceSimulator,
  HostStep,
  HostWrite,
} from '../../../src/devices/driver';

/**
 * A pure loop standing in for the device session: host ⇄ simulator through the driver's decoder,
 * with a fake clock. `deviceSilentAfterMs` makes the device stop answering (unplugged mid-download).
 */
export interface ConversationResult {
  readonly events: DecodeEvent[];
  readonly writes: Uint8Array[];
  readonly error: HostStep['error'];
  readonly endMs: number;
}

export function runConversation(
  driver: DeviceDriver,
  simulator: DeviceSimulator,
  options: { untilMs: number; startMs?: number; deviceSilentAfterMs?: number; stopOnError?: boolean },
): ConversationResult {
  const host = driver.createHost!();
  const decoder = driver.createDecoder('sim');
  const events: DecodeEvent[] = [];
  const writes: Uint8Array[] = [];
  let error: HostStep['error'];
  const startMs = options.startMs ?? 0;
  const silentAfter = options.deviceSilentAfterMs ?? Number.POSITIVE_INFINITY;

  const deliver = (bytes: Uint8Array, atMs: number): void => {
    if (bytes.length === 0 || atMs >= silentAfter) return;
    for (const event of decoder.push(bytes, atMs)) {
      events.push(event);
      apply(host.onEvent(event, atMs), atMs);
    }
  };
  const apply = (step: HostStep, atMs: number): void => {
    error ??= step.error;
    for (const write of step.writes) {
      const bytes = asBytes(write);
      writes.push(bytes);
      deliver(simulator.receive(bytes, atMs).bytes, atMs);
    }
  };
  apply(host.open(startMs), startMs);
  const step = Math.min(host.tickIntervalMs, simulator.tickIntervalMs);
  let atMs = startMs;
  for (; atMs <= startMs + options.untilMs; atMs += step) {
    if (error && options.stopOnError !== false) break;
    deliver(simulator.tick(atMs).bytes, atMs);
    apply(host.tick(atMs), atMs);
  }
  apply(host.close(atMs), atMs);
  return { events, writes, error, endMs: atMs };
}

function asBytes(write: HostWrite): Uint8Array {
  return write instanceof Uint8Array ? write : write.featureReport;
}
