import { API_EVENTS, type ApiEvent, type ApiEventPayload } from '../../shared/api';

type AnyListener = (payload: never) => void;

/**
 * Event fan-out shared by both clients: validates an incoming payload against its contract schema
 * once, then hands it to every listener. A listener that throws does not starve the others.
 */
export class EventListeners {
  private readonly byEvent = new Map<ApiEvent, Set<AnyListener>>();

  add<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
    const set = this.byEvent.get(event) ?? new Set<AnyListener>();
    this.byEvent.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  count(event: ApiEvent): number {
    return this.byEvent.get(event)?.size ?? 0;
  }

  /** Returns false when the payload failed its schema (it is then not delivered). */
  deliver(event: ApiEvent, payload: unknown): boolean {
    if (this.count(event) === 0) return true; // nobody listens: skip the validation cost
    const parsed = API_EVENTS[event].safeParse(payload);
    if (!parsed.success) {
      console.warn(`backend event ${event} rejected: payload does not match the contract`);
      return false;
    }
    for (const listener of [...(this.byEvent.get(event) ?? [])]) {
      try {
        (listener as (payload: unknown) => void)(parsed.data);
      } catch (cause) {
        console.error(`listener for ${event} failed`, cause);
      }
    }
    return true;
  }
}
