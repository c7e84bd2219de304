import type { ProblemCode } from '../../../shared/domain/problem-codes';
import { problemOf } from '../../i18n/problem-text';
import { useCallback, useEffect, useState } from 'react';
import type { KioskStatus } from '../../../shared/api';
import { BackendCallError, type BackendClient } from '../../backend-client/backend-client';

/**
 * The kiosk/PIN state the settings screen obeys, fetched on mount and followed through
 * `kiosk.changed`. A host that cannot answer (`unavailable`: the Node host, or a backend before
 * the kiosk handlers exist) is a state of its own: the settings stay usable, unprotected, and the
 * screen says so instead of showing an error. Any other failure (link down, timeout) is not
 * evidence that no PIN is set: the settings stay hidden until the status can be read.
 */
export type KioskView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed'; readonly problem: ProblemCode | 'unexpected' }
  | { readonly kind: 'ready'; readonly status: KioskStatus };

export interface KioskControl {
  readonly view: KioskView;
  /** A status a kiosk call answered with. */
  readonly set: (status: KioskStatus) => void;
  /** Asks the backend again (after an unlock, or when a save was refused as locked). */
  readonly refresh: () => Promise<void>;
}

export function useKioskStatus(client: BackendClient): KioskControl {
  const [view, setView] = useState<KioskView>({ kind: 'loading' });
  const refresh = useCallback(async (): Promise<void> => setView(await fetchKioskView(client)), [client]);
  useEffect(() => {
    let mounted = true;
    const unsubscribe = client.on('kiosk.changed', (status) => setView({ kind: 'ready', status }));
    void fetchKioskView(client).then((next) => mounted && setView(next));
    return () => {
      mounted = false;
      unsubscribe();
    };
  }, [client]);
  const set = useCallback((status: KioskStatus) => setView({ kind: 'ready', status }), []);
  return { view, set, refresh };
}

async function fetchKioskView(client: BackendClient): Promise<KioskView> {
  try {
    return { kind: 'ready', status: await client.call('kiosk.status', {}) };
  } catch (cause) {
    // Only a host that says it has no kiosk runs without a PIN; anything else keeps the form shut.
    if (cause instanceof BackendCallError && cause.code === 'unavailable') return { kind: 'unavailable' };
    return { kind: 'failed', problem: problemOf(cause) };
  }
}

/** A PIN as the contract takes it: 4 to 12 digits. */
export function isPinFormat(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}
