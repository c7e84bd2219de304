import { checkItem, type CheckItem } from '../../../shared/domain/equipment-check';
import type { Formatter } from '../../../shared/i18n';
import { stethoscopeConstraints } from '../call/media/constraints';
import { listenToLevel } from './audio-level';
import { reasonOf } from './failure-reason';
import type { CheckMessages } from './check-messages';

/**
 * The microphone (level, silence, clipping over 2 s), the speakers (a test tone, then the person
 * says whether they heard it) and the stethoscope input (the same level checks, and the voice
 * processing ACTUALLY off in the track's settings, which a browser may silently ignore).
 */
const LISTEN_MS = 2000;

export async function microphoneCheck(m: CheckMessages, format: Formatter): Promise<CheckItem> {
  const base = { id: 'audio.microphone', category: 'audio' as const, title: m.microphoneTitle };
  let stream: MediaStream;
  try {
    // Raw input: the hardware's level, not what noise suppression lets through.
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      video: false,
    });
  } catch (cause) {
    return checkItem({
      ...base,
      status: 'fail',
      code: 'open-failed',
      detail: m.microphoneFailed(reasonOf(cause)),
      fix: m.microphoneFailedFix,
    });
  }
  try {
    const level = await listenToLevel(stream, LISTEN_MS);
    const measured = { peakDbfs: level.peakDbfs, rmsDbfs: level.rmsDbfs, clipping: level.clipping };
    const detail = m.microphoneLevel(format.number(level.peakDbfs, 1), format.number(level.rmsDbfs, 1));
    if (level.silent)
      return checkItem({
        ...base,
        status: 'warn',
        code: 'silent',
        detail: `${detail} ${m.microphoneSilent}`,
        fix: m.microphoneSilentFix,
        measured,
      });
    if (level.clipping)
      return checkItem({
        ...base,
        status: 'warn',
        code: 'clipping',
        detail: `${detail} ${m.microphoneClipping}`,
        fix: m.microphoneClippingFix,
        measured,
      });
    return checkItem({ ...base, status: 'pass', code: 'ok', detail, measured });
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/** Plays a one-second 440 Hz tone at a moderate level; resolves once it has played. */
export async function playTestTone(): Promise<void> {
  const context = new AudioContext();
  try {
    await context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = 440;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(context.destination);
    const ended = new Promise<void>((resolve) => (oscillator.onended = () => resolve()));
    oscillator.start();
    oscillator.stop(context.currentTime + 1);
    await ended;
  } finally {
    void context.close();
  }
}

export type SpeakerAnswer = 'heard' | 'not-heard' | null;

/** The automatic part (an output exists, the tone played) and the person's answer, if given. */
export async function speakerCheck(
  m: CheckMessages,
  answer: SpeakerAnswer,
  play = playTestTone,
): Promise<CheckItem> {
  const base = { id: 'audio.speakers', category: 'audio' as const, title: m.speakersTitle };
  const outputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput');
  // Browsers that do not list outputs (Firefox, Safari) get the benefit of the doubt: the tone decides.
  const canListOutputs = 'setSinkId' in HTMLMediaElement.prototype;
  if (canListOutputs && outputs.length === 0 && answer === null) {
    return checkItem({
      ...base,
      status: 'fail',
      code: 'no-output',
      detail: m.speakersNoOutput,
      fix: m.speakersNoOutputFix,
    });
  }
  if (answer === null) {
    try {
      await play();
    } catch (cause) {
      return checkItem({
        ...base,
        status: 'fail',
        code: 'tone-failed',
        detail: m.speakersFailed(reasonOf(cause)),
        fix: m.speakersNoOutputFix,
      });
    }
    return checkItem({
      ...base,
      status: 'warn',
      code: 'unconfirmed',
      detail: m.speakersPlayed,
      fix: m.speakersPlayedFix,
      measured: { outputs: outputs.length },
    });
  }
  return answer === 'heard'
    ? checkItem({
        ...base,
        status: 'pass',
        code: 'heard',
        detail: m.speakersHeard,
        measured: { outputs: outputs.length },
      })
    : checkItem({
        ...base,
        status: 'fail',
        code: 'not-heard',
        detail: m.speakersNotHeard,
        fix: m.speakersNotHeardFix,
        measured: { outputs: outputs.length },
      });
}

/** `null`: none chosen (skipped); `''`: the default input; else a device id. */
export async function stethoscopeCheck(
  m: CheckMessages,
  format: Formatter,
  inputId: string | null,
): Promise<CheckItem> {
  const base = { id: 'stethoscope.input', category: 'stethoscope' as const, title: m.stethoscopeTitle };
  if (inputId === null)
    return checkItem({
      ...base,
      status: 'skipped',
      code: 'not-selected',
      detail: m.stethoscopeNotSelected,
      fix: m.stethoscopeNotSelectedFix,
    });
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia(stethoscopeConstraints(inputId));
  } catch (cause) {
    return checkItem({
      ...base,
      status: 'fail',
      code: 'open-failed',
      detail: m.stethoscopeFailed(reasonOf(cause)),
      fix: m.stethoscopeSilentFix,
    });
  }
  try {
    const settings = stream.getAudioTracks()[0]?.getSettings() ?? {};
    const stillOn = (['echoCancellation', 'noiseSuppression', 'autoGainControl'] as const).filter(
      (name) => settings[name] !== false,
    );
    const processing = {
      echoCancellation: settings.echoCancellation ?? 'unknown',
      noiseSuppression: settings.noiseSuppression ?? 'unknown',
      autoGainControl: settings.autoGainControl ?? 'unknown',
    };
    if (stillOn.length > 0) {
      return checkItem({
        ...base,
        status: 'fail',
        code: 'processing-on',
        detail: m.stethoscopeProcessing(stillOn.join(', ')),
        fix: m.stethoscopeProcessingFix,
        measured: processing,
      });
    }
    const level = await listenToLevel(stream, LISTEN_MS);
    const measured = {
      ...processing,
      peakDbfs: level.peakDbfs,
      rmsDbfs: level.rmsDbfs,
      clipping: level.clipping,
    };
    if (level.silent)
      return checkItem({
        ...base,
        status: 'warn',
        code: 'silent',
        detail: m.stethoscopeSilent,
        fix: m.stethoscopeSilentFix,
        measured,
      });
    if (level.clipping)
      return checkItem({
        ...base,
        status: 'warn',
        code: 'clipping',
        detail: m.stethoscopeClipping,
        fix: m.stethoscopeClippingFix,
        measured,
      });
    return checkItem({
      ...base,
      status: 'pass',
      code: 'ok',
      detail: m.stethoscopeLevel(format.number(level.peakDbfs, 1)),
      measured,
    });
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}
