import { ETX, STX } from './constants';

/**
 * Finds host commands (`STX op size payload… ETX`) in what the station sent: the simulator's side
 * of the conversation. A byte that does not start a well-formed command is skipped, as a device
 * ignores what it cannot parse.
 */
export interface HostCommand {
  readonly op: number;
  readonly payload: readonly number[];
}

/** Payloads are short (6 bytes for "set time"); a longer size byte is noise. */
const MAX_PAYLOAD = 16;

export interface CommandScan {
  readonly commands: HostCommand[];
  /** First byte of an unfinished command, to keep for the next chunk. */
  readonly keepFrom: number;
}

export function scanHostCommands(bytes: Uint8Array): CommandScan {
  const commands: HostCommand[] = [];
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] !== STX) {
      i++;
      continue;
    }
    if (i + 2 >= bytes.length) break;
    const size = bytes[i + 2];
    if (size > MAX_PAYLOAD) {
      i++;
      continue;
    }
    const end = i + 3 + size;
    if (end >= bytes.length) break;
    if (bytes[end] !== ETX) {
      i++;
      continue;
    }
    commands.push({ op: bytes[i + 1], payload: Array.from(bytes.subarray(i + 3, end)) });
    i = end + 1;
  }
  return { commands, keepFrom: i };
}
