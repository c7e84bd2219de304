import { PRELOAD_GLOBAL, type PreloadBridge } from '../../../src/shared/preload-api';
import { FakeIpcRenderer } from '../../helpers/fake-electron';

describe('preload entry (src/main/preload/preload.ts)', () => {
  it('exposes the bridge on the contract global through contextBridge and nothing else', async () => {
    const exposed = new Map<string, unknown>();
    const ipcRenderer = new FakeIpcRenderer();
    jest.resetModules();
    jest.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer,
    }));
    await jest.isolateModulesAsync(async () => {
      await import('../../../src/main/preload/preload');
    });
    jest.dontMock('electron');
    expect([...exposed.keys()]).toEqual([PRELOAD_GLOBAL]);
    const bridge = exposed.get(PRELOAD_GLOBAL) as PreloadBridge;
    expect(bridge).not.toBe(ipcRenderer);
    await bridge.invoke('app.info', {});
    expect(ipcRenderer.invoked).toEqual([{ channel: 'app:app.info', params: {} }]);
  });
});
