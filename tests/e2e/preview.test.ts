// The preview in Debian's Chromium (playwright-core): pick a document, see its pages, edit the
// template on disk and see the change without reloading, break the YAML and see the positioned
// error, fix it and see it cleared. Saves a screenshot to tests/.artifacts/.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT } from '../support/examples.js';
import { readOfd } from '../support/ofd-package.js';

const ARTIFACTS = path.join(ROOT, 'tests/.artifacts');

describe('gongwen preview in Chromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-preview-'));
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.cpSync(path.join(ROOT, 'tests/fixtures/good'), path.join(dir, 'data'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    const world = nodeWorld(dir);
    server = await startPreview(world, { port: 0, inputs: ['data'], templatesDir: 'templates', fonts: FontBook.load(world, { system: false }) });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the units and shows a document with its title, in subsets of its fonts', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const fonts: number[] = [];
    page.on('response', (r) => void (/\/fonts\//.test(r.url()) && r.body().then((b) => fonts.push(b.length))));
    await page.goto(server.url);
    await page.getByText('整改方案', { exact: true }).click();
    await expect.poll(() => page.locator('svg.page').count()).toBeGreaterThan(0);
    await expect.poll(async () => (await page.locator('#pages').innerText()).replace(/\s+/g, '')).toContain('中共测试单位委员会领导班子教育实践活动整改方案');
    // The page's text is drawn in the served faces (not a fallback), each a subset of a few hundred
    // KB at most where the whole faces are 10–15 MB.
    await expect.poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('gw') && f.status === 'loaded').length)).toBeGreaterThanOrEqual(2);
    const families = await page.evaluate(() => [...new Set([...document.querySelectorAll('svg.page text')].map((t) => t.getAttribute('font-family')))]);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
    for (const f of families) expect(loaded).toContain(f);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const n of fonts) expect(n).toBeLessThan(1 << 20);
  });

  it('shows a template edit on the page without a reload, within a second or so', async () => {
    const file = path.join(dir, 'templates/rectification-plan.md.hbs');
    const version = await page.evaluate(() => document.body.dataset.version);
    const t0 = Date.now();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: "{{unit.issuer}}领导班子教育实践活动整改方案"', 'title: "{{unit.issuer}}领导班子整改工作方案（修订稿）"'));
    await expect.poll(async () => (await page.locator('#pages').innerText()).replace(/\s+/g, ''), { timeout: 10_000 }).toContain('整改工作方案（修订稿）');
    const ms = Date.now() - t0;
    process.stdout.write(`preview: save → updated page in ${ms} ms\n`);
    expect(ms).toBeLessThan(3000);
    // Same page object, no navigation: the update came over server-sent events.
    expect(await page.evaluate(() => document.body.dataset.version)).not.toBe(version);
  });

  it('shows a YAML error with file:line:column and clears it when fixed; the server keeps running', async () => {
    const file = path.join(dir, 'data/minimal.yaml');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.replace('    wind: formalism', '    wind: formalism\n   scope: [broken'));
    await expect.poll(() => page.locator('#errors').innerText(), { timeout: 10_000 }).toMatch(/data\/minimal\.yaml:\d+:\d+ +error +E_YAML_SYNTAX/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-error.png') });
    fs.writeFileSync(file, good);
    await expect.poll(() => page.locator('#errors').isVisible(), { timeout: 10_000 }).toBe(false);
    await expect.poll(async () => (await page.locator('#pages').innerText()).replace(/\s+/g, '')).toContain('修订稿');
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview.png') });
  });

  it('serves downloads of the document and nothing outside the project', async () => {
    const unit = encodeURIComponent('data/minimal.yaml');
    const pdf = await fetch(`${server.url}download?unit=${unit}&key=${encodeURIComponent('整改方案')}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await fetch(`${server.url}download?unit=${unit}&key=${encodeURIComponent('整改方案')}&format=docx`);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    // The .ofd the page offers beside them: the same pages, read back by our package checks.
    const href = await page.locator('#links a', { hasText: '下载 .ofd' }).getAttribute('href');
    const ofd = await fetch(new URL(href!, server.url));
    expect(ofd.status).toBe(200);
    expect(ofd.headers.get('content-type')).toBe('application/ofd');
    const pkg = readOfd(new Uint8Array(await ofd.arrayBuffer()));
    expect(pkg.problems).toEqual([]);
    expect(pkg.pageIds.length).toBeGreaterThan(0);
    for (const evil of ['../../etc/passwd', '/etc/passwd', 'fonts/../../package.json', 'fonts/99', 'fonts/0123456789abcdef', '%2e%2e/%2e%2e/etc/passwd']) {
      const r = await fetch(server.url + evil);
      expect(r.status, evil).toBe(404);
    }
  });
});
