import type { DecodeEvent, Decoder, DecoderStats } from '../driver';
import { EcgReadingEmitter } from '../ecg/ecg-readings';
import { ByteRemainder } from '../framing/byte-remainder';
import { FrameTable } from '../framing/frame-table';
import { SampleClock } from '../framing/sample-clock';
import { BoardTextCollector, messageEvents } from './board-text';
import { HEADER, OFFSET, PACKET_LENGTH, SAMPLES_PER_S, SAMPLE_STEPS_PER_MV } from './constants';
import { channelCounts, isPacketAt, mvPerCount, scaleCounts } from './frames';
import { deriveLimbLeads } from '../ecg/derived-leads';
import {
  checkGain,
  DERIVED,
  outputLeads,
  type CytonOptions,
  type DerivedLead,
  type MappedLead,
} from './lead-map';

/** Stats plus packets the sample numbers say never arrived. */
export interface CytonDecoderStats extends DecoderStats {
  readonly lostPackets: number;
}

/**
 * Streaming decoder for the Cyton dongle stream: 33-byte packets, with the board's `$$$`-ended text
 * replies between them. There is no checksum, so a packet is taken only when it is in sync: right
 * after an accepted packet, or continuing the last sample number, or confirmed by another packet
 * right behind it; a 0xA0…0xCX shape inside garbage is otherwise skipped. A step in the sample
 * number other than +1 is lost packets: the waveform run breaks and `lostPackets` counts them.
 * Two passes per push (boundaries, then timed samples), as in the Contec decoders.
 */
