/**
 * Issue 14's thresholds that the call does not meet yet, by scenario id, each measured failing on
 * this machine (the figures are in the test output and `npm run bench -- network`). The spec
 * asserts that each still fails, so a change that makes one hold must take it off this list.
 */
export const KNOWN_GAPS: Readonly<Record<string, readonly string[]>> = {
  // Measured: stethoscope 43 % concealed, vitals p99 7.2 s, video frozen (0 fps) while the banners
  // still say "Connected".
  'cap-150': [
    'stethoscope concealed ≤ 5 %',
    'vitals on screen: latency p99 ≤ 1000 ms',
    "the station's page says audio and vitals only, video paused",
    "the doctor's page says audio and vitals only, video paused",
  ],
  // Measured: back 2.0–2.6 s after the link returned, but "reconnecting" shown only 6.5–6.9 s
  // into the cut (ICE "disconnected").
  'cut-20': [
    "the station's page shows the interruption ≤ 2 s after the cut",
    "the doctor's page shows the interruption ≤ 2 s after the cut",
  ],
  // Measured: the doctor's page ended the call ("this invite was already used"), the station stayed
  // "reconnecting", the vitals from the cut on never reached the doctor.
  'cut-150': [
    "the doctor's page never ended the call",
    'vitals: caught up at the end',
    'call back ≤ 5 s after the link returns',
    "the station's page shows the interruption ≤ 2 s after the cut",
    "the doctor's page shows the interruption ≤ 2 s after the cut",
  ],
  // Measured: the reloaded page has no invitation; the station says "the other side ended the call".
  'doctor-f5': [
    "the station's page never ended the call",
    'vitals: caught up at the end',
    'call back ≤ 15 s without a new link',
  ],
  // Measured: the reopened tab (its address and sessionStorage back, as a browser restores them)
  // has no invitation; the station says "the other side ended the call".
  'doctor-reopen': [
    "the station's page never ended the call",
    'vitals: caught up at the end',
    'call back ≤ 15 s without a new link',
  ],
  // Measured: the reloaded station page does not rejoin; the doctor stays on "reconnecting".
  'station-reload': ['vitals: caught up at the end', 'call back ≤ 15 s without a new link'],
};
