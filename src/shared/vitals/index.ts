/** The vitals data channel: compact binary batches, acks, replay after reconnect, clock sync. */
export { decodeMessage, encodeMessage, encodeDictMessages } from './codec';
export { BatchWriter } from './batch-writer';
export { EncoderDictionary } from './encoder-dictionary';
export { DecoderDictionary } from './decoder-dictionary';
export {
  VitalsSender,
  type SenderState,
  type VitalsSenderOptions,
  type VitalsSenderStats,
} from './vitals-sender';
export { VitalsReceiver, type VitalsReceiverOptions, type VitalsReceiverStats } from './vitals-receiver';
export { ClockSync, type ClockSample } from './clock-sync';
export type * from './messages';
export { WIRE_VERSION, LIMITS } from './wire-format';
export { VITALS_BATCHING } from './batching';
