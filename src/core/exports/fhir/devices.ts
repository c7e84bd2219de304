import type { ConsultationDetail } from '../../../shared/domain/consultation';
import { listedDeviceName } from '../../../shared/i18n/device-names';
import { simulatedDevices } from '../simulated-devices';
import { withSimulatedLabel, type BundleWriter } from './bundle-writer';
import type { FhirObject } from './types';

/** Device resources by station device id (`protocol@path`), for the Observations' `device`. */
export class DeviceDirectory {
  private readonly known = new Set<string>();

  constructor(
    private readonly writer: BundleWriter,
    /** The language of the devices' friendly names (the export's language). */
    private readonly language: 'en' | 'fr' = 'en',
  ) {}

  /**
   * One Device per device the record lists, named from the devices catalogue in the export's
   * language (the driver's own name kept as its model name); a simulator says so (issue 11).
   */
  addListed(detail: ConsultationDetail): void {
    const simulated = simulatedDevices(detail).all;
    for (const device of detail.devices) {
      const names = {
        friendly: listedDeviceName(detail.devices, device.id, this.language),
        model: device.name,
      };
      this.add(device.id, names, device.protocol, simulated.has(device.id));
    }
  }

  /**
   * The reference to a device's resource. A reading from a device the record does not list (should
   * not happen) still gets a Device, named by its id, rather than an Observation with no device.
   */
  reference(deviceId: string): { readonly reference: string } {
    if (!this.known.has(deviceId)) {
      const friendly = listedDeviceName([], deviceId, this.language);
      this.add(deviceId, { friendly, model: deviceId }, deviceId.split('@')[0] ?? deviceId);
      this.writer.warn(
        `device ${deviceId}`,
        'readings from a device the record does not list; Device named by its id',
      );
    }
    return this.writer.ids.reference(keyOf(deviceId));
  }

  private add(
    id: string,
    names: { readonly friendly: string; readonly model: string },
    protocol: string,
    simulated = false,
  ): void {
    if (this.known.has(id)) return;
    this.known.add(id);
    const property: FhirObject[] = [
      { type: { text: 'Teleconsult Station driver protocol' }, valueCode: [{ text: protocol }] },
    ];
    const device: FhirObject & { resourceType: string } = {
      resourceType: 'Device',
      // The station's own id for the device: its driver protocol and the port it was found on.
      identifier: [{ type: { text: 'Teleconsult Station device id' }, value: id }],
      status: 'active',
      deviceName: [
        { name: names.friendly, type: 'user-friendly-name' },
        ...(names.model === names.friendly ? [] : [{ name: names.model, type: 'model-name' }]),
      ],
      property,
    };
    if (!simulated) {
      this.writer.add(keyOf(id), device);
      return;
    }
    // A simulator speaks the real protocol from generated values: said in words, as a property a
    // program can test, and as the security label its Observations also carry.
    property.push({
      type: { text: 'Teleconsult Station simulated device' },
      valueCode: [{ text: 'simulated' }],
    });
    this.writer.add(
      keyOf(id),
      withSimulatedLabel({
        ...device,
        note: [
          { text: 'SIMULATED: a device simulator, not a real device; its readings are not a patient’s.' },
        ],
      }),
    );
    this.writer.markSimulator(keyOf(id));
  }
}

function keyOf(deviceId: string): string {
  return `device/${deviceId}`;
}
