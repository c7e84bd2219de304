import type { LinkSettings } from '../../../devices/driver';
import type { DeviceErrorCode } from '../../../shared/domain/devices';
import type { CandidateReport } from './candidate-trial';

interface ProbeBase {
  readonly path: string;
  readonly elapsedMs: number;
  /** Every candidate tried, with what its decoder made of the bytes. */
  readonly candidates: readonly CandidateReport[];
}

/** What a probe concluded about a port. */
export type ProbeResult =
  | (ProbeBase & {
      readonly outcome: 'found';
      readonly protocol: string;
      readonly name: string;
      readonly link: LinkSettings;
    })
  /** The port opened, but no candidate's decoder recognised what came back. */
  | (ProbeBase & { readonly outcome: 'none'; readonly message: string })
  /** The port could not be opened (missing, permission denied, busy). */
  | (ProbeBase & {
      readonly outcome: 'error';
      readonly error: { readonly code: DeviceErrorCode; readonly message: string };
    });
