import type { BackendApi, BackendEventSource } from '../shared/api';
import type { DeviceInfo } from '../shared/domain/devices';
import type { DeviceDriver } from '../devices/driver';
import type { PortLister } from './discovery/discovered-port';
import type { SettingsStore } from './settings/settings-store';
import type { KioskServiceDeps } from './kiosk/kiosk-service';
import type { ConsultationStore } from './records/consultation-store';
import type { ExportRegistry } from './records/export-formats';
import type { CallService } from './signaling/call-service';
import type { CheckConfig } from './check/backend-check';
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
  /** Rendezvous and TURN for `check.run`; without it the check covers the devices only. */
  readonly check?: CheckConfig;
  /**
   * Hot-plug: the port listers to poll (default: serial ports; add the HID lister when present) and
   * the pause between polls; `false` turns discovery off (tests that drive devices by hand).
   */
  readonly discovery?: false | { readonly listers?: readonly PortLister[]; readonly intervalMs?: number };
  /**
   * The kiosk PIN file and the host's window (`NODE_KIOSK_HOST` in the Node host). Without it there
   * is no PIN: settings are never locked and `kiosk.setPin`/`kiosk.exit` answer `unavailable`.
   */
  readonly kiosk?: Pick<KioskServiceDeps, 'pinFile' | 'host'>;
  /**
   * The encrypted consultation records, opened by the host (`openRecords`), or the error that kept
   * them closed. Without a store, `consultation.*` and `audit.list` answer `unavailable` and the
   * call methods answer `forbidden` (no consultation, no consent, no call).
   */
  readonly records?: ConsultationStore | Error;
  /** Export makers per format; defaults to those built (src/core/records/default-export-formats.ts). */
  readonly exports?: ExportRegistry;
}
