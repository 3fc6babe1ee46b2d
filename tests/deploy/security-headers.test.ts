import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CSP_DIRECTIVES,
  SECURITY_HEADERS,
  SERVICE_WORKER_HEADERS,
  contentSecurityPolicy,
  netlifyHeadersFile,
  nginxSnippet,
} from '../../deploy/security-headers';
import viteConfig from '../../vite.config';
import { REPO_ROOT } from '../e2e/support/paths';

/** `_headers` (Netlify / Cloudflare Pages) read back: path → header → value. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      current = {};
      out.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (current === null || colon < 0) throw new Error(`expected "  Name: value" under a path, got ${JSON.stringify(line)}`);
    current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe('security headers (docs/design.md#reliability, deploy and offline)', () => {
  it('the CSP says what the issue asks: self only, wasm allowed, workers from self, no framing', () => {
    const csp = directives(SECURITY_HEADERS['Content-Security-Policy']!);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('worker-src')).toContain("'self'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // No directive lets anything come from another host.
    const hosts = [...csp.values()].flat().filter((s) => !/^'.*'$/.test(s) && !['blob:', 'data:', 'mediastream:'].includes(s));
    expect(hosts).toEqual([]);
  });

  it('isolation and the extras are there', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    expect(SECURITY_HEADERS['Permissions-Policy']).toContain('camera=(self)');
  });

  it('the <meta> fallback leaves out what a meta CSP ignores, and nothing else', () => {
    const meta = directives(contentSecurityPolicy({ forMeta: true }));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.size).toBe(Object.keys(CSP_DIRECTIVES).length - 1);
  });

  it('dev and preview servers send exactly these headers (vite.config.ts)', () => {
    expect(viteConfig.server?.headers).toEqual(SECURITY_HEADERS);
    expect(viteConfig.preview?.headers).toEqual(SECURITY_HEADERS);
  });

  it('dist/_headers carries every header for every path, and no-cache for the service worker', () => {
    const parsed = parseHeadersFile(netlifyHeadersFile());
    expect(parsed.get('/*')).toEqual(SECURITY_HEADERS);
    expect(parsed.get('/sw.js')).toEqual(SERVICE_WORKER_HEADERS);
  });

  it('deploy/nginx-security-headers.conf is the generated snippet (regenerate it when the headers change)', () => {
    const onDisk = readFileSync(join(REPO_ROOT, 'deploy/nginx-security-headers.conf'), 'utf8');
    expect(onDisk).toBe(nginxSnippet());
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(onDisk).toContain(`add_header ${name} "${value}" always;`);
  });
});
