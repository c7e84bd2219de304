import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import { buildFhirBundle } from '../../../src/core/exports/fhir/build-bundle';
import { jsonFile, type ExportRegistry } from '../../../src/core/records/export-formats';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/core/sim/simulated-device';
import { BeurerBm58Simulator, beurerBm58 } from '../../../src/devices/beurer-bm58';
import type { DeviceDriver } from '../../../src/devices/driver';
import { IntellivueSimulator, philipsIntellivueMib } from '../../../src/devices/philips-intellivue-mib';
import type { ConsultationSummary } from '../../../src/shared/domain/consultation';
import type { NumericReading } from '../../../src/shared/domain/readings';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { describeWithSocat } from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';
import { openTestRecords, tempDir } from '../records/records-test-kit';

/**
 * Issue 11, end to end through the real serial path (simulators on socat pseudo-terminals, the
 * real serialport binding, the real encrypted records): a consultation with a Philips IntelliVue
 * monitor that already holds a cuff result from two hours ago and then measures every few polls,
 * and a Beurer BM58 whose newest stored record is 13 days old. Exported to FHIR, the record holds
 * one BP panel per cuff measurement at the cuff's own time, and nothing from before the start
 * unless the nurse confirmed it (the BM58 record, confirmed; the monitor's held result, dismissed).
 *
 * The clock is the run's own (devices stamp readings as they arrive): every date here is computed
 * from it, so the test passes on any date.
 */

const DAY_MS = 86_400_000;
const SYS = 'MDC_PRESS_BLD_NONINV_SYS';
const BP_PANEL = '85354-9';
/** The FHIR bundle alone: the report PDF inside it is not what this test is about. */
const FHIR_ONLY: ExportRegistry = {
  'fhir-json': (source, request) =>
    Promise.resolve(
      jsonFile('consultation-fhir', buildFhirBundle(source, { generatedAt: request.generatedAt })),
    ),
};

interface Observation {
  resourceType: string;
  code?: { coding: { code: string }[] };
  effectiveDateTime?: string;
  device?: { reference: string };
  note?: { text: string }[];
  component?: { code: { coding: { code: string }[] }; valueQuantity?: { value: number } }[];
}

/** A driver whose simulator is built with options the CLI does not pass (held result, cadence…). */
function withSimulator(driver: DeviceDriver, create: DeviceDriver['createSimulator']): DeviceDriver {
  return { ...driver, createSimulator: create };
}

/** The BM58's newest stored record, measured `daysAgo` days before now by the cuff's local clock. */
function storedRecord(daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY_MS);
  return {
    systolic: 142,
    diastolic: 91,
    pulse: 77,
    year: at.getFullYear(),
    month: at.getMonth() + 1,
    day: at.getDate(),
    hour: at.getHours(),
    minute: at.getMinutes(),
  };
}

