// Progress while a batch runs: a bar on a terminal, plain lines otherwise; and the summary table.
import { displayWidth } from '../diag/format.js';
import type { UnitSummary } from '../api/render.js';

export class Progress {
  private failed = 0;
  private readonly start = Date.now();
  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly tty: boolean,
  ) {}

  unit(u: UnitSummary, done: number, total: number): void {
    if (unsuccessful(u)) this.failed++;
    const secs = ((Date.now() - this.start) / 1000).toFixed(1);
    if (this.tty) {
      const width = 30;
      const fill = total ? Math.round((done / total) * width) : width;
      this.out.write(`\r\x1b[2K[${'█'.repeat(fill)}${'░'.repeat(width - fill)}] ${done}/${total} 个单位  失败 ${this.failed}  用时 ${secs} 秒`);
      if (done === total) this.out.write('\n');
    } else {
      this.out.write(
        `[${done}/${total}] ${unsuccessful(u) ? '✗' : '✓'} ${u.name ?? u.id}：${u.failed ? '失败' : unsuccessful(u) ? `有错误；${u.documents.length} 个文档，${u.pages} 页` : `${u.documents.length} 个文档，${u.pages} 页`}（${secs} 秒）\n`,
      );
    }
  }

  /** Clears the bar before other output is printed. */
  clear(): void {
    if (this.tty) this.out.write('\r\x1b[2K');
  }
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function summaryTable(units: UnitSummary[]): string {
  const rows = units.map((u) => [
    unsuccessful(u) ? '✗' : '✓',
    u.name ?? u.id,
    String(u.documents.length),
    String(u.pages),
    String(u.diagnostics.filter((d) => d.severity === 'warning').length),
    String(u.diagnostics.filter((d) => d.severity === 'error').length),
  ]);
  const head = ['', '单位', '文档', '页数', '警告', '错误'];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  return [head, ...rows].map((r) => '  ' + r.map((c, i) => pad(c, widths[i]!)).join('  ')).join('\n');
}

/** A unit that failed, or was written with an error (an attachment it could not file), is no success. */
export function unsuccessful(u: UnitSummary): boolean {
  return u.failed || u.diagnostics.some((d) => d.severity === 'error');
}
