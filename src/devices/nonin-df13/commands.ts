import { selectFormat } from '../nonin/commands';
import { FORMAT } from './constants';

/**
 * `02 70 02 02 0D 03`: switch the device to format #13 (the 9560's factory default). Set/get time
 * (`02 72 …`) are shared: ../nonin/commands.ts.
 */
export const selectFormat13 = (): Uint8Array => selectFormat(FORMAT);
