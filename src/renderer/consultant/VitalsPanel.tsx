import '../features/devices/device-group.css'; // not imported by DeviceGroup itself: jest cannot load CSS
import { DeviceGroup } from '../features/devices/DeviceGroup';
import { listDeviceGroups } from '../features/devices/device-groups';
import { SimulatedBadge } from '../features/devices/SimulatedBadge';
import { useNow, useStore } from '../features/use-store';
import { useMessages } from '../i18n/use-messages';
import { consultantMessages } from './consultant-messages';
import type { VitalsStore } from '../features/vitals/vitals-store';
import type { WaveformStore } from '../features/waveforms/waveform-store';
import { ValueStore } from '../features/value-store';
import type { ConsultantDevices, StationDeviceFacts } from './consultant-devices';
import type { DeviceActivity } from './device-activity';
import { DeviceStateBadge } from './DeviceStateBadge';
import { doctorDeviceState } from './doctor-device-state';

/** Seconds without a new value before a tile, and its device, is marked stale on the doctor's screen. */
const STALE_AFTER_MS = 10_000;
const WINDOW_S = 6;
const NO_FACTS = new ValueStore<ReadonlyMap<string, StationDeviceFacts>>(new Map());

/**
 * The station's vitals beside the video: the same device groups the station shows (tiles, BP
 * result, traces), one per device, all in sight without scrolling (consultant.css sizes them to
 * the column). The consultant has no device list, so groups come from the readings themselves and
 * are named from the catalogue by protocol, never by the station's serial port path; the
 * station's `devices` message says which a simulator feeds (SIMULATED, on each group and once for
 * the panel) and its session state, which with the readings' flags and age gives each device's
 * state beside its name.
 */
interface VitalsPanelProps {
  readonly vitals: VitalsStore;
  readonly waveforms: WaveformStore;
  /** False when the patient refused device data: the station sends none, and the panel says why. */
  readonly deviceData: boolean;
  /** The station's device facts (SIMULATED, state), when the call carries them. */
  readonly devices?: ConsultantDevices;
  /** When each device's data last arrived, for its state (stale); without it, states follow flags only. */
  readonly activity?: DeviceActivity;
  /** Epoch ms the consultation started: a BP result measured before it is marked so. */
  readonly consultationStartMs?: number | null;
}

export function VitalsPanel(props: VitalsPanelProps) {
  const { vitals, waveforms, deviceData } = props;
  const m = useMessages(consultantMessages);
  const snapshot = useStore(vitals);
  const channels = useStore(waveforms);
  const facts = useStore(props.devices?.facts ?? NO_FACTS);
  const nowMs = useNow(1000);
  const groups = listDeviceGroups(
    [],
    [...Object.keys(snapshot.devices), ...channels.map((channel) => channel.device)],
  ).map((entry) => ({ ...entry, simulated: facts.get(entry.id)?.simulated ?? false }));
  const simulated = groups.some((entry) => entry.simulated);
  return (
    // Focusable: with more devices than the column holds it scrolls, and a keyboard must reach it.
    <aside className="consultant-vitals" aria-label={m.vitals} data-testid="consultant-vitals" tabIndex={0}>
      {simulated && <SimulatedBadge compact testId="consultant-simulated" />}
      {!deviceData && (
        <p className="consultant-empty" data-testid="consultant-no-device-data">
          {m.noDeviceData}
        </p>
      )}
      {deviceData && groups.length === 0 && <p className="consultant-empty">{m.noReadings}</p>}
      {groups.map((entry) => (
        <DeviceGroup
          key={entry.id}
          entry={entry}
          vitals={snapshot.devices[entry.id]}
          waveforms={waveforms}
          waveformMetrics={channels.filter((c) => c.device === entry.id).map((c) => c.metric)}
          nowMs={nowMs}
          staleAfterMs={STALE_AFTER_MS}
          windowS={WINDOW_S}
          consultationStartMs={props.consultationStartMs ?? null}
          status={
            <DeviceStateBadge
              device={entry.id}
              state={doctorDeviceState({
                stationState: facts.get(entry.id)?.state,
                flags: snapshot.devices[entry.id]?.statusFlags ?? [],
                dataAgeMs: props.activity?.dataAgeMs(entry.id) ?? null,
                staleAfterMs: STALE_AFTER_MS,
              })}
            />
          }
        />
      ))}
    </aside>
  );
}
