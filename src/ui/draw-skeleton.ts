import type { PoseFrame } from '../pose/types';
import { SKELETON_EDGES, SKELETON_JOINTS } from './skeleton-edges';

export interface DrawOptions {
  /** Joints below this visibility are drawn faint: the analysis treats them as unknown. */
  minVisibility: number;
  mirror: boolean;
  boneColor: string;
  jointColor: string;
  lowColor: string;
}

export const DEFAULT_DRAW_OPTIONS: DrawOptions = {
  // ref: docs/design.md#visibility-gate — below the visibility gate a joint is unknown; show that, don't hide it.
  minVisibility: 0.5,
  mirror: false,
  boneColor: '#3ee08f',
  jointColor: '#ffffff',
  lowColor: 'rgba(255,255,255,0.25)',
};

/** Draws the pose over a canvas the size of the displayed video. Returns joints drawn. */
export function drawSkeleton(ctx: CanvasRenderingContext2D, frame: PoseFrame | null, options: Partial<DrawOptions> = {}): number {
  const opts = { ...DEFAULT_DRAW_OPTIONS, ...options };
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  if (!frame || frame.landmarks.length === 0) return 0;
  const sx = width / frame.imageWidth;
  const sy = height / frame.imageHeight;
  const px = (x: number) => (opts.mirror ? width - x * sx : x * sx);
  const scale = Math.max(1, Math.min(width, height) / 360);
  const ok = (i: number) => {
    const p = frame.landmarks[i];
    return p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);
  };
  ctx.lineCap = 'round';
  ctx.lineWidth = 4 * scale;
  for (const [a, b] of SKELETON_EDGES[frame.keypointSet]) {
    if (!ok(a) || !ok(b)) continue;
    const pa = frame.landmarks[a]!;
    const pb = frame.landmarks[b]!;
    const visible = Math.min(pa.visibility, pb.visibility) >= opts.minVisibility;
    ctx.strokeStyle = visible ? opts.boneColor : opts.lowColor;
    ctx.beginPath();
    ctx.moveTo(px(pa.x), pa.y * sy);
    ctx.lineTo(px(pb.x), pb.y * sy);
    ctx.stroke();
  }
  let drawn = 0;
  for (const i of SKELETON_JOINTS[frame.keypointSet]) {
    if (!ok(i)) continue;
    const p = frame.landmarks[i]!;
    ctx.fillStyle = p.visibility >= opts.minVisibility ? opts.jointColor : opts.lowColor;
    ctx.beginPath();
    ctx.arc(px(p.x), p.y * sy, 5 * scale, 0, Math.PI * 2);
    ctx.fill();
    drawn++;
  }
  return drawn;
}
