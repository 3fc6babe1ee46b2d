/**
 * Picks the tfjs backend the pose models run on. Worker-side: no DOM.
 *
 * Order tried in `auto`: WebGPU, then WebGL on a real GPU, then wasm. A software WebGL
 * (SwiftShader, llvmpipe — what headless or GPU-less machines get) runs these models
 * 5–10x slower than wasm+SIMD (measured: BlazePose full 300–430 ms vs 70 ms), so `auto`
 * skips it; a user can still force it.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type BackendId = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = BackendId | 'auto';

export const AUTO_BACKEND_ORDER: readonly BackendId[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendReport {
  backend: BackendId;
  /** Backends tried before the chosen one, each with why it was passed over. */
  skipped: { backend: BackendId; reason: string }[];
  /** wasm only: which binary flavour loaded. */
  wasmFeatures?: { simd: boolean; threads: boolean };
}

/** Renderer strings of software rasterisers: WebGL works there but is slower than wasm. */
const SOFTWARE_GL_PATTERN = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

function webglRenderer(): string | null {
  try {
    if (typeof OffscreenCanvas === 'undefined') return null;
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return String(renderer);
  } catch {
    return null;
  }
}

async function hasWebGpuAdapter(): Promise<string | null> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'navigator.gpu is not available';
  try {
    const adapter = (await gpu.requestAdapter()) as { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null;
    if (!adapter) return 'no WebGPU adapter';
    if (adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter) return 'WebGPU adapter is a software fallback';
    return null;
  } catch (error) {
    return `WebGPU adapter request failed: ${String(error)}`;
  }
}

async function whyNot(backend: BackendId, forced: boolean): Promise<string | null> {
  if (backend === 'webgpu') return hasWebGpuAdapter();
  if (backend === 'webgl') {
    const renderer = webglRenderer();
    if (renderer === null) return 'WebGL2 is not available';
    if (!forced && SOFTWARE_GL_PATTERN.test(renderer)) return `WebGL runs in software here (${renderer}); wasm is faster`;
  }
  return null;
}

/** Sets the tfjs backend; `modelBaseUrl` is where the wasm binaries are served (e.g. '/models/'). */
export async function selectBackend(choice: BackendChoice, modelBaseUrl: string): Promise<BackendReport> {
  setWasmPaths(modelBaseUrl.endsWith('/') ? modelBaseUrl : `${modelBaseUrl}/`);
  const order = choice === 'auto' ? AUTO_BACKEND_ORDER : [choice, ...AUTO_BACKEND_ORDER.filter((b) => b !== choice)];
  const skipped: BackendReport['skipped'] = [];
  for (const backend of order) {
    const reason = await whyNot(backend, backend === choice);
    if (reason) {
      skipped.push({ backend, reason });
      continue;
    }
    try {
      if (await tf.setBackend(backend)) {
        await tf.ready();
        const report: BackendReport = { backend, skipped };
        if (backend === 'wasm') {
          report.wasmFeatures = {
            simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
            threads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
          };
        }
        return report;
      }
      skipped.push({ backend, reason: 'tf.setBackend returned false' });
    } catch (error) {
      skipped.push({ backend, reason: `failed to initialise: ${String(error)}` });
    }
  }
  throw new Error(`expected one usable tfjs backend, got none (${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')})`);
}
