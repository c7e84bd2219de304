import { selectFormat } from '../nonin/commands';
import { FORMAT } from './constants';

/** `02 70 02 02 07 03`: switch the device to format #7. Other commands: ../nonin/commands.ts. */
export const selectFormat7 = (): Uint8Array => selectFormat(FORMAT);
