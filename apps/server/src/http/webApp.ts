import type { AppEnv } from './context.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { COLLAB_PATH } from '@plenary/protocol';

/**
 * Serves the built web app (apps/web/dist): hashed assets cached for a year, everything else
 * revalidated, and `index.html` for any other GET path so that /d/<id> survives a reload.
 */
export function mountWebApp(app: Hono<AppEnv>, webRoot: string): void {
  const indexFile = path.join(webRoot, 'index.html');
  const isAppPath = (p: string) => !p.startsWith('/api/') && !p.startsWith(`${COLLAB_PATH}/`);

  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || !isAppPath(c.req.path) || !c.res.ok) return;
    c.header(
      'Cache-Control',
      c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  });
  app.use('*', async (c, next) => (isAppPath(c.req.path) ? serveStatic({ root: webRoot })(c, next) : next()));
  app.get('*', async (c, next) => {
    // A missing asset is a 404, not the app shell (which would be served as bad JavaScript).
    if (!isAppPath(c.req.path) || c.req.path.startsWith('/assets/')) return next();
    if (!fs.existsSync(indexFile)) {
      return c.text(
        `The web app is not built (${indexFile} is missing). Run "npm run build:web", or start with "npm start".`,
        503,
      );
    }
    return c.html(await fs.promises.readFile(indexFile, 'utf8'));
  });
}
