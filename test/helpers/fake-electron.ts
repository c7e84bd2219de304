import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { ShellLog } from '../../src/main/shell-log';

/**
 * Fakes for the few Electron objects the shell is handed. They implement only what the shell
 * calls, with Electron's semantics (one handler per channel, `preventDefault` on events), so tests
 * exercise the real shell code without an Electron runtime.
 */

/** A ShellLog that records what it was told, for asserting that refusals are reported. */
export function recordingLog(): ShellLog & { warnings: string[]; errors: string[]; details: unknown[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const details: unknown[] = [];
  return {
    warnings,
    errors,
    details,
    warn(message, extra) {
      warnings.push(message);
      details.push(extra);
    },
    error(message, extra) {
      errors.push(message);
      details.push(extra);
    },
  };
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** ipcMain's `handle` side: like Electron, a second handler on one channel is an error. */
export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  /** `ipcMain.on` listeners (electron-store registers one for its renderer-side helper). */
  readonly listeners = new Map<string, unknown>();

  on(channel: string, listener: unknown): this {
    this.listeners.set(channel, listener);
    return this;
  }

  removeAllListeners(channel: string): this {
    this.listeners.delete(channel);
    return this;
  }

  removeListener(channel: string, listener: unknown): this {
    if (this.listeners.get(channel) === listener) this.listeners.delete(channel);
    return this;
  }

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke` would resolve to, or a rejection when nothing handles the channel. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export interface FakeFrameSpec {
  url: string;
  /** A subframe has a parent; the main frame does not. */
  isMainFrame?: boolean;
}

export function fakeFrame(spec: FakeFrameSpec): WebFrameMain {
  const parent =
    spec.isMainFrame === false ? ({ url: 'app://station/index.html', parent: null } as WebFrameMain) : null;
  return { url: spec.url, parent, origin: spec.url } as unknown as WebFrameMain;
}

/** An invoke event from a frame, or with `senderFrame: null` (frame navigated away or destroyed). */
export function invokeEvent(frame: WebFrameMain | null): IpcMainInvokeEvent {
  return { senderFrame: frame, frameId: 1, processId: 1, type: 'frame' } as unknown as IpcMainInvokeEvent;
}

export const trustedEvent = (): IpcMainInvokeEvent =>
  invokeEvent(fakeFrame({ url: 'app://station/index.html' }));

/** A preventable Electron event, optionally with navigation details. */
export function preventable<T extends object>(
  extra: T = {} as T,
): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** A web contents: an emitter with `send`, destruction, a URL and a window-open handler slot. */
export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  private destroyed = false;

  constructor(public url = 'app://station/index.html') {
    super();
  }

  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.url;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean;

/** The permission side of a Session. */
export class FakeSession extends EventEmitter {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.deviceHandler = handler;
  }

  /** Resolves with what the installed handler answered. */
  request(permission: string, details: Record<string, unknown>): Promise<boolean> {
    return new Promise((resolve) => this.requestHandler!(null, permission, resolve, details));
  }
}

/** A BrowserWindow: records its options and the URLs it was asked to load. */
export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  /** Set by fakeElectronRuntime so a new window announces its contents like Electron does. */
  static onContentsCreated: ((contents: FakeWebContents) => void) | undefined;
  readonly webContents = new FakeWebContents('');
  readonly loaded: string[] = [];
  kiosk: boolean;
  shown = false;
  private destroyed = false;

  constructor(readonly options: { kiosk?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    this.kiosk = options.kiosk ?? false;
    FakeBrowserWindow.created.push(this);
    FakeBrowserWindow.onContentsCreated?.(this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isKiosk(): boolean {
    return this.kiosk;
  }

  setKiosk(flag: boolean): void {
    this.kiosk = flag;
  }

  show(): void {
    this.shown = true;
  }

  minimized = false;
  focused = false;

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  focus(): void {
    this.focused = true;
  }

  /** Like Electron: a `close` listener may prevent it; otherwise the window is destroyed. */
  close(): void {
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

/** The app object main.ts drives, with a `ready` the test releases. */
export class FakeElectronApp extends EventEmitter {
  readonly calls: string[] = [];
  isPackaged = true;
  hasLock = true;
  quits = 0;
  exitCode: number | undefined;
  private releaseReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.releaseReady = resolve));

  constructor(private readonly userData: string) {
    super();
  }

  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.hasLock;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  fireReady(): void {
    this.calls.push('ready');
    this.releaseReady();
  }

  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return this.userData;
  }

  getVersion(): string {
    return '0.1.0-test';
  }

  readonly loginItems: { openAtLogin?: boolean }[] = [];

  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    this.loginItems.push(settings);
  }

  quit(): void {
    this.quits += 1;
    this.emit('before-quit', preventable());
  }

  exit(code: number): void {
    this.exitCode = code;
  }
}

/** Everything main.ts imports from `electron`, as fakes; pass to `jest.doMock('electron', …)`. */
export function fakeElectronRuntime(userData: string) {
  const app = new FakeElectronApp(userData);
  const ipcMain = new FakeIpcMain();
  const defaultSession = Object.assign(new FakeSession(), {
    protocol: {
      handle: jest.fn<void, [string, (request: { url: string; method: string }) => Promise<Response>]>(),
    },
  });
  const protocol = {
    registerSchemesAsPrivileged: jest.fn(() => {
      app.calls.push('registerSchemesAsPrivileged');
    }),
  };
  FakeBrowserWindow.created = [];
  FakeBrowserWindow.onContentsCreated = (contents) =>
    app.emit('web-contents-created', preventable(), contents);
  return {
    app,
    ipcMain,
    protocol,
    session: { defaultSession },
    BrowserWindow: FakeBrowserWindow,
    safeStorage: fakeSafeStorage(),
    Menu: { setApplicationMenu: jest.fn<void, [unknown]>() },
    powerMonitor: new EventEmitter(),
    powerSaveBlocker: new FakePowerSaveBlocker(),
  };
}

/** powerSaveBlocker: ids handed out, and which are still active. */
export class FakePowerSaveBlocker {
  readonly active = new Map<number, string>();
  private nextId = 1;

  start(type: string): number {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  }

  stop(id: number): boolean {
    return this.active.delete(id);
  }
}

/**
 * safeStorage as an OS key store would behave: what it wraps is not the plain text, and only it
 * unwraps it (here: XOR with a fixed byte behind a marker; `available: false` as on a Linux
 * without a secret service).
 */
export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  const MARK = 'fake-os-keystore:';
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain: string) =>
      Buffer.concat([Buffer.from(MARK), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]),
    decryptString: (wrapped: Buffer) => {
      if (!wrapped.subarray(0, MARK.length).equals(Buffer.from(MARK)))
        throw new Error('Error while decrypting');
      return Buffer.from(wrapped.subarray(MARK.length).map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
}

/** ipcRenderer's surface as the preload uses it, recording every channel invoked. */
export class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; params: unknown }[] = [];
  reply: (channel: string) => Promise<unknown> = () => Promise.resolve({ ok: true, value: 'pong' });

  invoke(channel: string, params: unknown): Promise<unknown> {
    this.invoked.push({ channel, params });
    return this.reply(channel);
  }

  readonly sentMessages: { channel: string; payload: unknown }[] = [];

  send(channel: string, payload: unknown): void {
    this.sentMessages.push({ channel, payload });
  }
}
