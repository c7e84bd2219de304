import { measureLevel } from '../call/media/level-meter';

/**
 * Listens to an audio track for a while and sums up what a person checking a microphone needs:
 * the loudest peak and the average level in dBFS, whether it stayed silent (peak under −60 dBFS
 * the whole time: muted or unplugged) and whether it clipped (samples at full scale).
 */
export const SILENCE_DBFS = -60;
const FLOOR_DBFS = -100;

export interface LevelSummary {
  readonly peakDbfs: number;
  readonly rmsDbfs: number;
  readonly silent: boolean;
  readonly clipping: boolean;
}

export function toDbfs(amplitude: number): number {
  return amplitude <= 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, Math.round(20 * Math.log10(amplitude) * 10) / 10);
}

/** Pure: the summary of a series of analysis windows (peak, rms, clipping of each). */
export function summarizeLevels(
  windows: readonly { peak: number; rms: number; clipping: boolean }[],
): LevelSummary {
  const peak = windows.reduce((max, w) => Math.max(max, w.peak), 0);
  const meanSquare =
    windows.length === 0 ? 0 : windows.reduce((sum, w) => sum + w.rms * w.rms, 0) / windows.length;
  const peakDbfs = toDbfs(peak);
  return {
    peakDbfs,
    rmsDbfs: toDbfs(Math.sqrt(meanSquare)),
    silent: peakDbfs < SILENCE_DBFS,
    clipping: windows.some((w) => w.clipping),
  };
}

export async function listenToLevel(stream: MediaStream, durationMs: number): Promise<LevelSummary> {
  const context = new AudioContext();
  try {
    await context.resume().catch(() => undefined);
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const buffer = new Float32Array(analyser.fftSize);
    const windows: { peak: number; rms: number; clipping: boolean }[] = [];
    await new Promise<void>((resolve) => {
      // An analysis window is ~43 ms at 48 kHz: reading every 40 ms sees nearly every sample.
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(buffer);
        windows.push(measureLevel(buffer));
      }, 40);
      setTimeout(() => {
        clearInterval(timer);
        resolve();
      }, durationMs);
    });
    return summarizeLevels(windows);
  } finally {
    void context.close();
  }
}
