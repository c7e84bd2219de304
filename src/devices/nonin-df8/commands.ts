import { selectFormat } from '../nonin/commands';
import { FORMAT } from './constants';

/** `02 70 02 02 08 03`: switch the device to format #8. Other commands: ../nonin/commands.ts. */
export const selectFormat8 = (): Uint8Array => selectFormat(FORMAT);
