import { METRICS, METRIC_IDS, type MetricId } from '../../shared/domain/metrics';
import { useNow, useStore } from '../features/use-store';
import { NumericTile } from '../features/vitals/NumericTile';
import type { VitalsStore } from '../features/vitals/vitals-store';
import { WaveformCanvas } from '../features/waveforms/WaveformCanvas';
import type { WaveformStore } from '../features/waveforms/waveform-store';

/** Seconds without a new value before a tile is marked stale on the doctor's screen. */
const STALE_AFTER_MS = 10_000;
const WINDOW_S = 6;
const WAVEFORM_METRICS = METRIC_IDS.filter((id) => METRICS[id].kind === 'waveform');

/** The doctor needs the device, not the station's serial port path: `contec-cms50-v7@/dev/ttyUSB0` → protocol. */
function deviceLabel(deviceId: string | undefined): string | undefined {
  return deviceId?.split('@')[0];
}

/** The station's vitals beside the video: the same tiles and sweeps the station shows. */
export function VitalsPanel({ vitals, waveforms }: { vitals: VitalsStore; waveforms: WaveformStore }) {
  const snapshot = useStore(vitals);
  const nowMs = useNow(1000); // also re-checks which waveform channels exist
  const numericIds = (Object.keys(snapshot.numerics) as MetricId[]).filter(
    (id) => METRICS[id]?.kind === 'numeric',
  );
  const waveIds = WAVEFORM_METRICS.filter((id) => waveforms.channel(id) !== undefined);
  return (
    <aside className="consultant-vitals" aria-label="Patient vital signs">
      {numericIds.length === 0 && <p className="consultant-empty">No readings yet</p>}
      <div className="consultant-tiles">
        {numericIds.map((metric) => (
          <NumericTile
            key={metric}
            metric={metric}
            latest={snapshot.numerics[metric]}
            deviceName={deviceLabel(snapshot.numerics[metric]?.device)}
            nowMs={nowMs}
            staleAfterMs={STALE_AFTER_MS}
          />
        ))}
      </div>
      {waveIds.map((metric) => (
        <WaveformCanvas key={metric} store={waveforms} metric={metric} windowS={WINDOW_S} />
      ))}
    </aside>
  );
}
