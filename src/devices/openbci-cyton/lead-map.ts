import type { MetricId } from '../../shared/domain/metrics';
import { ADS1299_GAINS, CHANNELS, DEFAULT_GAIN, type Ads1299Gain } from './constants';

/**
 * Which Cyton channel carries which ECG lead is a matter of how the electrodes are wired, not of
 * the protocol: the driver takes it as configuration. Channels not in the map are not emitted.
 */
export type LeadMap = Readonly<Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, MetricId>>>;

export const DEFAULT_LEAD_MAP: LeadMap = Object.freeze({
  1: 'MDC_ECG_ELEC_POTL_I',
  2: 'MDC_ECG_ELEC_POTL_II',
  3: 'MDC_ECG_ELEC_POTL_III',
});

export interface CytonOptions {
  readonly leadMap?: LeadMap;
  /** ADS1299 gain the board's channels are set to (24 after a soft reset). */
  readonly gain?: Ads1299Gain;
}

export interface MappedLead {
  /** 0-based channel index. */
  readonly channel: number;
  readonly metric: MetricId;
}

/** Validated, channel-ordered leads; throws a TypeError on a bad map (a configuration error). */
export function mappedLeads(leadMap: LeadMap = DEFAULT_LEAD_MAP): MappedLead[] {
  const leads: MappedLead[] = [];
  for (const [key, metric] of Object.entries(leadMap)) {
    const channel = Number(key);
    if (!Number.isInteger(channel) || channel < 1 || channel > CHANNELS) {
      throw new TypeError(`Cyton lead map: channel must be 1..${CHANNELS}, got ${key}`);
    }
    if (metric === undefined) continue;
    if (!metric.startsWith('MDC_ECG_ELEC_POTL')) {
      throw new TypeError(`Cyton lead map: channel ${channel} maps to ${metric}, not an ECG lead`);
    }
    if (leads.some((lead) => lead.metric === metric)) {
      throw new TypeError(`Cyton lead map: ${metric} is mapped to two channels`);
    }
    leads.push({ channel: channel - 1, metric });
  }
  if (leads.length === 0) throw new TypeError('Cyton lead map: no channel is mapped to a lead');
  return leads.sort((a, b) => a.channel - b.channel);
}

export function checkGain(gain: number = DEFAULT_GAIN): Ads1299Gain {
  if (!(ADS1299_GAINS as readonly number[]).includes(gain)) {
    throw new TypeError(`Cyton gain must be one of ${ADS1299_GAINS.join(', ')}, got ${gain}`);
  }
  return gain as Ads1299Gain;
}
