/**
 * Masimo Rad-8 / Radical-7 "ASCII 1" serial output — numbers only. Facts and sources: PROTOCOL.md
 * in this folder (reference/device-protocols.md §4.1).
 */
export const BAUD_RATE = 9600;
/** ASCII 1 sends one line a second. */
export const LINES_PER_S = 1;
/** The longest documented line (Radical-7 with SpHb/SpOC fields) is ~190 characters. */
export const MAX_LINE_BYTES = 256;
export const MAX_SPO2_PERCENT = 100;
export const LINE_END = '\r\n';

/** EXC (exception) bits, from the Rad-8 manual's trend-format table. */
export const EXC = {
  noSensor: 0x001,
  defectiveSensor: 0x002,
  lowPerfusion: 0x004,
  pulseSearch: 0x008,
  interference: 0x010,
  sensorOff: 0x020,
  ambientLight: 0x040,
  unrecognizedSensor: 0x080,
  lowSignalIq: 0x400,
  /** Not a condition: the algorithm runs in full Masimo SET mode. */
  setMode: 0x800,
} as const;
