/**
 * The call's life as a pure reducer, so both screens say the same thing about the same situation
 * (in words: `callMessages.callState`) and every transition is testable without a browser:
 *
 *   idle → inviting → connecting → connected ⇄ interrupted ⇄ reconnecting → ended(reason)
 *
 * `inviting` is the station waiting for the consultant to open the link; the consultant starts in
 * `connecting`. `interrupted`: nothing has arrived on the link for a moment (it may come back by
 * itself, or with an ICE restart); `reconnecting`: the link is being rebuilt (a new peer). Neither
 * ends the call: the call session comes back without user action, for as long as it lasts. Only a
 * hang-up, a refusal by the rendezvous server, a media failure or the end of the consultation ends it.
 */
export type CallPhase =
  'idle' | 'inviting' | 'connecting' | 'connected' | 'interrupted' | 'reconnecting' | 'ended';

export type EndReason =
  | 'hung-up' // this side pressed "end call"
  | 'remote-hung-up' // the other side said goodbye on the control channel
  | 'rejected' // the rendezvous server refused the token (bad, expired, replayed, room full): `detail` is its code
  | 'taken-over' // the same seat was taken by a newer page (another tab, a duplicated tab)
  | 'media-error' // camera or microphone could not be opened
  | 'consultation-closed'; // the station ended the consultation: the call ends with it

export interface CallState {
  readonly phase: CallPhase;
  readonly endReason: EndReason | null;
  /** Human-readable detail for the banner (the server's error message, the media error). */
  readonly detail: string | null;
  /** Video could not be sustained: the call carries audio and vitals only, and says so. */
  readonly audioOnly: boolean;
  /** Rejoins since the last time the call was connected. */
  readonly reconnectAttempts: number;
}

export type CallEvent =
  | { readonly type: 'invite' }
  | { readonly type: 'join' }
  | { readonly type: 'peer-connected' }
  | { readonly type: 'link-interrupted'; readonly detail?: string }
  | { readonly type: 'link-lost'; readonly detail?: string }
  /** The station was moved to a new room: it waits for a doctor again. */
  | { readonly type: 'room-changed' }
  | { readonly type: 'rejoin' }
  | { readonly type: 'audio-only'; readonly on: boolean }
  | { readonly type: 'end'; readonly reason: EndReason; readonly detail?: string }
  | { readonly type: 'reset' };

export const INITIAL_CALL_STATE: CallState = {
  phase: 'idle',
  endReason: null,
  detail: null,
  audioOnly: false,
  reconnectAttempts: 0,
};

export function callReducer(state: CallState, event: CallEvent): CallState {
  if (event.type === 'reset') return INITIAL_CALL_STATE;
  if (state.phase === 'ended') return state; // an ended call only leaves through reset
  switch (event.type) {
    case 'invite':
      return state.phase === 'idle' ? { ...state, phase: 'inviting' } : state;
    case 'join':
      return state.phase === 'idle' ? { ...state, phase: 'connecting' } : state;
    case 'peer-connected':
      return { ...state, phase: 'connected', detail: null, reconnectAttempts: 0 };
    case 'link-interrupted':
      return state.phase === 'connected'
        ? { ...state, phase: 'interrupted', detail: event.detail ?? null }
        : state;
    case 'link-lost':
      // Before the first connection there is nothing to "re"connect: keep waiting where we are.
      if (!wasConnected(state)) return state;
      return { ...state, phase: 'reconnecting', detail: event.detail ?? null };
    case 'room-changed':
      return { ...state, phase: 'inviting', detail: null, reconnectAttempts: 0 };
    case 'rejoin':
      return wasConnected(state) ? { ...state, reconnectAttempts: state.reconnectAttempts + 1 } : state;
    case 'audio-only':
      return state.audioOnly === event.on ? state : { ...state, audioOnly: event.on };
    case 'end':
      return { ...state, phase: 'ended', endReason: event.reason, detail: event.detail ?? null };
  }
}

function wasConnected(state: CallState): boolean {
  return state.phase === 'connected' || state.phase === 'interrupted' || state.phase === 'reconnecting';
}

/**
 * Whether the station's single-use link is still waiting for its doctor: once the doctor has
 * joined (or the call ended) the link is spent, so the screen no longer offers it. A move to a new
 * room waits again, with a new link.
 */
export function awaitingDoctor(phase: CallPhase): boolean {
  return phase === 'idle' || phase === 'inviting' || phase === 'connecting';
}

/** Whether the call was up and is now waiting for its link to come back. */
export function linkDown(phase: CallPhase): boolean {
  return phase === 'interrupted' || phase === 'reconnecting';
}
