// `gongwen preview`: a loopback-only server that renders in memory and pushes an update to the
// page whenever a template, a data file or the config is saved. It never dies on bad input.
import { watchFiles } from './watch-files.js';
import { isFormat, writerFor } from '../backends/writers.js';
import * as http from 'node:http';
import type { FontBook } from '../fonts/font-book.js';
import type { World } from '../world/world.js';
import { layoutToSvg } from './layout-svg.js';
import { previewPage } from './page.js';
import { PreviewModel } from './preview-model.js';
import { FontSubsets } from './font-subsets.js';
import type { KindOptions } from '../kinds/kind-registry.js';

export interface PreviewOptions {
  port: number;
  host?: string;
  inputs: string[];
  templatesDir: string;
  fonts: FontBook;
  /** The project's kinds folder and default kind. */
  kinds?: KindOptions;
  /** Extra files and folders to watch (the config). */
  watch?: string[];
  log?: (msg: string) => void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export async function startPreview(world: World, opts: PreviewOptions): Promise<PreviewServer> {
  const model = new PreviewModel(world, opts.inputs, opts.templatesDir, opts.fonts, opts.kinds);
  const subsets = new FontSubsets(opts.fonts.faces);
  const clients = new Set<http.ServerResponse>();
  const log = opts.log ?? (() => {});

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        // DNS rebinding and cross-site pages: only the address printed (or localhost on its port) is
        // answered, and only from the preview's own page, on every route including /events.
        const refused = foreignRequest(req, server);
        if (refused) return send(res, 403, 'text/plain; charset=utf-8', refused);
        if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
        return await route(req, res, url, { model, subsets, page: () => previewPage(), clients });
      } catch (e) {
        log(`预览出错：${(e as Error).stack ?? e}`);
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `内部错误：${(e as Error).message}`);
      }
    })();
  });

  // Several saves in a burst make one update.
  const watching = watchFiles(world, [...opts.inputs, opts.templatesDir, opts.kinds?.dir ?? 'kinds', ...(opts.watch ?? [])], log, (files) => {
    try {
      for (const f of files) model.changed(f);
    } catch (e) {
      log(`重新读取失败：${(e as Error).message}`);
    }
    for (const c of clients) c.write(`data: ${JSON.stringify({ files })}\n\n`);
    log(`已更新：${files.join('、')}`);
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    url: `http://${host}:${port}/`,
    close: async () => {
      watching.close();
      for (const c of clients) c.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Why a request is refused (a Host or an Origin that is not the preview's own), or undefined. */
export function foreignRequest(req: http.IncomingMessage, server: http.Server): string | undefined {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : undefined;
  const own = new Set(['127.0.0.1', 'localhost', '[::1]'].map((h) => `${h}:${port}`));
  const host = (req.headers.host ?? '').toLowerCase();
  if (!own.has(host)) return `拒绝访问：预览只接受发往本机地址（127.0.0.1:${port}）的请求，这里的 Host 是“${host || '（空）'}”`;
  const origin = req.headers.origin;
  if (origin !== undefined && !own.has(origin.toLowerCase().replace(/^http:\/\//, ''))) return `拒绝访问：预览只接受来自本页面的请求，这里的 Origin 是“${origin}”`;
  if (origin !== undefined && !/^http:\/\//i.test(origin)) return `拒绝访问：预览只接受来自本页面的请求，这里的 Origin 是“${origin}”`;
  return undefined;
}

const send = (res: http.ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
};
const json = (res: http.ServerResponse, status: number, v: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(v));

interface RouteContext {
  model: PreviewModel;
  subsets: FontSubsets;
  page: () => string;
  clients: Set<http.ServerResponse>;
}

/** The preview's routes: the page, the units, a document's pages as SVG, downloads, change events, fonts by index. */
async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: RouteContext): Promise<void> {
  const { model, subsets, clients } = ctx;
  switch (url.pathname) {
    case '/':
      return send(res, 200, 'text/html; charset=utf-8', ctx.page());
    case '/api/units':
      return json(res, 200, model.list());
    case '/api/doc': {
      const d = model.doc(url.searchParams.get('unit') ?? '', url.searchParams.get('key') ?? '');
      if (!d) return json(res, 404, { error: 'no such document' });
      const f = d.layout ? subsets.forLayout(d.layout) : undefined;
      return json(res, 200, { name: d.name, ok: d.ok, diagnostics: d.diagnostics, pages: d.layout && f ? layoutToSvg(d.layout, f.familyOf) : [], fonts: f?.fonts ?? [] });
    }
    case '/download': {
      const asked = url.searchParams.get('format');
      const format = asked && isFormat(asked) && writerFor(asked).document ? asked : 'pdf';
      const key = url.searchParams.get('key') ?? '';
      const bytes = await model.download(url.searchParams.get('unit') ?? '', key, format);
      if (!bytes) return send(res, 404, 'text/plain; charset=utf-8', '文档有错误，无法下载');
      return send(res, 200, writerFor(format).mediaType, bytes, { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${key}.${writerFor(format).extension}`)}` });
    }
    case '/events':
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
  }
  // Fonts by the key of a subset a document was served with: no path from the request ever
  // reaches the file system.
  const m = /^\/fonts\/([0-9a-f]{16})$/.exec(url.pathname);
  const font = m ? subsets.font(m[1]!) : undefined;
  if (font) return send(res, 200, font.type, font.bytes, { 'cache-control': 'max-age=3600' });
  return send(res, 404, 'text/plain', 'not found');
}