export class CytonDecoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly clock = new SampleClock(SAMPLES_PER_S);
  private readonly text = new BoardTextCollector();
  private readonly readings: EcgReadingEmitter;
  private readonly leads: readonly (MappedLead | DerivedLead)[];
  /** Leads I and II are values 0 and 1, and III, aVR, aVL, aVF are computed into 2..5. */
  private readonly derive: boolean;
  private readonly stepsPerCount: number;
  private readonly values: number[];
  /** This push's accepted packets (pass 1), for pass 2. */
  private readonly found = new FrameTable(512);
  /** The previous accepted packet ended exactly where the scan is: the next packet is in sync. */
  private synced = false;
  private lastSampleNumber = -1;
  private keepFrom = 0;
  /** Set by pass 1: a whole packet at `keepFrom` waits for the next one to confirm it. */
  private holding = false;
  /** The time slot already given to that held packet. */
  private reservedMs: number | null = null;
  private counts = { frames: 0, dropped: 0, skippedBytes: 0, lostPackets: 0 };

  constructor(deviceId: string, options: CytonOptions = {}) {
    this.leads = outputLeads(options);
    this.derive = options.deriveLimbLeads === true;
    this.stepsPerCount = mvPerCount(checkGain(options.gain)) * SAMPLE_STEPS_PER_MV;
    this.values = this.leads.map(() => 0);
    const leads = this.leads.map((lead) => ({ metric: lead.metric, unit: 'mV' }));
    this.readings = new EcgReadingEmitter(deviceId, leads, SAMPLES_PER_S);
  }

  get stats(): CytonDecoderStats {
    return { ...this.counts, skippedBytes: this.counts.skippedBytes + this.text.skipped };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    const { found } = this;
    this.findPackets(bytes, events);
    // A packet held for confirmation got its time slot in the push that completed it (its
    // arrival time is that push's); it is decoded at that time once confirmed.
    const reserved = this.reservedMs;
    const firstReserved = reserved !== null && found.count > 0 && found.offsets[0] === 0;
    const stillHeld = reserved !== null && this.holding && this.keepFrom === 0;
    const reserveNow = this.holding && !stillHeld;
    const slots = (reserveNow ? 1 : 0) + found.slots(firstReserved ? 1 : 0);
    const firstMs = this.clock.place(atMs, slots);
    let slot = 0;
    for (let f = 0; f < found.count; f++) {
      const lost = found.lostBefore[f];
      if (lost > 0) this.readings.endRun(events);
      if (f === 0 && firstReserved) {
        this.decodePacket(bytes, 0, reserved);
        continue;
      }
      slot += lost;
      this.decodePacket(bytes, found.offsets[f], firstMs + slot * this.clock.periodMs);
      slot++;
    }
    this.reservedMs = reserveNow ? firstMs + slot * this.clock.periodMs : stillHeld ? reserved : null;
    this.readings.endRun(events);
    this.remainder.keep(bytes, this.keepFrom);
    return events;
  }

  reset(): void {
    this.remainder.clear();
    this.clock.reset();
    this.text.reset();
    this.readings.reset();
    this.synced = false;
    this.lastSampleNumber = -1;
    this.holding = false;
    this.reservedMs = null;
  }

  /** Pass 1: packet boundaries and board text; the accepted packets into `found`. */
  private findPackets(bytes: Uint8Array, events: DecodeEvent[]): void {
    const end = bytes.length;
    this.found.clear();
    let i = 0;
    this.holding = false;
    while (i < end) {
      if (bytes[i] === HEADER) {
        if (i + PACKET_LENGTH > end) break;
        const verdict = this.judge(bytes, i, end);
        if (verdict === WAIT) {
          this.holding = true;
          break;
        }
        if (verdict === ACCEPT) {
          const sampleNumber = bytes[i + OFFSET.sampleNumber];
          const lost = this.lastSampleNumber < 0 ? 0 : (sampleNumber - this.lastSampleNumber - 1) & 0xff;
          if (lost === 0xff) {
            // The same sample number twice: a repeated packet carries no new sample.
            this.drop(events, `sample number ${sampleNumber} repeated`);
          } else {
            this.found.add(i, lost);
            this.counts.lostPackets += lost;
          }
          this.text.discard(0);
          this.lastSampleNumber = sampleNumber;
          this.synced = true;
          i += PACKET_LENGTH;
          continue;
        }
        if (this.synced) this.drop(events, 'packet in sync has no 0xCX footer');
      }
      this.synced = false;
      const message = this.text.add(bytes[i]);
      if (message !== null) {
        this.counts.frames++;
        // A reply means the stream was stopped or the board reset: no sample-number gap across it.
        this.lastSampleNumber = -1;
        messageEvents(message, events);
      }
      i++;
    }
    this.keepFrom = i;
  }

  /** Whether the 0xA0 at `i` (33 bytes available) starts a packet to take. */
  private judge(bytes: Uint8Array, i: number, end: number): Verdict {
    if (!isPacketAt(bytes, i)) return REJECT;
    if (this.synced) return ACCEPT;
    const last = this.lastSampleNumber;
    if (last >= 0 && ((bytes[i + OFFSET.sampleNumber] - last) & 0xff) === 1) return ACCEPT;
    const next = i + PACKET_LENGTH;
    if (next + PACKET_LENGTH > end) return WAIT;
    return isPacketAt(bytes, next) ? ACCEPT : REJECT;
  }

  /** Pass 2: one packet measured at `timeMs`. */
  private decodePacket(bytes: Uint8Array, offset: number, timeMs: number): void {
    const { leads, values, stepsPerCount } = this;
    for (let k = 0; k < leads.length; k++) {
      const { channel } = leads[k];
      if (channel !== DERIVED) values[k] = scaleCounts(channelCounts(bytes, offset, channel), stepsPerCount);
    }
    if (this.derive) deriveLimbLeads(values[0], values[1], SAMPLE_STEPS_PER_MV, values, 2);
    this.counts.frames++;
    this.readings.add(values, timeMs);
  }

  private drop(events: DecodeEvent[], detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code: 'malformed', detail });
  }
}

const ACCEPT = 0;
const REJECT = 1;
const WAIT = 2;
type Verdict = typeof ACCEPT | typeof REJECT | typeof WAIT;
