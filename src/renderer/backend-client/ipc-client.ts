import {
  API_METHODS,
  type ApiEvent,
  type ApiEventPayload,
  type ApiMethod,
  type ApiParams,
  type ApiResult,
} from '../../shared/api';
import {
  bluetoothChooserOfferSchema,
  PRELOAD_GLOBAL,
  type BluetoothChooserAnswer,
  type BluetoothChooserOffer,
  type PreloadBridge,
} from '../../shared/preload-api';
import { BackendCallError, ConnectionStateCell, type BackendClient } from './backend-client';
import { EventListeners } from './event-listeners';

/**
 * BackendClient over the Electron preload (`window.stationBackend`). IPC cannot drop while the
 * window lives, so the connection is always `open`. Results and events are schema-checked here as
 * well: the preload is ours, but the main process is a separate trust domain.
 */
export class IpcBackendClient implements BackendClient {
  readonly connection = new ConnectionStateCell('open');
  private readonly listeners = new EventListeners();
  private readonly bridgeUnsubscribes = new Map<ApiEvent, () => void>();

  constructor(private readonly bridge: PreloadBridge) {}

  async call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    const result = await this.bridge.invoke(method, params);
    if (!result.ok) throw BackendCallError.from(result.error);
    const parsed = API_METHODS[method].result.safeParse(result.value);
    if (!parsed.success)
      throw new BackendCallError('internal', `${method}: reply does not match the contract`);
    return parsed.data as ApiResult<M>;
  }

  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
    if (!this.bridgeUnsubscribes.has(event)) {
      // One preload subscription per event, however many listeners the UI adds.
      this.bridgeUnsubscribes.set(
        event,
        this.bridge.on(event, (payload) => this.listeners.deliver(event, payload)),
      );
    }
    const remove = this.listeners.add(event, listener);
    return () => {
      remove();
      if (this.listeners.count(event) === 0) {
        this.bridgeUnsubscribes.get(event)?.();
        this.bridgeUnsubscribes.delete(event);
      }
    };
  }

  close(): void {
    for (const unsubscribe of this.bridgeUnsubscribes.values()) unsubscribe();
    this.bridgeUnsubscribes.clear();
    this.connection.set('closed');
  }
}

/** The Electron Bluetooth chooser as the page uses it: offers arrive checked against the contract. */
export interface BluetoothChooserClient {
  /** Returns an unsubscribe function. */
  onDevices(listener: (offer: BluetoothChooserOffer) => void): () => void;
  /** Answers one offer: a device id it listed, or null to cancel. */
  choose(answer: BluetoothChooserAnswer): void;
}

/**
 * The preload's chooser, or null outside Electron (in a browser, Chromium shows its own chooser
 * and there is nothing to answer). An offer that does not match the schema is dropped: the main
 * process is a separate trust domain, and a request nobody answers is cancelled there on timeout.
 */
export function bluetoothChooserClient(win: Window = window): BluetoothChooserClient | null {
  const bridge = (win as unknown as Record<string, PreloadBridge | undefined>)[PRELOAD_GLOBAL];
  const chooser = bridge?.bluetoothChooser;
  if (chooser === undefined) return null;
  return {
    onDevices: (listener) =>
      chooser.onDevices((offer) => {
        const parsed = bluetoothChooserOfferSchema.safeParse(offer);
        if (parsed.success) listener(parsed.data);
      }),
    choose: (answer) => chooser.choose(answer),
  };
}
