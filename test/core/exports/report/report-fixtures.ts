import type { ConsultationDetail } from '../../../../src/shared/domain/consultation';
import type { ExportSource, RecordedNumeric } from '../../../../src/core/exports/export-source';
import { fixtureConsultation, summarise } from '../../../helpers/consultation-fixture';

/** The shared fixture with parts of its record replaced, and optional extra numerics. */
export function variant(
  base: ExportSource,
  patch: Partial<ConsultationDetail>,
  extraNumerics: readonly RecordedNumeric[] = [],
): ExportSource {
  const numerics = [...base.numerics(), ...extraNumerics].sort((a, b) => a.time.localeCompare(b.time));
  return {
    detail: {
      ...base.detail,
      ...patch,
      metrics: extraNumerics.length === 0 ? (patch.metrics ?? base.detail.metrics) : summarise(numerics),
    },
    numerics: () => numerics,
    waveform: (device, metric, from, to) => base.waveform(device, metric, from, to),
    media: (id) => base.media(id),
    station: base.station,
  };
}

export const THERMOMETER = 'thermo@/dev/hidraw1';

/** The fixture plus a body temperature of 37.2 °C and a perfusion index of 4.5 %, for decimal commas. */
export function fixtureWithDecimals(): ExportSource {
  const base = fixtureConsultation({ minutes: 3 });
  return variant(
    base,
    { devices: [...base.detail.devices, { id: THERMOMETER, name: 'Thermomètre', protocol: 'x' }] },
    [
      {
        device: THERMOMETER,
        metric: 'MDC_TEMP_BODY',
        unit: 'Cel',
        value: 37.2,
        time: '2026-11-25T09:31:00.000Z',
      },
      {
        device: 'contec-cms50-v7@/dev/ttyUSB0',
        metric: 'MDC_PULS_OXIM_PERF_REL',
        unit: '%',
        value: 4.5,
        time: '2026-11-25T09:31:00.000Z',
      },
    ],
  );
}

export const GENERATED_AT = new Date('2026-11-25T10:00:00.000Z');
