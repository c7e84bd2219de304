/**
 * getUserMedia constraints per stream. The stethoscope (or doppler) input gets every voice
 * processing step off — echo cancellation, noise suppression and gain control treat heart and lung
 * sounds as noise (reference/market-and-standards.md §A4) — and one channel; the room microphone
 * keeps them on, because it carries speech in a room with a loudspeaker.
 */
export function roomConstraints(
  cameraId: string | null,
  microphoneId: string | null,
): MediaStreamConstraints {
  return {
    video: {
      ...deviceId(cameraId),
      width: { ideal: 1280 },
      height: { ideal: 720 },
      frameRate: { ideal: 30 },
    },
    audio: {
      ...deviceId(microphoneId),
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    },
  };
}

export function instrumentConstraints(cameraId: string | null): MediaStreamConstraints {
  // Instrument cameras are judged on detail: ask for their full resolution.
  return { video: { ...deviceId(cameraId), width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false };
}

export const STETHOSCOPE_AUDIO: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
  channelCount: 1,
};

export function stethoscopeConstraints(inputId: string | null): MediaStreamConstraints {
  return { video: false, audio: { ...deviceId(inputId), ...STETHOSCOPE_AUDIO } };
}

function deviceId(id: string | null): { deviceId?: { exact: string } } {
  return id === null || id === '' ? {} : { deviceId: { exact: id } };
}
