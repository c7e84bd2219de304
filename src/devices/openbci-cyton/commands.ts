import { COMMAND } from './constants';

/** Host → board commands: single ASCII characters (OpenBCI Cyton SDK page). No reply is framed. */
function command(char: string): Uint8Array {
  return Uint8Array.of(char.charCodeAt(0));
}

/** `v`: soft reset; the board answers with its banner ending in `$$$`. */
export const softReset = (): Uint8Array => command(COMMAND.softReset);
/** `b`: start streaming packets (no confirmation). */
export const startStreaming = (): Uint8Array => command(COMMAND.startStreaming);
/** `s`: stop streaming (no confirmation). */
export const stopStreaming = (): Uint8Array => command(COMMAND.stopStreaming);
/** `c`: 8 channels only (answers `daisy removed$$$` only when a Daisy was attached). */
export const eightChannels = (): Uint8Array => command(COMMAND.eightChannels);
