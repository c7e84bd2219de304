import {
  serialLinkOf,
  type DeviceDriver,
  type DeviceSimulator,
  type SimulatorOutput,
} from '../../devices/driver';
import { ListenerSet } from '../listeners';
import type { ByteTransport, TransportFactory } from '../transports/transport';
import { createSerialTransport } from '../transports/serialport-transport';

export interface SimulatorRunnerOptions {
  readonly driver: DeviceDriver;
  /** The device end of a pty pair. */
  readonly path: string;
  readonly seed?: number;
  readonly autoStart?: boolean;
  /** A fixed heart rate for an ECG simulator (SimulatorOptions.heartRateBpm). */
  readonly heartRateBpm?: number;
  readonly now?: () => number;
  /** Defaults to the real serial binding: the simulator speaks over a real tty like a device would. */
  readonly createTransport?: TransportFactory;
}

/**
 * Plays a driver's pure `DeviceSimulator` on a port: owns the clock (a tick timer at the
 * simulator's interval) and the I/O (host bytes → `receive`, replies and stream → the port).
 * Writes are chained so bytes leave in the order the simulator produced them.
 */
export class SimulatorRunner {
  private readonly simulator: DeviceSimulator;
  private readonly outputs = new ListenerSet<[SimulatorOutput]>();
  private transport: ByteTransport | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writes: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: SimulatorRunnerOptions) {
    this.now = options.now ?? Date.now;
    this.simulator = options.driver.createSimulator({
      seed: options.seed,
      autoStart: options.autoStart,
      ...(options.heartRateBpm === undefined ? {} : { heartRateBpm: options.heartRateBpm }),
    });
  }

  /** Every output written to the port, in order: tests compare decoded readings with `frames`. */
  onOutput(listener: (output: SimulatorOutput) => void): () => void {
    return this.outputs.add(listener);
  }

  async start(): Promise<void> {
    const create =
      this.options.createTransport ??
      ((path) => createSerialTransport(path, serialLinkOf(this.options.driver), this.now));
    const transport = create(this.options.path, this.options.driver.link);
    transport.onData((chunk, atMs) => this.send(this.simulator.receive(chunk, atMs)));
    transport.onClose(() => this.clearTimer());
    await transport.open();
    this.transport = transport;
    this.timer = setInterval(() => this.send(this.simulator.tick(this.now())), this.simulator.tickIntervalMs);
  }

  async stop(): Promise<void> {
    this.clearTimer();
    const transport = this.transport;
    this.transport = null;
    await this.writes;
    await transport?.close();
    this.outputs.clear();
  }

  private send(output: SimulatorOutput): void {
    const transport = this.transport;
    if (output.bytes.length === 0 || !transport?.isOpen) return;
    this.outputs.emit(output);
    // A failed write means the other end went away; the close handler stops the ticks.
    this.writes = this.writes.then(() => transport.write(output.bytes).catch(() => undefined));
  }

  private clearTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
