/**
 * Level of the stethoscope input, read from an AnalyserNode. Clipping (samples at full scale)
 * sounds like scratchy clicks at the doctor's end; the nurse sets the gain from this meter
 * (reference/market-and-standards.md §A4).
 */
export const CLIPPING_THRESHOLD = 0.98;

export interface Level {
  /** 0..1 peak of the last analysis window. */
  readonly peak: number;
  readonly rms: number;
  readonly clipping: boolean;
}

export function measureLevel(samples: Float32Array): Level {
  let peak = 0;
  let sumSquares = 0;
  for (const sample of samples) {
    const magnitude = Math.abs(sample);
    if (magnitude > peak) peak = magnitude;
    sumSquares += sample * sample;
  }
  const rms = samples.length === 0 ? 0 : Math.sqrt(sumSquares / samples.length);
  return { peak, rms, clipping: peak >= CLIPPING_THRESHOLD };
}

export class LevelMeter {
  private readonly context: AudioContext;
  private readonly analyser: AnalyserNode;
  private readonly buffer: Float32Array<ArrayBuffer>;

  constructor(stream: MediaStream) {
    this.context = new AudioContext();
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.buffer = new Float32Array(this.analyser.fftSize);
    this.context.createMediaStreamSource(stream).connect(this.analyser);
  }

  read(): Level {
    this.analyser.getFloatTimeDomainData(this.buffer);
    return measureLevel(this.buffer);
  }

  close(): void {
    void this.context.close();
  }
}
