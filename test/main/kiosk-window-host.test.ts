import { WindowKioskHost } from '../../src/main/kiosk-window-host';
import { FakeBrowserWindow } from '../helpers/fake-electron';

describe('WindowKioskHost', () => {
  const setup = (kiosk: boolean) => {
    const window = new FakeBrowserWindow({ kiosk });
    const host = new WindowKioskHost(kiosk);
    const changes: boolean[] = [];
    host.onKioskChange(() => changes.push(host.isKiosk()));
    return { window, host, changes };
  };

  it('is not in kiosk mode before the window exists, nor after it is gone', () => {
    const { window, host } = setup(true);
    expect(host.isKiosk()).toBe(false);
    host.attach(window);
    expect(host.isKiosk()).toBe(true);
    window.close(); // not kiosk-guarded here: no guards installed
    expect(host.isKiosk()).toBe(false);
    expect(() => host.exitKiosk()).not.toThrow();
  });

  it('leaves kiosk mode on exit, for this run: reassert (after resume) does not undo it', () => {
    const { window, host, changes } = setup(true);
    host.attach(window);
    host.exitKiosk();
    expect(window.kiosk).toBe(false);
    expect(host.isWanted()).toBe(false);
    host.reassert();
    expect(window.kiosk).toBe(false);
    expect(changes).toEqual([false]);
  });

  it('follows the setting, and reassert puts back a kiosk the window manager dropped', () => {
    const { window, host, changes } = setup(false);
    host.attach(window);
    host.followSetting(true);
    expect(window.kiosk).toBe(true);
    window.kiosk = false; // e.g. a window manager dropping full screen at resume
    host.reassert();
    expect(window.kiosk).toBe(true);
    host.followSetting(true);
    expect(changes).toEqual([true, true]);
  });
});
