// An independent OFD reader for the tests: ofd.js 0.2.6 (Apache-2.0, the last version without a
// licence key; its lib/ofd.umd.js) in Debian's Chromium through playwright-core. It parses the
// package and draws each page as SVG (text, paths, colours), substituting system fonts by family
// name. The same browser decodes screenshots and pdftoppm PNGs so both are measured alike, and
// tries embedded fonts with the FontFace API.
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './examples.js';

export interface ReadPage {
  /** The page's text in drawing order. */
  text: string;
  /** Text drawn in each fill colour, e.g. "rgb(255, 0, 0)". */
  byFill: Record<string, string>;
  /** Stroked paths: colour and width in millimetres. */
  strokes: { color: string; mm: number }[];
  /** Where the reader put each character (its origin on the baseline), in mm from the page's top left. */
  glyphs: { ch: string; x: number; y: number }[];
  /** The reader's scale on this page: it fits each page's width to the screen. */
  pxPerMm: number;
}

/** A line of ink: rows top…bottom (inclusive), ink from left to right, and its centroid, in pixels. */
export interface Band {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cx: number;
  cy: number;
}

/** What a page shows, in pixels: ruled lines and lines of text. */
export interface Ink {
  bands: Band[];
  /** y of each horizontal rule, x of each vertical rule. */
  hLines: number[];
  vLines: number[];
}

/** ofd.js scales pages to (screenWidth − 10) / page width px per mm, to one decimal: 4 on portrait A4. */
const SCREEN = 10 + 210 * 4;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Each page's width in mm, from its PhysicalBox (or the document's). */
function pageWidths(files: Record<string, Uint8Array>): number[] {
  const text = (n: string) => new TextDecoder().decode(files[n]);
  const doc = text('Doc_0/Document.xml');
  const box = (xml: string) => Number(/<ofd:PhysicalBox>\S+ \S+ (\S+)/.exec(xml)?.[1]);
  const all = box(doc);
  return [...doc.matchAll(/<ofd:Page ID="\d+" BaseLoc="([^"]+)"/g)].map((m) => box(text(`Doc_0/${m[1]}`)) || all);
}

export class OfdReader {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async open(): Promise<OfdReader> {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
    const page = await browser.newPage({ viewport: { width: SCREEN + 20, height: 1400 } });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff"><div id="pages"></div></body></html>');
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules/ofd.js/lib/ofd.umd.js') });
    return new OfdReader(browser, page);
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  /**
   * Renders an .ofd (passed as bytes) and reads every page back. The reader fits pages to the
   * screen's width: by default 4 px/mm on portrait A4, or `pxPerMm` on the first page.
   */
  async read(bytes: Uint8Array, pxPerMm?: number): Promise<ReadPage[]> {
    const unzip = (await import('fflate')).unzipSync(bytes);
    // Page widths from the package, to turn the reader's pixels back into millimetres.
    const widths = pageWidths(unzip);
    const pages = await this.readPx(bytes, pxPerMm ? 10 + widths[0]! * pxPerMm : SCREEN);
    return pages.map((p, i) => {
      const s = p.width / widths[i]!;
      return { text: p.text, byFill: p.byFill, pxPerMm: s, strokes: p.strokes.map((k) => ({ color: k.color, mm: k.px / s })), glyphs: p.glyphs.map((g) => ({ ch: g.ch, x: g.x / s, y: g.y / s })) };
    });
  }

  private async readPx(bytes: Uint8Array, screen: number) {
    return this.page.evaluate(
      async ({ b64, screen }) => {
        const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const w = window as unknown as { ofd: { parseOfdDocument(o: object): void; renderOfd(width: number, doc: unknown): HTMLElement[] } };
        const docs = await new Promise<unknown[]>((resolve, reject) => w.ofd.parseOfdDocument({ ofd: bin.buffer, success: resolve, fail: reject }));
        const host = document.getElementById('pages')!;
        host.replaceChildren();
        const divs = w.ofd.renderOfd(screen, docs[0]);
        for (const d of divs) host.appendChild(d);
        return divs.map((d) => {
          const texts = [...d.querySelectorAll('text')];
          const byFill: Record<string, string> = {};
          for (const t of texts) {
            const fill = t.getAttribute('fill') ?? '';
            byFill[fill] = (byFill[fill] ?? '') + (t.textContent ?? '');
          }
          const strokes = [...d.querySelectorAll('path')].map((p) => ({ color: p.getAttribute('stroke') ?? '', px: parseFloat(p.getAttribute('stroke-width') ?? '0') }));
          const r = d.getBoundingClientRect();
          const glyphs = texts.map((t) => {
            const svg = t.ownerSVGElement!;
            // Through the element's transform (a turned object's CTM), into the svg's coordinates.
            const p = svg.createSVGPoint();
            p.x = parseFloat(t.getAttribute('x') ?? '0');
            p.y = parseFloat(t.getAttribute('y') ?? '0');
            const m = t.getCTM();
            const q = m ? p.matrixTransform(m) : p;
            return { ch: t.textContent ?? '', x: parseFloat(svg.style.left) + q.x, y: parseFloat(svg.style.top) + q.y };
          });
          return { text: texts.map((t) => t.textContent ?? '').join(''), byFill, strokes, glyphs, width: r.width, height: r.height };
        });
      },
      { b64: Buffer.from(bytes).toString('base64'), screen },
    );
  }

