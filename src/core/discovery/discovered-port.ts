import type { TransportKind } from '../../shared/domain/devices';

/**
 * A device node seen on the machine, whatever bus it is on. Discovery merges the lists of every
 * lister (serial ports, HID devices) and asks the registry which drivers may speak on each.
 */
export interface DiscoveredPort {
  /** What a transport opens: /dev/ttyUSB0, COM3, or an HID device path. */
  readonly path: string;
  readonly transport: Extract<TransportKind, 'serial' | 'hid'>;
  readonly vendorId?: number;
  readonly productId?: number;
  readonly serialNumber?: string;
  readonly manufacturer?: string;
  readonly product?: string;
}

/** Lists the ports of one bus; bounded in time, never throws (a failed listing is an empty list plus a warning). */
export type PortLister = () => Promise<DiscoveredPort[]>;
