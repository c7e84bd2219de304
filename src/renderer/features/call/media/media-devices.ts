/** The inputs a nurse can choose from, by kind, with a readable name. */
export interface InputDevice {
  readonly id: string;
  readonly label: string;
}

export interface InputDevices {
  readonly cameras: readonly InputDevice[];
  readonly microphones: readonly InputDevice[];
}

/**
 * Browsers hide device ids and names until the page has camera/microphone permission, so when the
 * list comes back anonymous, a short getUserMedia asks for it once and the list is read again.
 */
export async function listInputDevices(
  mediaDevices: MediaDevices = navigator.mediaDevices,
): Promise<InputDevices> {
  let all = await mediaDevices.enumerateDevices();
  if (all.every((device) => device.deviceId === '')) {
    const probe = await mediaDevices.getUserMedia({ video: true, audio: true }).catch(() => null);
    for (const track of probe?.getTracks() ?? []) track.stop();
    if (probe !== null) all = await mediaDevices.enumerateDevices();
  }
  const pick = (kind: MediaDeviceKind, fallback: string): InputDevice[] =>
    all
      .filter((device) => device.kind === kind && device.deviceId !== '')
      .map((device, index) => ({ id: device.deviceId, label: device.label || `${fallback} ${index + 1}` }));
  return { cameras: pick('videoinput', 'Camera'), microphones: pick('audioinput', 'Microphone') };
}
