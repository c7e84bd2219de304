import type { ApiEvent, ApiEventPayload, BackendEventSource, EventListener } from '../shared/api';
import { ListenerSet } from './listeners';

/** Typed fan-out of the backend's push events (API_EVENTS), one listener set per event. */
export class BackendEvents implements BackendEventSource {
  private readonly sets = new Map<ApiEvent, ListenerSet<[unknown]>>();

  on<E extends ApiEvent>(event: E, listener: EventListener<E>): () => void {
    return this.setFor(event).add(listener as (payload: unknown) => void);
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void {
    this.sets.get(event)?.emit(payload);
  }

  clear(): void {
    this.sets.clear();
  }

  private setFor(event: ApiEvent): ListenerSet<[unknown]> {
    let set = this.sets.get(event);
    if (!set) {
      set = new ListenerSet<[unknown]>();
      this.sets.set(event, set);
    }
    return set;
  }
}
