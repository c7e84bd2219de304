import { createEventLog } from '../../../src/core/signaling/event-log';
import { createRendezvousMetrics } from '../../../src/core/signaling/rendezvous-metrics';
import { createNodeTelemetry } from '../../../src/core/signaling/rendezvous-telemetry';

/** The room logic's observer events, as metrics, log lines and readiness. */
describe('rendezvous node telemetry', () => {
  const setup = () => {
    const lines: string[] = [];
    const metrics = createRendezvousMetrics({ sockets: () => 0, rooms: () => 0 }, { processMetrics: false });
    const telemetry = createNodeTelemetry(
      metrics,
      createEventLog(
        (line) => lines.push(line),
        'json',
        () => 0,
      ),
    );
    const events = () => lines.map((line) => (JSON.parse(line) as { event: string }).event);
    return { metrics, telemetry, events, text: async () => (await metrics.scrape()).body };
  };

  it('counts joins, refusals by code, seat ends and relay latency by path', async () => {
    const { telemetry, text, events } = setup();
    const observer = telemetry.observer;
    observer.joinAccepted?.({ how: 'join', role: 'station' });
    observer.joinAccepted?.({ how: 'resume', role: 'consultant' });
    observer.joinRefused?.({ how: 'join', code: 'replayed-token' });
    observer.socketRefused?.('server-busy');
    observer.seatEnded?.({ code: 'seat-taken-over' });
    observer.roomClosed?.();
    observer.signalRelayed?.({ latencyMs: 0.2, crossNode: false });
    observer.signalRelayed?.({ latencyMs: 3, crossNode: true });
    observer.storeRoundTrip?.({ latencyMs: 0.7, ok: true });
    observer.storeRoundTrip?.({ latencyMs: 1000, ok: false });
    const body = await text();
    expect(body).toContain('station_rendezvous_joins_total{kind="join",result="accepted",code=""} 1');
    expect(body).toContain('station_rendezvous_joins_total{kind="resume",result="accepted",code=""} 1');
    expect(body).toContain(
      'station_rendezvous_joins_total{kind="join",result="refused",code="replayed-token"} 1',
    );
    expect(body).toContain('station_rendezvous_socket_refusals_total{reason="server-busy"} 1');
    expect(body).toContain('station_rendezvous_seats_ended_total{code="seat-taken-over"} 1');
    expect(body).toContain('station_rendezvous_rooms_closed_total 1');
    expect(body).toContain('station_rendezvous_relay_latency_seconds_count{path="local"} 1');
    expect(body).toContain('station_rendezvous_relay_latency_seconds_bucket{le="0.005",path="cross-node"} 1');
    expect(body).toContain('station_rendezvous_redis_round_trip_seconds_count 2');
    expect(body).toContain('station_rendezvous_redis_errors_total 1');
    expect(events()).toEqual([]); // no line per join or refusal
  });

  it('is not ready while Redis was last seen unreachable or once draining, and says so once', async () => {
    const { telemetry, text, events } = setup();
    expect(telemetry.notReadyReasons()).toEqual([]);
    telemetry.observer.storeAvailability?.(true);
    telemetry.observer.storeAvailability?.(false);
    telemetry.observer.storeAvailability?.(false);
    expect(telemetry.notReadyReasons()).toEqual(['redis-unreachable']);
    expect(await text()).toMatch(/^station_rendezvous_redis_up 0$/m);
    telemetry.observer.storeAvailability?.(true);
    telemetry.observer.draining?.();
    telemetry.markDraining();
    expect(telemetry.notReadyReasons()).toEqual(['draining']);
    expect(await text()).toMatch(/^station_rendezvous_draining 1$/m);
    expect(events()).toEqual(['redis.unreachable', 'redis.reachable', 'rendezvous.draining']);
  });
});
