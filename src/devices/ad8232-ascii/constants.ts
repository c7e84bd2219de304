/**
 * AD8232 heart-monitor boards behind an Arduino sketch that prints one ADC value per line — numbers
 * only. Facts and sources: PROTOCOL.md in this folder (reference/device-protocols.md §8).
 */

/** SparkFun's example sketch: Serial.begin(9600). Many clone sketches use 115200. */
export const BAUD_RATE = 9600;
export const CLONE_BAUD_RATE = 115_200;
/** analogRead on an AVR Arduino: 10 bits, 0..1023. */
export const DEFAULT_ADC_BITS = 10;
export const MAX_ADC_BITS = 16;
/** The sketch prints this alone on a line while LO+ or LO− reports a lead off. */
export const LEAD_OFF_MARKER = '!';
/** Longest line kept: a value is at most 5 digits (16-bit ADC); room for stray spaces. */
export const MAX_LINE_BYTES = 16;

/**
 * The stream carries no sample rate: it is measured from arrival times. Until a window of at
 * least RATE_MIN_SPAN_MS has been seen the decoder assumes NOMINAL_RATE_HZ (our choice: what a
 * 9600-baud link carries for every value length, see PROTOCOL.md).
 */
export const NOMINAL_RATE_HZ = 150;
export const RATE_WINDOW_MS = 5000;
export const RATE_MIN_SPAN_MS = 1000;
/** An arrival gap longer than this is a stall (unplug, paused sketch), not a slow rate. */
export const RATE_MAX_GAP_MS = 1000;
/** A new estimate replaces the rate in use only when it differs by more than this fraction. */
export const RATE_CHANGE_TOLERANCE = 0.01;
/** Rates are reported to 0.1 Hz: finer is below what a 5 s window of USB arrivals resolves. */
export const RATE_STEPS_PER_HZ = 10;

/** The simulator's steady rate: 6-byte lines ("1023\r\n") × 10 bits × 150/s = 9000 bit/s < 9600. */
export const SIMULATED_RATE_HZ = 150;
