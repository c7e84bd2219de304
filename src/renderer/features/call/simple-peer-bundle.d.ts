/**
 * Types for simple-peer's prebuilt browser bundle, which needs no Node polyfills in Vite
 * (reference/build-environment.md). Only what peer.ts uses; @types/simple-peer drags in Node's
 * stream types, which the DOM-only renderer must not see.
 */
declare module 'simple-peer/simplepeer.min.js' {
  interface SimplePeerOptions {
    initiator?: boolean;
    config?: RTCConfiguration;
    streams?: MediaStream[];
    trickle?: boolean;
    channelConfig?: RTCDataChannelInit;
    sdpTransform?: (sdp: string) => string;
  }

  class SimplePeer {
    constructor(options?: SimplePeerOptions);
    readonly destroyed: boolean;
    readonly connected: boolean;
    /** simple-peer's own connection (underscored, but stable across 9.x and the maintained fork). */
    readonly _pc: RTCPeerConnection;
    /** Starts a renegotiation (the initiator offers; an answerer asks the initiator to). */
    negotiate(): void;
    signal(data: unknown): void;
    send(data: Uint8Array | string): void;
    getStats(callback: (error: Error | null, reports: Record<string, unknown>[]) => void): void;
    destroy(error?: Error): void;
    on(event: 'signal', listener: (data: Record<string, unknown>) => void): this;
    on(event: 'connect' | 'close', listener: () => void): this;
    on(event: 'data', listener: (data: Uint8Array | string) => void): this;
    on(event: 'track', listener: (track: MediaStreamTrack, stream: MediaStream) => void): this;
    on(
      event: 'iceStateChange',
      listener: (connection: RTCIceConnectionState, gathering: string) => void,
    ): this;
    on(event: 'error', listener: (error: Error & { code?: string }) => void): this;
  }

  export default SimplePeer;
}
