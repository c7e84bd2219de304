import { render, screen } from '@testing-library/react';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { DeviceGroup } from '../../../src/renderer/features/devices/DeviceGroup';
import { DevicePanel } from '../../../src/renderer/features/devices/DevicePanel';
import { BpResultTile } from '../../../src/renderer/features/vitals/BpResultTile';
import { formatMeasuredAt } from '../../../src/renderer/features/vitals/measured-time';
import { NumericTile } from '../../../src/renderer/features/vitals/NumericTile';
import { WaveformStore } from '../../../src/renderer/features/waveforms/waveform-store';
import { I18nProvider } from '../../../src/renderer/i18n/I18nProvider';

const NOW = Date.parse('2026-11-25T14:40:00.000Z');
const latest = (value: number, unit: string) => ({
  value,
  unit,
  device: 'd',
  time: '2026-11-25T14:39:59.500Z',
  timeMs: Date.parse('2026-11-25T14:39:59.500Z'),
});
/** French separates a unit (and %) from its number with a narrow no-break space. */
const plain = (text: string | null) => (text ?? '').replaceAll('\u202f', ' ').replaceAll('\u00a0', ' ');
const french = (ui: React.ReactNode) => render(<I18nProvider locale="fr">{ui}</I18nProvider>);

describe('vitals in French', () => {
  it('writes 97 % and 37,2 °C, with the French labels', () => {
    french(
      <>
        <NumericTile metric="MDC_PULS_OXIM_SAT_O2" latest={latest(97, '%')} nowMs={NOW} staleAfterMs={5000} />
        <NumericTile metric="MDC_TEMP_BODY" latest={latest(37.2, 'Cel')} nowMs={NOW} staleAfterMs={5000} />
        <NumericTile
          metric="MDC_PULS_OXIM_PERF_REL"
          latest={latest(2.4, '%')}
          nowMs={NOW}
          staleAfterMs={5000}
        />
      </>,
    );
    const spo2 = screen.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2');
    expect(spo2.textContent).toBe('97');
    expect(plain(spo2.getAttribute('aria-label'))).toBe('97 %');
    const temp = screen.getByTestId('tile-value-MDC_TEMP_BODY');
    expect(temp.textContent).toBe('37,2');
    expect(plain(temp.getAttribute('aria-label'))).toBe('37,2 °C');
    expect(screen.getByTestId('tile-MDC_PULS_OXIM_PERF_REL').getAttribute('aria-label')).toBe('IP');
  });

  it('marks a stale value "il y a 12 s" and a BP result "mesurée à …"', () => {
    french(
      <>
        <NumericTile
          metric="MDC_PULS_OXIM_PULS_RATE"
          latest={latest(72, '/min')}
          nowMs={NOW + 12_000}
          staleAfterMs={5000}
        />
        <BpResultTile
          result={{
            systolic: 128,
            diastolic: 82,
            mean: 97,
            pulse: 71,
            time: '2026-11-25T14:32:00.000Z',
            timeMs: Date.parse('2026-11-25T14:32:00.000Z'),
          }}
          nowMs={NOW}
        />
      </>,
    );
    expect(screen.getByTestId('tile-stale-MDC_PULS_OXIM_PULS_RATE').textContent).toBe(
      'ANCIENNE · il y a 12 s',
    );
    expect(screen.getByTestId('bp-time').textContent).toMatch(/^mesurée à \d\d:32, 25 nov\.$/);
    expect(plain(screen.getByTestId('bp-pulse').textContent)).toBe('71 bpm');
    expect(screen.getByText('Résultat PNI')).toBeTruthy();
  });

  it('names device states, flags and ages in French', () => {
    const device: DeviceInfo = {
      id: 'nonin-7500@/dev/ttyUSB0',
      protocol: 'nonin-7500',
      name: 'Nonin 7500',
      transport: 'serial',
      path: '/dev/ttyUSB0',
      state: 'no-data',
      error: null,
      simulated: true,
      lastReadingAt: NOW - 4000,
      droppedFrames: 0,
    };
    french(
      <>
        <DeviceGroup
          entry={{ id: device.id, info: device }}
          vitals={{
            numerics: {},
            statusFlags: ['probe-off', 'pulse-beep'],
            bloodPressure: null,
            sendsBloodPressure: false,
          }}
          waveforms={new WaveformStore()}
          waveformMetrics={[]}
          nowMs={NOW}
          staleAfterMs={5000}
          windowS={6}
        />
        <DevicePanel devices={[device]} nowMs={NOW} lastReadingAt={() => NOW - 4000} />
      </>,
    );
    expect(screen.getByTestId(`group-state-${device.id}`).textContent).toContain('Aucune donnée');
    expect(screen.getByTestId(`group-flags-${device.id}`).textContent).toBe('Capteur débranché');
    expect(screen.getByTestId(`group-simulated-${device.id}`).textContent).toBe('SIMULATION');
    expect(screen.getByTestId(`device-age-${device.id}`).textContent).toBe('il y a 4 s');
    expect(screen.getByText('En attente de la première mesure…')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Appareils' })).toBeTruthy();
  });
});

describe('formatMeasuredAt in French', () => {
  it('reads "mesurée à 14:32, 25 nov." and adds the year when it differs', () => {
    expect(formatMeasuredAt(Date.parse('2026-11-25T14:32:00.000Z'), NOW, 'UTC', 'fr')).toBe(
      'mesurée à 14:32, 25 nov.',
    );
    expect(formatMeasuredAt(Date.parse('2025-03-01T08:05:00.000Z'), NOW, 'UTC', 'fr')).toBe(
      'mesurée à 08:05, 1 mars 2025',
    );
    expect(formatMeasuredAt(Number.NaN, NOW, 'UTC', 'fr')).toBe('mesurée à une heure inconnue');
  });
});
