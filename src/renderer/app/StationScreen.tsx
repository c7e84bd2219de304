import type { MetricId } from '../../shared/domain/metrics';
import { CallPanel } from '../features/call/CallPanel';
import { DevicePanel } from '../features/devices/DevicePanel';
import { SimulatedBadge } from '../features/devices/SimulatedBadge';
import { useNow, useStore } from '../features/use-store';
import { NumericTile } from '../features/vitals/NumericTile';
import { WaveformCanvas } from '../features/waveforms/WaveformCanvas';
import { ConnectionIndicator } from './ConnectionIndicator';
import type { StationSession } from './station-session';

/** The vitals the station always shows; others (perfusion index) appear once a device sends them. */
const PRIMARY_TILES: readonly MetricId[] = ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE'];
const OPTIONAL_TILES: readonly MetricId[] = ['MDC_PULS_OXIM_PERF_REL'];

/** The station's first screen: vitals tiles, the pleth sweep and the device panel. */
export function StationScreen({ session }: { session: StationSession }) {
  const vitals = useStore(session.vitals);
  const devices = useStore(session.devices);
  const appInfo = useStore(session.appInfo);
  const settings = useStore(session.settings);
  const connection = useStore(session.connection);
  const problem = useStore(session.problem);
  const nowMs = useNow(1000);

  const simulated = devices.some((d) => d.simulated) || appInfo?.simulated === true;
  const nameOf = (deviceId: string | undefined) =>
    deviceId === undefined ? undefined : session.devices.get(deviceId)?.name;
  const tiles = [...PRIMARY_TILES, ...OPTIONAL_TILES.filter((m) => vitals.numerics[m] !== undefined)];

  return (
    <div className="station">
      <header className="station-header">
        <h1 className="station-title">Teleconsult Station</h1>
        {simulated && <SimulatedBadge />}
        <ConnectionIndicator state={connection} problem={problem} />
        <CallPanel />
      </header>
      <main className="station-main">
        <section className="tiles" aria-label="Vital signs">
          {tiles.map((metric) => (
            <NumericTile
              key={metric}
              metric={metric}
              latest={vitals.numerics[metric]}
              deviceName={nameOf(vitals.numerics[metric]?.device)}
              nowMs={nowMs}
              staleAfterMs={settings.noDataTimeoutS * 1000}
            />
          ))}
        </section>
        <section className="waveforms" aria-label="Waveforms">
          <WaveformCanvas
            store={session.waveforms}
            metric="MDC_PULS_OXIM_PLETH"
            windowS={settings.waveformWindowS}
          />
        </section>
        <DevicePanel
          devices={devices}
          nowMs={nowMs}
          lastReadingAt={(id) => session.devices.lastReadingAt(id)}
        />
      </main>
    </div>
  );
}
