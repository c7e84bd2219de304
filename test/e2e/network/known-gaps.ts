/**
 * Issue 14's thresholds the call does not meet yet.
 *
 * KNOWN_GAPS: checks that failed on every run here, by scenario id; the spec measures and prints
 * them without asserting (near its bound, one may hold on a lucky run), and notes when one holds.
 *
 * NOT_YET_ASSERTED: scenarios whose figures sit too close to a threshold to call either way run
 * after run: the spec skips them, saying why, and `npm run bench -- network` measures them.
 */
export const KNOWN_GAPS: Readonly<Record<string, readonly string[]>> = {
  // Measured at 150 kbit/s for 20 s, with the latest-value channel and the quality ladder: vitals
  // on screen p99 2.3 s and 2.7 s (the seconds before the ladder steps down hold them back); the
  // stethoscope 2.6 % concealed and both pages "audio and vitals only" hold. With the second live
  // copy after 400 ms and the ladder's step on a sudden fall of the estimate (2026-12-06, shared
  // machine at load 15–22): p99 815 ms, 839 ms, then 2428 ms on a run whose station page was
  // starved (190 batches where ~300 were due; stethoscope 9.5 % concealed that run). Not every run.
  // With wire format 2 (2026-12-06 07:41, load 16–20): p99 3821 ms (p50 34, max 6885) and 2300 ms
  // (p50 114, max 2904); stethoscope 0.3 % and 0.1 %; 246 and 210 batches, none lost or duplicated.
  'cap-150': ['vitals on screen: latency p99 ≤ 1000 ms'],
};

export const NOT_YET_ASSERTED: Readonly<Record<string, string>> = {
  // 'cut-150' is asserted again (2026-12-06, 2 shared cores): back 0.8 s on main, then with the
  // station's vitals replay sent in steps (vitals-link.ts) 1.9, 0.6, 0.7 and 1.2 s after the link
  // returned at load 15–43; the 0.7 s run saw the station say "interrupted" 4.6 s after the cut at
  // load ~43 (the 2 s bound the 20 s cut asserts too). docs/call-resilience.md has every run.
};
