import type { DeviceDriver } from '../../devices/driver';
import type { DiscoveredPort } from '../discovery/discovered-port';
import type { PortWatcher } from '../discovery/port-watcher';
import type { DeviceManager } from './device-manager';
import type { ProbeResult } from './probe/probe-result';
import type { ProbeMemory } from './probe/probe-memory';

export interface HotPlugOptions {
  readonly watcher: PortWatcher;
  readonly manager: DeviceManager;
  /** Read at each sighting, so the setting applies without a restart. */
  readonly autoConnect: () => boolean;
  readonly candidatesFor: (port: DiscoveredPort) => DeviceDriver[];
  readonly probe: (path: string, candidates: readonly DeviceDriver[]) => Promise<ProbeResult>;
  readonly memory: ProbeMemory;
  /** Why a port that appeared was not connected (no protocol answered, open failed). */
  readonly log?: (line: string) => void;
}

/**
 * Discovery → devices. A port that appears and belongs to a listed device (same path) wakes that
 * device's reconnect; a new port with registry candidates is probed (or recalled from an earlier
 * probe of the same serial number / path) and connected, when auto-connect is on. Probes run one at
 * a time: each holds its port for up to a few seconds, and two probes on one bus gain nothing.
 * The same serial number on a new path (replugged into another socket) reuses the remembered
 * protocol and retires the entry of the old path.
 * A port that disappears needs nothing here: its session sees the close and reports `disconnected`.
 */
export class HotPlug {
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribers: (() => void)[] = [];
  private stopped = false;
  /** USB serial number of the port each auto-connected path was found on. */
  private readonly serialByPath = new Map<string, string>();

  constructor(private readonly options: HotPlugOptions) {}

  start(): void {
    const { watcher } = this.options;
    this.unsubscribers.push(watcher.onAppeared((port) => this.appeared(port)));
    watcher.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    await this.options.watcher.stop();
    await this.queue;
  }

  private appeared(port: DiscoveredPort): void {
    const { manager } = this.options;
    if (manager.onPath(port.path).length > 0) {
      manager.portAppeared(port.path);
      return;
    }
    if (!this.options.autoConnect()) return;
    const candidates = this.options.candidatesFor(port);
    if (candidates.length === 0) return;
    this.queue = this.queue.then(() => this.connect(port, candidates));
  }

  private async connect(port: DiscoveredPort, candidates: readonly DeviceDriver[]): Promise<void> {
    const { manager, memory, log } = this.options;
    if (this.stopped || manager.onPath(port.path).length > 0) return;
    let protocol = memory.recall(port);
    if (!protocol || !candidates.some((driver) => driver.protocol === protocol)) {
      const result = await this.options.probe(port.path, candidates);
      if (result.outcome !== 'found') {
        log?.(`${port.path}: ${result.outcome === 'none' ? result.message : result.error.message}`);
        return;
      }
      protocol = result.protocol;
      memory.remember(port, protocol);
    }
    if (this.stopped) return;
    await this.retireOldPath(port);
    try {
      await manager.connect(port.path, protocol);
      if (port.serialNumber) this.serialByPath.set(port.path, port.serialNumber);
    } catch (error) {
      log?.(`${port.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The same device (serial number) came back on another path: its old entry will never reopen. */
  private async retireOldPath(port: DiscoveredPort): Promise<void> {
    if (!port.serialNumber) return;
    for (const [path, serial] of [...this.serialByPath]) {
      if (serial !== port.serialNumber || path === port.path) continue;
      this.serialByPath.delete(path);
      for (const device of this.options.manager.onPath(path)) {
        await this.options.manager.disconnect(device.id).catch(() => undefined);
      }
    }
  }
}
