import { checkItem, type CheckItem } from '../../../shared/domain/equipment-check';
import type { Formatter } from '../../../shared/i18n';
import { reasonOf } from './failure-reason';
import type { CheckMessages } from './check-messages';

/**
 * Each camera in turn: opened at the size the call asks for, then what it ACTUALLY delivers, from
 * the track's settings and from frames counted for about a second (a dark room or a busy USB bus
 * shows up as a low frame rate long before it shows in the settings).
 */
export const MIN_GOOD_HEIGHT = 480;
export const MIN_GOOD_FPS = 15;
const MEASURE_MS = 1000;

export async function cameraChecks(m: CheckMessages, format: Formatter): Promise<CheckItem[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const cameras = devices.filter((d) => d.kind === 'videoinput');
  if (cameras.length === 0) {
    // Labels and ids are hidden until permission: one open attempt tells "none" from "not allowed".
    return [await singleDefaultCamera(m, format)];
  }
  const items: CheckItem[] = [];
  // One at a time: several cameras on one USB controller may not stream together.
  for (const [index, camera] of cameras.entries()) {
    const label = camera.label || `${index + 1}`;
    items.push(await checkCamera(m, format, camera.deviceId === '' ? null : camera.deviceId, label, index));
  }
  return items;
}

async function singleDefaultCamera(m: CheckMessages, format: Formatter): Promise<CheckItem> {
  const item = await checkCamera(m, format, null, '1', 0);
  if (item.status !== 'fail') return item;
  return checkItem({
    id: 'camera.none',
    category: 'camera',
    status: 'fail',
    code: 'none',
    title: m.noCameraTitle,
    detail: m.noCamera,
    fix: m.noCameraFix,
  });
}

async function checkCamera(
  m: CheckMessages,
  format: Formatter,
  deviceId: string | null,
  label: string,
  index: number,
): Promise<CheckItem> {
  const id = `camera.${index + 1}`;
  const title = m.cameraTitle(label);
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: {
        ...(deviceId === null ? {} : { deviceId: { exact: deviceId } }),
        width: { ideal: 1280 },
        height: { ideal: 720 },
        frameRate: { ideal: 30 },
      },
      audio: false,
    });
  } catch (cause) {
    return checkItem({
      id,
      category: 'camera',
      status: 'fail',
      code: 'open-failed',
      title,
      detail: m.cameraFailed(reasonOf(cause)),
      fix: m.cameraFailedFix,
    });
  }
  try {
    const [track] = stream.getVideoTracks();
    const settings = track?.getSettings() ?? {};
    const measuredFps = await countFrames(stream, MEASURE_MS);
    const width = settings.width ?? 0;
    const height = settings.height ?? 0;
    const fps = measuredFps ?? settings.frameRate ?? 0;
    const good = height >= MIN_GOOD_HEIGHT && fps >= MIN_GOOD_FPS;
    const detail = m.cameraDelivered(`${width}×${height}`, format.number(fps, 0));
    return checkItem({
      id,
      category: 'camera',
      status: good ? 'pass' : 'warn',
      code: good ? 'ok' : 'low',
      title,
      detail: good ? detail : `${detail} ${m.cameraLow}`,
      fix: good ? '' : m.cameraLowFix,
      measured: {
        width,
        height,
        fps: Math.round(fps * 10) / 10,
        settingsFrameRate: settings.frameRate ?? 0,
        label: label.slice(0, 200),
      },
    });
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/** Frames actually presented over `durationMs`, per second; null when the browser cannot tell. */
async function countFrames(stream: MediaStream, durationMs: number): Promise<number | null> {
  const video = document.createElement('video');
  if (typeof video.requestVideoFrameCallback !== 'function') return null;
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    let first: number | null = null;
    let last = 0;
    let frames = 0;
    await new Promise<void>((resolve) => {
      const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
        first ??= metadata.presentedFrames;
        last = metadata.presentedFrames;
        frames += 1;
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      setTimeout(resolve, durationMs);
    });
    const presented = first === null ? frames : last - first + 1;
    return (presented * 1000) / durationMs;
  } catch {
    return null;
  } finally {
    video.pause();
    video.srcObject = null;
  }
}
