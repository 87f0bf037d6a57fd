// The preview answers only its own address and its own page: a DNS-rebinding request (a foreign
// Host) or a cross-site one (a foreign Origin) is refused with 403 on every route, /events included.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT } from '../support/examples.js';

/** A GET with the headers given, read until the status line (the event stream never ends). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers }, (res) => {
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        res.destroy();
        return resolve({ status: res.statusCode ?? 0, body: '' });
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

describe('preview origins', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-origin-'));
  let server: PreviewServer;
  let base: string;
  let own: string;
  const unit = encodeURIComponent('data/minimal.yaml');
  const doc = `/api/doc?unit=${unit}&key=${encodeURIComponent('整改方案')}`;
  // The font route of the document's first subset is added once the document is served.
  const routes = ['/', '/api/units', doc, `/download?unit=${unit}&key=${encodeURIComponent('整改方案')}&format=pdf`, '/events'];

  beforeAll(async () => {
    fs.cpSync(path.join(ROOT, 'tests/fixtures/good'), path.join(dir, 'data'), { recursive: true });
    const world = nodeWorld(dir);
    server = await startPreview(world, { port: 0, inputs: ['data'], templatesDir: path.join(ROOT, 'templates'), fonts: FontBook.load(world, { system: false }) });
    base = server.url.replace(/\/$/, '');
    own = new URL(server.url).host;
    const served = JSON.parse((await get(base + doc, { host: own })).body) as { fonts: { url: string }[] };
    routes.push(served.fonts[0]!.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers its own address and localhost on its port, from its own page', async () => {
    for (const r of routes) expect((await get(base + r, { host: own })).status, r).toBe(200);
    const port = new URL(server.url).port;
    expect((await get(base + '/api/units', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await get(base + '/api/units', { host: own, origin: `http://${own}` })).status).toBe(200);
  }, 60_000);

  it('refuses a foreign Host (DNS rebinding) on every route', async () => {
    for (const r of routes) {
      const res = await get(base + r, { host: 'attacker.example', origin: 'http://attacker.example' });
      expect(res.status, r).toBe(403);
      expect(res.body).not.toContain('测试单位');
    }
    const port = new URL(server.url).port;
    expect((await get(base + '/api/units', { host: `attacker.example:${port}` })).status).toBe(403);
  });

  it('refuses a foreign Origin with the right Host, the event stream included', async () => {
    for (const r of routes) expect((await get(base + r, { host: own, origin: 'http://attacker.example' })).status, r).toBe(403);
    expect((await get(base + '/events', { host: own, origin: 'null' })).status).toBe(403);
    const res = await get(base + '/api/units', { host: own, origin: `https://${own}` });
    expect(res.status).toBe(403);
    expect(res.body).toContain('拒绝访问');
  });
});
