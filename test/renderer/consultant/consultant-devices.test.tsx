import { act, render, screen } from '@testing-library/react';
import { canStartMeasurement, ConsultantDevices } from '../../../src/renderer/consultant/consultant-devices';
import { VitalsPanel } from '../../../src/renderer/consultant/VitalsPanel';
import { parseControlMessage } from '../../../src/renderer/features/call/control-messages';
import { VitalsStore } from '../../../src/renderer/features/vitals/vitals-store';
import { WaveformStore } from '../../../src/renderer/features/waveforms/waveform-store';
import { I18nProvider } from '../../../src/renderer/i18n/I18nProvider';
import { FakeControlLink } from '../features/call/fake-control-link';

/**
 * The station's device facts on the doctor's page: "Start measurement" only for a device that
 * says it can start one (absent: it cannot), and each device's state and catalogue name.
 */
const CUFF = 'beurer-bm58@/dev/pts/7';
const OXIMETER = 'contec-cms50-v7@/dev/ttyUSB0';

describe('the station’s device facts on the doctor’s page', () => {
  it('offers "Start measurement" only when a device says it starts one', () => {
    const control = new FakeControlLink();
    const devices = new ConsultantDevices(control.asLink());
    expect(canStartMeasurement(devices.facts.getSnapshot())).toBe(false);
    control.receive({ type: 'devices', devices: [{ id: OXIMETER, name: 'CMS50', simulated: true }] });
    expect(canStartMeasurement(devices.facts.getSnapshot())).toBe(false);
    control.receive({
      type: 'devices',
      devices: [
        { id: OXIMETER, name: 'CMS50', simulated: true, startsMeasurement: false },
        { id: CUFF, name: 'BM58', simulated: false, startsMeasurement: true },
      ],
    });
    expect(canStartMeasurement(devices.facts.getSnapshot())).toBe(true);
    devices.dispose();
  });

  it('the control schema takes the new fields and refuses a state it does not know', () => {
    const message = (state: string) =>
      JSON.stringify({ type: 'devices', devices: [{ id: CUFF, name: 'x', simulated: false, state }] });
    expect(parseControlMessage(message('disconnected'))).not.toBeNull();
    expect(parseControlMessage(message('on-fire'))).toBeNull();
    expect(
      parseControlMessage(JSON.stringify({ type: 'av-state', micMuted: true, cameraOff: false })),
    ).toEqual({
      type: 'av-state',
      micMuted: true,
      cameraOff: false,
    });
    expect(
      parseControlMessage(JSON.stringify({ type: 'av-state', micMuted: 'yes', cameraOff: false })),
    ).toBeNull();
  });

  it('names each device from the catalogue and shows the station’s "disconnected"', () => {
    const control = new FakeControlLink();
    const devices = new ConsultantDevices(control.asLink());
    const vitals = new VitalsStore((run) => run());
    vitals.ingest([
      {
        type: 'numeric',
        device: OXIMETER,
        metric: 'MDC_PULS_OXIM_SAT_O2',
        unit: '%',
        value: 97,
        time: '2026-03-01T10:00:00.000Z',
      },
    ]);
    render(
      <I18nProvider locale="fr">
        <VitalsPanel vitals={vitals} waveforms={new WaveformStore()} deviceData devices={devices} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Oxymètre de pouls Contec CMS50');
    act(() =>
      control.receive({
        type: 'devices',
        devices: [
          { id: OXIMETER, name: 'Contec CMS50D+ (protocol V7)', simulated: false, state: 'disconnected' },
        ],
      }),
    );
    const state = screen.getByTestId(`doctor-device-state-${OXIMETER}`);
    expect(state.dataset['state']).toBe('disconnected');
    expect(state.textContent).toContain('Déconnecté');
    devices.dispose();
  });
});
