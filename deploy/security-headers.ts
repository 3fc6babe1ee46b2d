/**
 * The one source of truth for the HTTP headers KickCheck must be served with. vite.config.ts
 * applies them to `vite` (dev) and `vite preview`, emits them as `dist/_headers` (Netlify,
 * Cloudflare Pages) and injects the CSP as a <meta> fallback into index.html;
 * deploy/nginx-security-headers.conf is generated from here too (tests/deploy keeps it in step).
 *
 * Why each one:
 * - COOP same-origin + COEP require-corp make the page cross-origin isolated, which
 *   SharedArrayBuffer, and so the tfjs wasm backend's threads, need. Everything is same-origin,
 *   so require-corp blocks nothing the app uses.
 * - The CSP only allows this origin. A <meta> CSP cannot carry frame-ancestors and does not
 *   reach the module worker (a worker takes the CSP of its own response), so it must be a header.
 */

/** CSP directives, in the order they are written. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval': WebAssembly.instantiate of the tfjs wasm backend. blob: the wasm
  // backend's threaded build starts its pthread workers from a Blob of its own factory
  // (@tensorflow/tfjs-backend-wasm backend_wasm.js, mainScriptUrlOrBlob), and those workers
  // importScripts() that blob.
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  // The pose worker and the service worker are same-origin files; blob: for the pthread workers
  // above (the app gets no threads without it).
  'worker-src': ["'self'", 'blob:'],
  // tfjs reads model weights and the wasm binary with fetch; data:/blob: for its in-memory loads.
  'connect-src': ["'self'", 'data:', 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  // The camera stream and recorded files played from object URLs.
  'media-src': ["'self'", 'blob:', 'mediastream:'],
  // Svelte sets style attributes from templates (and the favicon is a data: SVG).
  'style-src': ["'self'", "'unsafe-inline'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // Clickjacking: no one may frame the app (header only; ignored in <meta>).
  'frame-ancestors': ["'none'"],
});

/** Directives a <meta http-equiv> CSP ignores (CSP3 §6.4: frame-ancestors, report-uri, sandbox). */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export function contentSecurityPolicy(options: { forMeta?: boolean } = {}): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => !(options.forMeta && HEADER_ONLY_DIRECTIVES.has(name)))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Every header, name → value, for every response (HTML, scripts, workers, models, wasm). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': contentSecurityPolicy(),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Nobody else's page may load our files either (COEP's other half).
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  // Older browsers that do not know frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  // The camera for this origin only; nothing else the app does not use.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
});

/**
 * The service worker must be fetched fresh so an update is seen (the other files carry a content
 * hash in their name or are precached by revision).
 */
export const SERVICE_WORKER_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cache-Control': 'no-cache',
});

/** `_headers` file for Netlify and Cloudflare Pages (same format), placed at the site root. */
export function netlifyHeadersFile(serviceWorkerPath = '/sw.js'): string {
  const block = (path: string, headers: Readonly<Record<string, string>>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${block('/*', SECURITY_HEADERS)}\n${block(serviceWorkerPath, SERVICE_WORKER_HEADERS)}\n`;
}

/** nginx `server {}` snippet: the same headers (the service worker's location repeats them). */
export function nginxSnippet(serviceWorkerPath = '/sw.js'): string {
  const addHeaders = (headers: Readonly<Record<string, string>>, indent: string) =>
    Object.entries(headers).map(([name, value]) => `${indent}add_header ${name} "${value}" always;`);
  return [
    '# KickCheck security headers: generated from deploy/security-headers.ts, do not edit by hand.',
    `# Regenerate: npx tsx -e "import('./deploy/security-headers.ts').then((m) => process.stdout.write(m.nginxSnippet()))" > deploy/nginx-security-headers.conf`,
    '# Include inside the server {} block that serves dist/. The stock mime.types must map',
    '# .wasm to application/wasm (nginx >= 1.21 does) and .webmanifest to application/manifest+json.',
    ...addHeaders(SECURITY_HEADERS, ''),
    // nginx: a location with its own add_header drops the server-level ones, so repeat them.
    `location = ${serviceWorkerPath} {`,
    ...addHeaders({ ...SECURITY_HEADERS, ...SERVICE_WORKER_HEADERS }, '  '),
    '}',
    '',
  ].join('\n');
}
