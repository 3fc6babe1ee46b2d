/** A "rep" peaking past what a hip can extend is a misread body, not a rep. */

// ref: normal hip extension is 10–30° (AAOS joint-motion norms) and the lumbar spine adds up
// to ~30° more (Troke et al. 2005), which the trunk-line definition also counts (docs/design.md#angles):
// a "rep" peaking past 70° is a misread body (cable_kickback_cgi_kinkatsu 1–2.5 s reads 80–130°).
export const MAX_HIP_EXTENSION_DEG = 70;

export function passesMaxExtensionGate(peakHipExtensionDeg: number | null): boolean {
  return peakHipExtensionDeg === null || peakHipExtensionDeg <= MAX_HIP_EXTENSION_DEG;
}
