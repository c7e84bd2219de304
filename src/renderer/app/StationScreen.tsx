import { useState } from 'react';
import { BleDevicesPanel } from '../features/bluetooth/BleDevicesPanel';
import { BluetoothChooserDialog } from '../features/bluetooth/BluetoothChooserDialog';
import type { BleConnector } from '../features/bluetooth/ble-connector';
import { CallPanel } from '../features/call/CallPanel';
import { ConsultationBanner } from '../features/consultation/ConsultationBanner';
import { PendingMeasurements } from '../features/consultation/PendingMeasurements';
import { DeviceDockToggle } from '../features/devices/DeviceDockToggle';
import { DeviceGroup } from '../features/devices/DeviceGroup';
import { listDeviceGroups } from '../features/devices/device-groups';
import { DevicePanel } from '../features/devices/DevicePanel';
import { SimulatedBadge } from '../features/devices/SimulatedBadge';
import { useNow, useStore } from '../features/use-store';
import { useMessages } from '../i18n/use-messages';
import { appMessages } from './app-messages';
import type { StationSession } from './station-session';
import '../features/devices/device-group.css';
import './station-layout.css';
import '../features/bluetooth/bluetooth-chooser.css';

interface StationScreenProps {
  readonly session: StationSession;
  readonly bluetooth: BleConnector;
}

/**
 * The station's first screen: one group per device (its tiles, BP result and traces), and beside
 * them the device area (wired devices, Bluetooth devices and the "Add Bluetooth device" button).
 * In a call the device area gives its column to the call panel: the header sums the devices up
 * and opens the device area docked under the call panel.
 */
export function StationScreen({ session, bluetooth }: StationScreenProps) {
  const vitals = useStore(session.vitals);
  const channels = useStore(session.waveforms);
  const devices = useStore(session.devices);
  const appInfo = useStore(session.appInfo);
  const settings = useStore(session.settings);
  const consultation = useStore(session.consultation);
  const m = useMessages(appMessages);
  const nowMs = useNow(1000);
  const bleDevices = useStore(bluetooth.devices);
  // In a call the device area docks under the call panel when the nurse opens it (station-layout.css).
  const [dockOpen, setDockOpen] = useState(false);

  const simulated = devices.some((d) => d.simulated) || appInfo?.simulated === true;
  const groups = listDeviceGroups(devices, [
    ...Object.keys(vitals.devices),
    ...channels.map((channel) => channel.device),
  ]);

  return (
    <div className="station">
      <header className="station-header">
        {/* The station's name and link state are in the app header; this names the screen. */}
        <h1 className="station-title visually-hidden">{m.screen('station')}</h1>
        {simulated && <SimulatedBadge />}
        <ConsultationBanner consultation={consultation} />
        {/* A cuff's stored result from before the start: apart, until the nurse decides. */}
        <PendingMeasurements consultation={consultation} client={session.backend} devices={devices} />
        <DeviceDockToggle
          devices={devices}
          bleReconnecting={bleDevices.filter((device) => device.state === 'reconnecting').length}
          expanded={dockOpen}
          controls="device-area"
          onToggle={() => setDockOpen(!dockOpen)}
        />
        <CallPanel consultation={consultation} client={session.backend} />
      </header>
      <main className="station-layout">
        <div className="device-groups" aria-label={m.vitalsByDevice} data-count={groups.length}>
          {groups.length === 0 && <p className="device-empty device-groups-empty">{m.noReadings}</p>}
          {groups.map((entry) => (
            <DeviceGroup
              key={entry.id}
              entry={entry}
              vitals={vitals.devices[entry.id]}
              waveforms={session.waveforms}
              waveformMetrics={channels.filter((c) => c.device === entry.id).map((c) => c.metric)}
              nowMs={nowMs}
              staleAfterMs={settings.noDataTimeoutS * 1000}
              windowS={settings.waveformWindowS}
              consultationStartMs={consultation === null ? null : Date.parse(consultation.startedAt)}
            />
          ))}
        </div>
        {/* Focusable: with many devices it scrolls, and a keyboard must be able to scroll it too. */}
        <aside id="device-area" className="device-area" aria-label={m.devicesArea} tabIndex={0}>
          {/* Bluetooth first: its "Add Bluetooth device" button must not scroll out of reach. */}
          <BleDevicesPanel connector={bluetooth} />
          <DevicePanel
            devices={devices}
            nowMs={nowMs}
            lastReadingAt={(id) => session.devices.lastReadingAt(id)}
          />
        </aside>
        {/* Outside the device area, which a call panel may hide: a chooser must always open. */}
        <BluetoothChooserDialog />
      </main>
    </div>
  );
}
