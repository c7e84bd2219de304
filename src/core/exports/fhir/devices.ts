import type { ConsultationDetail } from '../../../shared/domain/consultation';
import type { BundleWriter } from './bundle-writer';

/** Device resources by station device id (`protocol@path`), for the Observations' `device`. */
export class DeviceDirectory {
  private readonly known = new Set<string>();

  constructor(private readonly writer: BundleWriter) {}

  /** One Device per device the record lists. */
  addListed(detail: ConsultationDetail): void {
    for (const device of detail.devices) this.add(device.id, device.name, device.protocol);
  }

  /**
   * The reference to a device's resource. A reading from a device the record does not list (should
   * not happen) still gets a Device, named by its id, rather than an Observation with no device.
   */
  reference(deviceId: string): { readonly reference: string } {
    if (!this.known.has(deviceId)) {
      this.add(deviceId, deviceId, deviceId.split('@')[0] ?? deviceId);
      this.writer.warn(
        `device ${deviceId}`,
        'readings from a device the record does not list; Device named by its id',
      );
    }
    return this.writer.ids.reference(keyOf(deviceId));
  }

  private add(id: string, name: string, protocol: string): void {
    if (this.known.has(id)) return;
    this.known.add(id);
    this.writer.add(keyOf(id), {
      resourceType: 'Device',
      // The station's own id for the device: its driver protocol and the port it was found on.
      identifier: [{ type: { text: 'Teleconsult Station device id' }, value: id }],
      status: 'active',
      deviceName: [{ name, type: 'user-friendly-name' }],
      property: [{ type: { text: 'Teleconsult Station driver protocol' }, valueCode: [{ text: protocol }] }],
    });
  }
}

function keyOf(deviceId: string): string {
  return `device/${deviceId}`;
}
