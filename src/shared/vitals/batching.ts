/**
 * How the station batches readings for the doctor: one configuration, used by the station's
 * vitals link and by `npm run bench -- vitals`, so the bench measures what ships.
 *
 * Chosen from `npm run bench -- vitals` (VITALS-CHANNEL.md §6): every message costs ~60–90 bytes
 * below the payload (SCTP chunk and packet headers, DTLS record, UDP/IP), so on a thin link the
 * message rate matters more than the payload. A 100 ms window sends 10 messages a second for one
 * oximeter (2.7 kbit/s of payload, ~9.7 kbit/s on the wire) instead of 50 with no window (5.9 and
 * ~41 kbit/s); a 3-lead ECG needs 9.0 (~15 on the wire). It holds a reading back 50 ms on average,
 * 100 ms at most: less than the video's own delay, and invisible on a sweeping trace. 200 ms would
 * save another ~4 kbit/s on the wire for a visible stutter of the trace; 50 ms costs ~5 more.
 */
export const VITALS_BATCHING = {
  batchWindowMs: 100,
  /**
   * A batch sent on the latest-value channel and not acknowledged this long after goes there once
   * more. Measured at 150 kbit/s (issue 14): while the link's queue is full (~400 ms) about one live
   * message in sixteen is dropped, and its backfill reached the screen 1.3–2.3 s late. A second
   * copy 400 ms later, in another packet, arrives ~0.8 s after the first would have. On a clean
   * link the receiver's ack (within ~250 ms of a delivery) comes first and nothing is sent twice;
   * on a longer round trip the sender waits that much longer (the fastest ack's round trip). Once
   * the acks come back later than that (the queues are full both ways), every batch is resent
   * anyway, so the sender sends the second copy one batch window after the first: at 150 kbit/s
   * (network lab) a batch whose first copy was dropped reached the screen ~0.5 s late instead of
   * ~0.8 s, for the same bytes. A third copy (7 runs) improved neither the live view nor the
   * stragglers (those dropped in the second before the ladder stepped down lost every copy) and
   * cost a third more vitals bytes on a full link.
   */
  liveResendAfterMs: 400,
  /** A batch sent on the latest-value channel and not acknowledged this long after goes reliably. */
  backfillAfterMs: 1000,
} as const;
