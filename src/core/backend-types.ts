import type { BackendApi, BackendEventSource } from '../shared/api';
import type { DeviceInfo } from '../shared/domain/devices';
import type { DeviceDriver } from '../devices/driver';
import type { PortLister } from './discovery/discovered-port';
import type { SettingsStore } from './settings/settings-store';
import type { CallService } from './signaling/call-service';
import type { TransportFactory } from './transports/transport';

/** The core as each host sees it: the API to bridge, its events, and a way to shut it down. */
export interface Backend extends BackendEventSource {
  readonly api: BackendApi;
  /**
   * Host-only entry (not reachable from a renderer): connect a device and say whether its bytes
   * come from our simulator, so every screen marks it SIMULATED.
   */
  connectDevice(request: { path: string; protocol: string; simulated?: boolean }): Promise<DeviceInfo>;
  close(): Promise<void>;
}

export interface BackendDeps {
  readonly host: 'electron' | 'node';
  readonly version: string;
  readonly settings: SettingsStore;
  /** Epoch ms; injected so tests can drive time. Defaults to Date.now. */
  readonly now?: () => number;
  /** Protocol id → driver. Defaults to the driver registry; tests inject their own. */
  readonly resolveDriver?: (protocol: string) => DeviceDriver | null;
  /** Opens a device path. Defaults to the real serial port; tests inject a fake. */
  readonly createTransport?: TransportFactory;
  /** Invites and station tokens for the call; without it `call.*` answers `unavailable`. */
  readonly call?: CallService;
  /**
   * Hot-plug: the port listers to poll (default: serial ports; add the HID lister when present) and
   * the pause between polls; `false` turns discovery off (tests that drive devices by hand).
   */
  readonly discovery?: false | { readonly listers?: readonly PortLister[]; readonly intervalMs?: number };
}
