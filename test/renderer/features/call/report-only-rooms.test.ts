import type { BackendClient } from '../../../../src/renderer/backend-client/backend-client';
import {
  MAX_REPORT_ONLY_ROOMS,
  ReportOnlyRooms,
} from '../../../../src/renderer/features/call/report-only-rooms';

/** The responder without a peer: the registry's bookkeeping is what is tested here. */
const made: FakeResponder[] = [];
class FakeResponder {
  started = false;
  disposed = false;
  constructor(
    readonly client: unknown,
    readonly reportSession: string,
    readonly consultationId: string,
    readonly relayOnly: boolean,
    private readonly onEnded: () => void,
    readonly onWindow: (closesAt: string) => void,
  ) {
    made.push(this);
  }
  start(): void {
    this.started = true;
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onEnded();
  }
}
jest.mock('../../../../src/renderer/features/call/report-only-responder', () => ({
  ReportOnlyResponder: jest.fn(
    (...args: ConstructorParameters<typeof FakeResponder>) => new FakeResponder(...args),
  ),
}));

const T0 = Date.parse('2026-11-25T10:00:00.000Z');
const id = (n: number): string => n.toString(16).padStart(32, '0');

describe('the station page’s report-only rooms', () => {
  beforeEach(() => {
    made.length = 0;
    jest.useFakeTimers({ now: T0 });
  });
  afterEach(() => jest.useRealTimers());

  const rooms = () => {
    const client = {
      call: jest.fn((method: string, params: { id: string }) =>
        Promise.resolve({
          session: `session-${params.id}`.slice(0, 40),
          consultantUrl: 'https://station.test/consultant.html#report=t',
          consultantToken: 't',
          windowClosesAt: null,
          method,
        }),
      ),
    } as unknown as BackendClient;
    return {
      client,
      registry: new ReportOnlyRooms(
        () => client,
        () => Date.now(),
      ),
    };
  };

  it('seats one responder per session, several consultations at once, and says which', async () => {
    const { registry } = rooms();
    await registry.open(id(1));
    registry.seat({ session: 'sessionB0123456789abc', consultationId: id(2) });
    registry.seat({ session: 'sessionB0123456789abc', consultationId: id(2) }); // twice: one seat
    expect(made).toHaveLength(2);
    expect(made.every((r) => r.started)).toBe(true);
    expect(registry.seated.getSnapshot()).toEqual([id(1), id(2)]);
  });

  it('leaves the room when the window closes, as the backend said at the join', () => {
    const { registry } = rooms();
    registry.seat({ session: 'sessionA0123456789abc', consultationId: id(1) });
    const responder = made[0];
    responder.onWindow(new Date(T0 + 3_600_000).toISOString());
    jest.advanceTimersByTime(3_600_000 - 1);
    expect(responder.disposed).toBe(false);
    jest.advanceTimersByTime(1);
    expect(responder.disposed).toBe(true);
    expect(registry.seated.getSnapshot()).toEqual([]);
  });

  it('re-arms a window longer than a timer can wait (30 days), never firing early', () => {
    const { registry } = rooms();
    registry.seat({ session: 'sessionA0123456789abc', consultationId: id(1) });
    const responder = made[0];
    responder.onWindow(new Date(T0 + 30 * 86_400_000).toISOString());
    jest.advanceTimersByTime(29 * 86_400_000);
    expect(responder.disposed).toBe(false);
    jest.advanceTimersByTime(86_400_000);
    expect(responder.disposed).toBe(true);
  });

  it('keeps at most MAX_REPORT_ONLY_ROOMS: the oldest leaves first', () => {
    const { registry } = rooms();
    for (let n = 0; n <= MAX_REPORT_ONLY_ROOMS; n += 1)
      registry.seat({ session: `session${String(n).padStart(16, '0')}`, consultationId: id(n) });
    expect(made[0]?.disposed).toBe(true);
    expect(made.slice(1).every((r) => !r.disposed)).toBe(true);
    expect(registry.seated.getSnapshot()).toHaveLength(MAX_REPORT_ONLY_ROOMS);
  });
});
