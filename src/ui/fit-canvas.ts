/**
 * Sizes a canvas's backing store to its displayed size times the device pixel ratio, so lines
 * stay sharp on any screen; only resizes when that changed (a resize clears the canvas).
 * Returns its 2D context, or null where the browser gives none.
 */
export function fitCanvas(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  const rect = canvas.getBoundingClientRect();
  const dpr = globalThis.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(rect.width * dpr));
  const h = Math.max(1, Math.round(rect.height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return canvas.getContext('2d');
}
