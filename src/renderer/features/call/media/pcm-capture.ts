import { joinSamples } from './wav-encoder';

/**
 * Raw PCM from a local input for a fixed time: a MediaStream source into a ScriptProcessorNode
 * that copies each block out untouched (no gain, no filter, no resampling beyond the context's
 * own rate). ScriptProcessor rather than an AudioWorklet: a worklet needs its own module URL,
 * which the station's content security policy does not allow, and a few seconds of mono audio
 * is no load for the main thread.
 */
export interface PcmRecording {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

const BLOCK = 4096;

export async function capturePcm(
  stream: MediaStream,
  seconds: number,
  onProgress?: (recordedS: number) => void,
): Promise<PcmRecording> {
  if (stream.getAudioTracks().length === 0) throw new Error('the input has no audio track');
  const context = new AudioContext();
  try {
    await context.resume(); // the click that asked for it is the user gesture
    const wanted = Math.round(seconds * context.sampleRate);
    const source = context.createMediaStreamSource(stream);
    const processor = context.createScriptProcessor(BLOCK, 1, 1);
    // The processor only runs when connected to the output: through a muted gain, so the station
    // never plays the stethoscope into the room (it would feed back into the microphone).
    const mute = context.createGain();
    mute.gain.value = 0;
    const blocks: Float32Array[] = [];
    let recorded = 0;
    const done = new Promise<void>((resolve, reject) => {
      const watchdog = setTimeout(
        () => reject(new Error('the input delivered no audio')),
        (seconds + 5) * 1000,
      );
      processor.onaudioprocess = (event) => {
        if (recorded >= wanted) return;
        const block = event.inputBuffer.getChannelData(0).slice();
        blocks.push(block);
        recorded += block.length;
        onProgress?.(Math.min(recorded, wanted) / context.sampleRate);
        if (recorded >= wanted) {
          clearTimeout(watchdog);
          resolve();
        }
      };
    });
    source.connect(processor);
    processor.connect(mute);
    mute.connect(context.destination);
    try {
      await done;
    } finally {
      processor.onaudioprocess = null;
      source.disconnect();
      processor.disconnect();
      mute.disconnect();
    }
    return { samples: joinSamples(blocks, wanted), sampleRate: context.sampleRate };
  } finally {
    await context.close();
  }
}
