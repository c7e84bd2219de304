/**
 * Whether the nurse folded the call panel into its strip, kept for the tab's session
 * (sessionStorage): a reload during the call comes back the way the nurse left it. Storage that
 * refuses (private mode, quota) only means the panel opens expanded.
 */
export const CALL_PANEL_FOLD_KEY = 'teleconsult.station.callPanelFolded';

type TabStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readPanelFolded(storage: TabStorage): boolean {
  try {
    return storage.getItem(CALL_PANEL_FOLD_KEY) === 'true';
  } catch {
    return false;
  }
}

export function keepPanelFolded(storage: TabStorage, folded: boolean): void {
  try {
    storage.setItem(CALL_PANEL_FOLD_KEY, folded ? 'true' : 'false');
  } catch {
    // not kept: the next reload opens the panel expanded
  }
}
