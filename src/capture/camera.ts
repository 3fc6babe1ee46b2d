/** getUserMedia wrapper: camera list, chosen camera and resolution. */
export interface CameraOptions {
  deviceId?: string;
  width: number;
  height: number;
  frameRate: number;
}

export const DEFAULT_CAMERA_OPTIONS: CameraOptions = { width: 1280, height: 720, frameRate: 30 };

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput');
}

export async function openCamera(options: Partial<CameraOptions> = {}): Promise<MediaStream> {
  const opts = { ...DEFAULT_CAMERA_OPTIONS, ...options };
  if (!navigator.mediaDevices?.getUserMedia) {
    throw Object.assign(new Error('This browser has no camera API (a secure https or localhost page is needed).'), {
      name: 'SecurityError',
    });
  }
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: {
      ...(opts.deviceId ? { deviceId: { exact: opts.deviceId } } : { facingMode: 'user' }),
      width: { ideal: opts.width },
      height: { ideal: opts.height },
      frameRate: { ideal: opts.frameRate },
    },
  });
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}