describeWithSocat(
  'a consultation with an IntelliVue monitor and a BM58 cuff, exported to FHIR (integration)',
  () => {
    jest.setTimeout(60_000);
    let temp: ReturnType<typeof tempDir>;
    let backend: Backend;
    const devices: SimulatedDevice[] = [];
    afterEach(async () => {
      await backend.close();
      for (const device of devices.splice(0)) await device.stop();
      temp.cleanup();
    });

    it('one BP panel per cuff measurement at the cuff time; nothing from before the start unless confirmed', async () => {
      temp = tempDir();
      const settings = new MemorySettingsStore({ operatorName: 'Léa Garnier' });
      backend = createBackend({
        host: 'node',
        version: 'test',
        settings,
        discovery: false,
        now: Date.now,
        records: openTestRecords(temp.dir, Date.now, settings),
        exports: FHIR_ONLY,
      });
      const readings: NumericReading[] = [];
      backend.on('readings', (batch) => {
        for (const r of batch.readings) if (r.type === 'numeric') readings.push(r);
      });
      let live: ConsultationSummary | null = null;
      backend.on('consultation.changed', (summary) => (live = summary));
      const api = backend.api;

      const { id, startedAt } = await api['consultation.start'](CONSULTATION_START);
      const startMs = Date.parse(startedAt);
      const bm58Record = storedRecord(13);

      const monitorSim = await startSimulatedDevice(philipsIntellivueMib.protocol, {
        driver: withSimulator(
          philipsIntellivueMib,
          (options) =>
            new IntellivueSimulator({
              ...options,
              // The monitor holds a result measured two hours ago, then measures every 4 polls.
              heldNibp: { systolic: 111, diastolic: 73, mean: 86, pulse: 64, measuredAgoS: 7200 },
              nibpFirstPoll: 3,
              nibpEveryPolls: 4,
            }),
        ),
      });
      devices.push(monitorSim);
      const cuffSim = await startSimulatedDevice(beurerBm58.protocol, {
        driver: withSimulator(beurerBm58, () => new BeurerBm58Simulator({ records: [bm58Record] })),
      });
      devices.push(cuffSim);
      const monitor = await backend.connectDevice({
        path: monitorSim.path,
        protocol: philipsIntellivueMib.protocol,
        simulated: true,
      });
      const cuff = await backend.connectDevice({
        path: cuffSim.path,
        protocol: beurerBm58.protocol,
        simulated: true,
      });

      // Both stored results wait apart; the monitor keeps measuring meanwhile.
      const pendingOf = (device: string) => (live?.pending ?? []).find((p) => p.device === device);
      await waitFor(
        () => pendingOf(monitor.id) !== undefined && pendingOf(cuff.id) !== undefined,
        15_000,
        'two pending measurements',
      );
      const monitorTimes = (): string[] => [
        ...new Set(
          readings
            .filter((r) => r.device === monitor.id && r.metric === SYS && r.time >= startedAt)
            .map((r) => r.time),
        ),
      ];
      await waitFor(
        () => monitorTimes().length >= 2,
        30_000,
        'two cuff measurements during the consultation',
      );

      const heldAt = pendingOf(monitor.id)!.measuredAt;
      expect(Date.parse(heldAt)).toBeLessThan(startMs);
      expect(startMs - Date.parse(heldAt)).toBeGreaterThan(7000 * 1000);
      const cuffPending = pendingOf(cuff.id)!;
      expect(Date.parse(cuffPending.measuredAt)).toBeLessThan(startMs - 12 * DAY_MS);
      expect(cuffPending.values).toEqual(
        expect.arrayContaining([{ metric: SYS, unit: 'mm[Hg]', value: 142 }]),
      );

      await api['consultation.dismissMeasurement']({ id, measurementId: pendingOf(monitor.id)!.id });
      await api['consultation.confirmMeasurement']({ id, measurementId: cuffPending.id });
      // Let the monitor repeat its current result a few more polls: repeats add nothing.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await api['consultation.end']({ id });
      const measuredDuring = monitorTimes();
      // The monitor repeats its current result at every poll; the station published each once.
      const sysTimes = readings.filter((r) => r.device === monitor.id && r.metric === SYS).map((r) => r.time);
      expect(sysTimes).toHaveLength(new Set(sysTimes).size);

      const fhir = await api['consultation.export']({ id, format: 'fhir-json', language: 'en' });
      const bundle = JSON.parse(Buffer.from(fhir.dataBase64, 'base64').toString('utf8')) as {
        entry: { fullUrl: string; resource: Observation & { identifier?: { value: string }[] } }[];
      };
      const deviceRef = (deviceId: string): string | undefined =>
        bundle.entry.find(
          (e) =>
            e.resource.resourceType === 'Device' && e.resource.identifier?.some((i) => i.value === deviceId),
        )?.fullUrl;
      const panels = bundle.entry
        .map((e) => e.resource)
        .filter((r) => r.resourceType === 'Observation' && r.code?.coding.some((c) => c.code === BP_PANEL));
      const monitorPanels = panels.filter((p) => p.device?.reference === deviceRef(monitor.id));
      const cuffPanels = panels.filter((p) => p.device?.reference === deviceRef(cuff.id));

      // The monitor: one panel per measurement it made during the consultation, at its own time,
      // however many polls repeated it; its held result from before, dismissed, nowhere.
      expect(monitorPanels.map((p) => p.effectiveDateTime).sort()).toEqual([...measuredDuring].sort());
      expect(monitorPanels.every((p) => p.effectiveDateTime! >= startedAt)).toBe(true);
      expect(panels.some((p) => p.effectiveDateTime === heldAt)).toBe(false);
      // Each panel carries systolic, diastolic, mean and the cuff's pulse.
      expect(monitorPanels[0]?.component).toHaveLength(4);

      // The BM58's record from 13 days ago: confirmed, so at its true time with a note saying so.
      expect(cuffPanels).toHaveLength(1);
      expect(cuffPanels[0]?.effectiveDateTime).toBe(cuffPending.measuredAt);
      expect(cuffPanels[0]?.note?.[0]?.text).toMatch(
        /^Measured before the consultation \(.+\); confirmed for this patient by Léa Garnier at /,
      );
      expect(panels).toHaveLength(measuredDuring.length + 1);

      const detail = await api['consultation.get']({ id });
      expect(detail.timeline.filter((e) => e.kind === 'measurement-confirmed')).toHaveLength(1);
      const audit = (await api['audit.list']({})).map((a) => a.action);
      expect(audit).toEqual(expect.arrayContaining(['measurement.confirm', 'measurement.dismiss']));
    });
  },
);
