import { AppErrorException } from '../../shared/result';
import type { DeviceDriver, SimulatorOutput } from '../../devices/driver';
import { resolveDriver } from '../devices/drivers';
import { createPtyPair } from './pty-pair';
import { SimulatorRunner } from './simulator-runner';

export interface SimulatedDevice {
  /** The pty the station opens (pass it to `backend.connectDevice({ path, protocol, simulated: true })`). */
  readonly path: string;
  readonly protocol: string;
  /** Everything the simulator wrote, in order (for tests and the CLI's progress output). */
  onOutput(listener: (output: SimulatorOutput) => void): () => void;
  /** Stops the simulator and removes the pty pair. Idempotent. */
  stop(): Promise<void>;
  /** Kills the pty pair without a clean stop: the station sees an unplug. */
  unplug(): Promise<void>;
}

/** Starts a device simulator speaking `protocol` on a fresh pty pair. */
export async function startSimulatedDevice(
  protocol: string,
  opts: {
    linkPath?: string;
    seed?: number;
    autoStart?: boolean;
    heartRateBpm?: number;
    driver?: DeviceDriver;
  } = {},
): Promise<SimulatedDevice> {
  const driver = opts.driver ?? resolveDriver(protocol);
  if (!driver)
    throw new AppErrorException(
      'bad-request',
      `no driver (and so no simulator) for protocol ${JSON.stringify(protocol)}`,
    );
  const pair = await createPtyPair({ stationEnd: opts.linkPath });
  const runner = new SimulatorRunner({
    driver,
    path: pair.deviceEnd,
    seed: opts.seed,
    autoStart: opts.autoStart,
    ...(opts.heartRateBpm === undefined ? {} : { heartRateBpm: opts.heartRateBpm }),
  });
  try {
    await runner.start();
  } catch (error) {
    await pair.kill();
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    path: pair.stationEnd,
    protocol: driver.protocol,
    onOutput: (listener) => runner.onOutput(listener),
    stop() {
      stopping ??= runner.stop().finally(() => pair.kill());
      return stopping;
    },
    async unplug() {
      await pair.kill();
      await runner.stop();
    },
  };
}
