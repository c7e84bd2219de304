import { selectFormat } from '../nonin/commands';
import { FORMAT } from './constants';

/** `02 70 02 02 02 03`: switch the device to format #2. Other commands: ../nonin/commands.ts. */
export const selectFormat2 = (): Uint8Array => selectFormat(FORMAT);
