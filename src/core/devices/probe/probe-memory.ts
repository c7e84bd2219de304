import type { DiscoveredPort } from '../../discovery/discovered-port';

/**
 * The protocol found on each port, for this run of the station: a device that comes back is
 * connected without probing again. Keyed by the USB serial number when the port has one (it
 * survives a replug on another path), and by path otherwise.
 */
export class ProbeMemory {
  private readonly bySerial = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  remember(port: Pick<DiscoveredPort, 'path'> & Partial<DiscoveredPort>, protocol: string): void {
    this.byPath.set(port.path, protocol);
    const serial = serialKey(port);
    if (serial) this.bySerial.set(serial, protocol);
  }

  recall(port: Pick<DiscoveredPort, 'path'> & Partial<DiscoveredPort>): string | undefined {
    const serial = serialKey(port);
    if (serial) return this.bySerial.get(serial);
    return this.byPath.get(port.path);
  }

  forget(port: Pick<DiscoveredPort, 'path'> & Partial<DiscoveredPort>): void {
    this.byPath.delete(port.path);
    const serial = serialKey(port);
    if (serial) this.bySerial.delete(serial);
  }
}

function serialKey(port: Partial<DiscoveredPort>): string | null {
  if (!port.serialNumber) return null;
  return `${port.vendorId ?? '?'}:${port.productId ?? '?'}:${port.serialNumber}`;
}
