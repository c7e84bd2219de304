import type { DeviceInfo } from '../../../shared/domain/devices';
import type { BackendClient } from '../../backend-client/backend-client';
import type { CallSession } from './call-session';
import type { ControlLink } from './control-link';
import { MAX_DEVICE_FACTS, type ControlMessage } from './control-messages';

type DeviceFacts = Extract<ControlMessage, { type: 'devices' }>['devices'];

/**
 * Station side: tells the doctor's page which devices a simulator feeds, so its vitals say
 * SIMULATED as the station's do. The readings carry only a device id; the facts go on the control
 * channel when the call connects (again after a reconnect) and whenever a device's name, simulated
 * flag or session state changes (the doctor's page says "disconnected"), not at every frame count.
 */
export function linkStationDeviceFacts(
  client: BackendClient,
  control: ControlLink,
  session: CallSession,
): () => void {
  const devices = new Map<string, DeviceInfo>();
  let sent = '';
  const send = (force: boolean): void => {
    const facts: DeviceFacts = [...devices.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, MAX_DEVICE_FACTS)
      .map((d) => ({ id: d.id, name: d.name.slice(0, 120), simulated: d.simulated, state: d.state }));
    const key = JSON.stringify(facts);
    if (!force && key === sent) return;
    if (control.send({ type: 'devices', devices: facts })) sent = key;
  };
  const refresh = (): void => {
    client.call('devices.list', {}).then(
      (list) => {
        for (const device of list) devices.set(device.id, device);
        send(true);
      },
      (cause: unknown) => console.warn(`device facts for the doctor's page: ${String(cause)}`),
    );
  };
  const unsubscribes = [
    session.events.on('connected', refresh),
    client.on('device.state', (device) => {
      devices.set(device.id, device);
      send(false);
    }),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
