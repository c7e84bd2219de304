/**
 * Switches read from the page URL's query: `relay=1` forces TURN-only ICE (strict networks, and
 * the relay tests); `probe=1` exposes the call's counters on `window.__callProbe` for the e2e
 * tests and the latency bench. Neither changes what a normal link does.
 */
export interface CallFlags {
  readonly relayOnly: boolean;
  readonly probe: boolean;
}

export function readCallFlags(search: string): CallFlags {
  const params = new URLSearchParams(search);
  return { relayOnly: params.get('relay') === '1', probe: params.get('probe') === '1' };
}

/** Publishes a test probe only when the page was opened with `probe=1`. */
export function exposeProbe(flags: CallFlags, name: string, value: unknown): void {
  if (!flags.probe) return;
  const probes = ((window as unknown as { __callProbe?: Record<string, unknown> }).__callProbe ??= {});
  probes[name] = value;
}
