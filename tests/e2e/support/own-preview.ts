/**
 * A `vite preview` of the already built test app (the E2E global setup builds it into distDir) that one test
 * owns: it can be closed to pull the network plug for real, and can add a CSP report endpoint.
 */
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { preview, type Plugin, type PreviewServer } from 'vite';
import { REPO_ROOT } from './paths';

export interface OwnPreview {
  url: string;
  /** CSP violation reports the browser POSTed (when started with `collectCspReports`). */
  cspReports: unknown[];
  close(): Promise<void>;
}

const REPORT_PATH = '/__csp-report';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startOwnPreview(
  distDir: string,
  options: { headers?: Record<string, string>; collectCspReports?: boolean } = {},
): Promise<OwnPreview> {
  const cspReports: unknown[] = [];
  const collector: Plugin = {
    name: 'test-csp-report-collector',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'POST' || !req.url?.startsWith(REPORT_PATH)) return next();
        void readBody(req).then((body) => {
          try {
            cspReports.push(JSON.parse(body));
          } catch {
            cspReports.push(body);
          }
          res.statusCode = 204;
          res.end();
        });
      });
    },
  };
  const server: PreviewServer = await preview({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, ...(options.headers ? { headers: options.headers } : {}) },
    plugins: options.collectCspReports ? [collector] : [],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('expected vite preview to report a local URL, got none');
  return {
    url,
    cspReports,
    close: () =>
      new Promise<void>((resolve) => {
        const http = server.httpServer;
        if ('closeAllConnections' in http) http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

export { REPORT_PATH as CSP_REPORT_PATH };