  /** A PNG of page `i` of the document read last, as ofd.js drew it. */
  async screenshot(i: number): Promise<Buffer> {
    const div = this.page.locator('#pages > *').nth(i);
    return div.screenshot();
  }

  /**
   * The ink of a PNG (decoded by the browser): ruled lines (runs of dark or red pixels longer than
   * 15 mm, across or down) and, with those masked, the lines of text (rows with ink).
   */
  async ink(png: Uint8Array, pxPerMm: number): Promise<Ink> {
    return this.page.evaluate(
      async ({ b64, minRun }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
        const inked = new Uint8Array(width * height);
        for (let i = 0; i < width * height; i++) {
          const [r, g, b] = [data[4 * i]!, data[4 * i + 1]!, data[4 * i + 2]!];
          inked[i] = 0.3 * r + 0.59 * g + 0.11 * b < 160 || (r > 180 && g < 120 && b < 120) ? 1 : 0;
        }
        const rule = new Uint8Array(width * height);
        const hRows = new Set<number>();
        const vCols = new Set<number>();
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; ) {
            let e = x;
            while (e < width && inked[y * width + e]) e++;
            if (e - x >= minRun) (rule.fill(1, y * width + x, y * width + e), hRows.add(y));
            x = e + 1;
          }
        for (let x = 0; x < width; x++)
          for (let y = 0; y < height; ) {
            let e = y;
            while (e < height && inked[e * width + x]) e++;
            if (e - y >= minRun) {
              for (let k = y; k < e; k++) rule[k * width + x] = 1;
              vCols.add(x);
            }
            y = e + 1;
          }
        /** Runs of consecutive numbers, as their centres. */
        const centres = (set: Set<number>) => {
          const v = [...set].sort((a, b) => a - b);
          const out: number[] = [];
          let start = v[0];
          for (let i = 0; i < v.length; i++) if (i === v.length - 1 || v[i + 1]! > v[i]! + 1) (out.push((start! + v[i]!) / 2), (start = v[i + 1]));
          return out;
        };
        const bands: { top: number; bottom: number; left: number; right: number; cx: number; cy: number }[] = [];
        let cur: { top: number; bottom: number; left: number; right: number; sx: number; sy: number; n: number } | undefined;
        const close = () => {
          if (cur) bands.push({ top: cur.top, bottom: cur.bottom, left: cur.left, right: cur.right, cx: cur.sx / cur.n, cy: cur.sy / cur.n });
          cur = undefined;
        };
        for (let y = 0; y < height; y++) {
          let left = -1;
          let right = -1;
          let sx = 0;
          let n = 0;
          for (let x = 0; x < width; x++) {
            const i = y * width + x;
            if (inked[i] && !rule[i]) {
              if (left < 0) left = x;
              right = x;
              sx += x;
              n++;
            }
          }
          if (left < 0) {
            close();
            continue;
          }
          if (!cur) cur = { top: y, bottom: y, left, right, sx: 0, sy: 0, n: 0 };
          Object.assign(cur, { bottom: y, left: Math.min(cur.left, left), right: Math.max(cur.right, right), sx: cur.sx + sx, sy: cur.sy + y * n, n: cur.n + n });
        }
        close();
        return { bands, hLines: centres(hRows), vLines: centres(vCols) };
      },
      { b64: Buffer.from(png).toString('base64'), minRun: 15 * pxPerMm },
    );
  }

  /** Whether Chromium's FontFace accepts a font file ('ok', or the error it gave). */
  async loadFont(bytes: Uint8Array): Promise<string> {
    return this.page.evaluate(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      try {
        const f = new FontFace(`t${Math.random().toString(36).slice(2)}`, bin.buffer);
        await f.load();
        return f.status === 'loaded' ? 'ok' : f.status;
      } catch (e) {
        return String(e);
      }
    }, Buffer.from(bytes).toString('base64'));
  }
}
