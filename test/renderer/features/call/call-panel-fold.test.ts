import {
  CALL_PANEL_FOLD_KEY,
  keepPanelFolded,
  readPanelFolded,
} from '../../../../src/renderer/features/call/call-panel-fold';

/** A tab's storage as the fold sees it; `refuse` makes every call throw (private mode, quota). */
function tabStorage(refuse = false): Pick<Storage, 'getItem' | 'setItem'> & { kept: Map<string, string> } {
  const kept = new Map<string, string>();
  return {
    kept,
    getItem: (key) => {
      if (refuse) throw new Error('storage refused');
      return kept.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (refuse) throw new Error('storage refused');
      kept.set(key, value);
    },
  };
}

describe('the call panel fold kept for the session', () => {
  it('opens expanded until the nurse folds it, then stays as she left it', () => {
    const storage = tabStorage();
    expect(readPanelFolded(storage)).toBe(false);
    keepPanelFolded(storage, true);
    expect(storage.kept.get(CALL_PANEL_FOLD_KEY)).toBe('true');
    expect(readPanelFolded(storage)).toBe(true);
    keepPanelFolded(storage, false);
    expect(readPanelFolded(storage)).toBe(false);
  });

  it('reads anything but "true" as expanded', () => {
    const storage = tabStorage();
    storage.kept.set(CALL_PANEL_FOLD_KEY, 'yes');
    expect(readPanelFolded(storage)).toBe(false);
  });

  it('storage that refuses only means expanded, never an error', () => {
    const storage = tabStorage(true);
    expect(() => keepPanelFolded(storage, true)).not.toThrow();
    expect(readPanelFolded(storage)).toBe(false);
  });
});
