/**
 * Angle arcs with their numbers at hip, knee and torso, drawn over the skeleton. The numbers are
 * the analysis core's (sagittal, smoothed); the arcs only show where each angle is measured.
 */
import type { FrameAnalysis } from '../analysis/types';
import { jointIndex, type JointName } from '../pose/keypoint-tables';
import type { PoseFrame } from '../pose/types';

interface P { x: number; y: number }

export interface AngleDrawOptions {
  mirror: boolean;
  minVisibility: number;
  /** Rule verdict colour per angle: 'ok' | 'warn' | 'bad'. */
  tone: Partial<Record<'hip' | 'knee' | 'torso', 'ok' | 'warn' | 'bad'>>;
}

const TONE_COLOR = { ok: '#3ee08f', warn: '#ffb340', bad: '#ff5c5c' } as const;

function shortArc(ctx: CanvasRenderingContext2D, c: P, from: P, to: P, r: number) {
  const a0 = Math.atan2(from.y - c.y, from.x - c.x);
  const a1 = Math.atan2(to.y - c.y, to.x - c.x);
  let d = a1 - a0;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  ctx.beginPath();
  ctx.arc(c.x, c.y, r, a0, a0 + d, d < 0);
  ctx.stroke();
  return a0 + d / 2;
}

function label(ctx: CanvasRenderingContext2D, c: P, angle: number, r: number, text: string, color: string, fontPx: number) {
  const x = c.x + Math.cos(angle) * (r + fontPx * 1.3);
  const y = c.y + Math.sin(angle) * (r + fontPx * 1.3);
  ctx.font = `800 ${fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = fontPx / 4;
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

/** Returns how many arcs were drawn (0 when the working leg or the joints are unknown). */
export function drawAngles(ctx: CanvasRenderingContext2D, frame: PoseFrame | null, analysis: FrameAnalysis | null, options: Partial<AngleDrawOptions> = {}): number {
  if (!frame || !analysis || frame.landmarks.length === 0 || !analysis.workingLeg) return 0;
  const mirror = options.mirror ?? false;
  const minVis = options.minVisibility ?? 0.5;
  const { width, height } = ctx.canvas;
  const sx = width / frame.imageWidth;
  const sy = height / frame.imageHeight;
  const get = (name: JointName): P | null => {
    const i = jointIndex(frame.keypointSet, name);
    const p = i === null ? undefined : frame.landmarks[i];
    if (!p || !(p.visibility >= minVis) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
    return { x: mirror ? width - p.x * sx : p.x * sx, y: p.y * sy };
  };
  const mid = (a: P | null, b: P | null): P | null => (a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : a ?? b);
  const leg = analysis.workingLeg;
  const hip = get(`${leg}Hip`);
  const knee = get(`${leg}Knee`);
  const ankle = get(`${leg}Ankle`);
  const midHip = mid(get('leftHip'), get('rightHip'));
  const midShoulder = mid(get('leftShoulder'), get('rightShoulder'));
  const scale = Math.max(1, Math.min(width, height) / 360);
  const r = 22 * scale;
  const fontPx = Math.round(15 * scale);
  ctx.save();
  ctx.lineWidth = 3 * scale;
  let drawn = 0;
  const { hipExtensionDeg, kneeFlexionDeg, torsoLeanDeg } = analysis.angles;
  const tone = options.tone ?? {};

  if (hip && knee && midHip && midShoulder && hipExtensionDeg !== null) {
    // Reference: the trunk line continued below the hip.
    const below = { x: hip.x + (midHip.x - midShoulder.x), y: hip.y + (midHip.y - midShoulder.y) };
    const color = TONE_COLOR[tone.hip ?? 'ok'];
    ctx.strokeStyle = color;
    ctx.setLineDash([4 * scale, 4 * scale]);
    ctx.beginPath();
    ctx.moveTo(hip.x, hip.y);
    ctx.lineTo(hip.x + (below.x - hip.x) * 0.6, hip.y + (below.y - hip.y) * 0.6);
    ctx.stroke();
    ctx.setLineDash([]);
    const a = shortArc(ctx, hip, below, knee, r * 1.4);
    label(ctx, hip, a, r * 1.4, `${Math.round(hipExtensionDeg)}°`, color, fontPx);
    drawn++;
  }
  if (hip && knee && ankle && kneeFlexionDeg !== null) {
    const color = TONE_COLOR[tone.knee ?? 'ok'];
    ctx.strokeStyle = color;
    const a = shortArc(ctx, knee, hip, ankle, r);
    label(ctx, knee, a + Math.PI, r, `${Math.round(kneeFlexionDeg)}°`, color, fontPx);
    drawn++;
  }
  if (midHip && midShoulder && torsoLeanDeg !== null) {
    const color = TONE_COLOR[tone.torso ?? 'ok'];
    ctx.strokeStyle = color;
    const up = { x: midHip.x, y: midHip.y - 100 };
    const a = shortArc(ctx, midHip, up, midShoulder, r * 2);
    label(ctx, midHip, a, r * 2, `${Math.round(torsoLeanDeg)}°`, color, fontPx);
    drawn++;
  }
  ctx.restore();
  return drawn;
}
