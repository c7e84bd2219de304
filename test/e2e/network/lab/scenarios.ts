/**
 * The network scenarios of issue 14, each with what is done to the doctor's link (or page). Two
 * profiles: `short` (the default, for CI: about seven minutes) and `full` (the durations:
 * `NETLAB_PROFILE=full`, and `npm run bench -- network`).
 */
export type Trouble =
  | { readonly kind: 'cap'; readonly kbit: number; readonly seconds: number }
  | { readonly kind: 'loss'; readonly percent: number; readonly seconds: number }
  | { readonly kind: 'cut'; readonly seconds: number }
  | { readonly kind: 'doctor-reload' }
  | { readonly kind: 'doctor-reopen' }
  | { readonly kind: 'station-reload' }
  | { readonly kind: 'turn'; readonly over: 'tcp' | 'tls'; readonly seconds: number };

export interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly trouble: Trouble;
}

export type Profile = 'short' | 'full';

export function profileFromEnv(env: NodeJS.ProcessEnv = process.env): Profile {
  return env['NETLAB_PROFILE'] === 'full' ? 'full' : 'short';
}

export function scenarios(profile: Profile): Scenario[] {
  const long = profile === 'full';
  const capSeconds = long ? 60 : 20;
  const lossSeconds = long ? 60 : 15;
  const cuts = long ? [20, 90, 150] : [20, 150];
  return [
    {
      id: 'cap-150',
      label: `150 kbit/s for ${capSeconds} s`,
      trouble: { kind: 'cap', kbit: 150, seconds: capSeconds },
    },
    ...[2, 10].map((percent) => ({
      id: `loss-${percent}`,
      label: `${percent} % loss for ${lossSeconds} s`,
      trouble: { kind: 'loss', percent, seconds: lossSeconds } as const,
    })),
    ...cuts.map((seconds) => ({
      id: `cut-${seconds}`,
      label: `${seconds} s cut`,
      trouble: { kind: 'cut', seconds } as const,
    })),
    { id: 'doctor-f5', label: 'doctor presses F5', trouble: { kind: 'doctor-reload' } },
    {
      id: 'doctor-reopen',
      label: 'doctor closes the tab and reopens it',
      trouble: { kind: 'doctor-reopen' },
    },
    { id: 'station-reload', label: 'station page reloads', trouble: { kind: 'station-reload' } },
    {
      id: 'turn-tcp',
      label: 'UDP blocked: TURN over TCP',
      trouble: { kind: 'turn', over: 'tcp', seconds: 10 },
    },
    {
      id: 'turn-tls',
      label: 'UDP and TCP 3478 blocked: TURN over TLS on 443',
      trouble: { kind: 'turn', over: 'tls', seconds: 10 },
    },
  ];
}
