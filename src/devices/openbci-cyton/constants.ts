/**
 * OpenBCI Cyton over its USB dongle — numbers only. Facts and sources: PROTOCOL.md in this folder
 * (reference/device-protocols.md §8; OpenBCI/Documentation docs/02Cyton).
 */

export const BAUD_RATE = 115_200;
export const SAMPLES_PER_S = 250;
export const PACKET_LENGTH = 33;
export const HEADER = 0xa0;
/** Footer 0xC0..0xCF: the low nibble says how to read the 6 aux bytes. */
export const FOOTER_MASK = 0xf0;
export const FOOTER = 0xc0;
export const CHANNELS = 8;
export const CHANNEL_BYTES = 3;
/** Offsets within a packet. */
export const OFFSET = { sampleNumber: 1, firstChannel: 2, aux: 26, footer: 32 } as const;
export const AUX_BYTES = 6;
/** The sample number is one byte: it wraps 255 → 0. */
export const SAMPLE_NUMBER_MODULO = 256;

/** ADS1299 full scale: counts × 4.5 V / gain / (2^23 − 1) (OpenBCI data-format page). */
export const ADS1299_VREF_V = 4.5;
export const ADS1299_MAX_COUNT = 2 ** 23 - 1;
/** Gains the channel-settings command accepts; 24 is the default after a soft reset. */
export const ADS1299_GAINS = [1, 2, 4, 6, 8, 12, 24] as const;
export type Ads1299Gain = (typeof ADS1299_GAINS)[number];
export const DEFAULT_GAIN: Ads1299Gain = 24;
/** Samples are rounded to 0.1 µV (10 000 steps per mV), below the ADS1299's noise: compact readings. */
export const SAMPLE_STEPS_PER_MV = 10_000;

/** Host commands (single ASCII characters). */
export const COMMAND = {
  softReset: 'v',
  startStreaming: 'b',
  stopStreaming: 's',
  /** Use 8 channels only: detaches a Daisy module so packets carry one board at 250 Hz. */
  eightChannels: 'c',
} as const;

/** Board text replies end with this marker ("EOT"). */
export const END_OF_TEXT = '$$$';
/** Longest board text message kept; longer runs of text are skipped as garbage. */
export const MAX_TEXT_BYTES = 1024;
/**
 * How long the host waits for the `$$$` that ends the soft-reset reply. The documents give no
 * figure (the 8-bit board answers "after a second or so"); 3 s is our bound.
 */
export const RESET_REPLY_TIMEOUT_MS = 3000;
export const HOST_TICK_MS = 100;
