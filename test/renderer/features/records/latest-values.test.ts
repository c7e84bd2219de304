import { latestValuesText } from '../../../../src/renderer/features/records/latest-values';
import { formatterFor } from '../../../../src/shared/i18n';
import { listedDeviceName } from '../../../../src/shared/i18n/device-names';

const LATEST = [
  { metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: 97 },
  { metric: 'MDC_ECG_HEART_RATE', unit: '/min', value: 72 },
  { metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: 128 },
  { metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', value: 82 },
  { metric: 'MDC_PRESS_BLD_NONINV_MEAN', unit: 'mm[Hg]', value: 97 },
  { metric: 'MDC_TEMP_BODY', unit: 'Cel', value: 37.2 },
  { metric: 'MDC_RESP_RATE', unit: '/min', value: 14 },
  { metric: 'vendor-thing', unit: '1', value: 3 },
];

describe('a listed consultation’s last values', () => {
  it('reads as values, each metric once, the blood pressure as one pair, unknown metrics left out', () => {
    expect(latestValuesText(LATEST, 'en', formatterFor('en'))).toBe(
      'SpO₂ 97%, HR 72 bpm, BP 128/82 mmHg, Temp 37.2 °C, Resp 14 /min',
    );
    expect(latestValuesText(LATEST, 'fr', formatterFor('fr'))).toBe(
      'SpO₂ 97\u202f%, FC 72\u202fbpm, TA 128/82\u202fmmHg, Temp 37,2\u202f°C, FR 14\u202f/min',
    );
  });

  it('a lone systolic or mean is shown as itself; nothing recorded gives nothing', () => {
    expect(latestValuesText([LATEST[2]], 'en', formatterFor('en'))).toBe('Systolic 128 mmHg');
    expect(latestValuesText([], 'fr', formatterFor('fr'))).toBe('');
  });
});

describe('a recorded device’s name', () => {
  const devices = [
    { id: 'contec-cms50-v7@/dev/ttyUSB0', name: 'Contec CMS50D+', protocol: 'contec-cms50-v7' },
    { id: 'replay@1', name: 'Replayed oximeter', protocol: 'replay' },
  ];
  it('comes from the catalogue in the language; a device of no known protocol keeps its stored name', () => {
    expect(listedDeviceName(devices, 'contec-cms50-v7@/dev/ttyUSB0', 'fr')).toBe(
      'Oxymètre de pouls Contec CMS50',
    );
    expect(listedDeviceName(devices, 'ble-heart-rate@Polar H10', 'en')).toBe(
      'Bluetooth heart rate monitor (Polar H10)',
    );
    expect(listedDeviceName(devices, 'replay@1', 'fr')).toBe('Replayed oximeter');
    expect(listedDeviceName(devices, 'gone@2', 'fr')).toBe('gone@2');
  });
});
