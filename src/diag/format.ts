// Prints diagnostics as `file:line:col  error  CODE  message` with a code frame, or as JSON.
import type { Diagnostic } from './diagnostic.js';

/** Source texts by file name, for code frames. */
export type SourceLookup = (file: string) => string | undefined;

const SEVERITY_ZH: Record<string, string> = { error: 'error', warning: 'warning' };

export function formatDiagnostic(d: Diagnostic, sources?: SourceLookup): string {
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.column}` : '-';
  const lines = [`${where}  ${SEVERITY_ZH[d.severity]}  ${d.code}  ${d.message}`];
  const frame = d.span && sources ? codeFrame(sources(d.span.file), d.span.line, d.span.column, d.span.endLine === d.span.line ? d.span.endColumn : undefined) : '';
  if (frame) lines.push(frame);
  if (d.hint) lines.push(`    提示：${d.hint}`);
  return lines.join('\n');
}

export function formatDiagnostics(diags: readonly Diagnostic[], sources?: SourceLookup): string {
  return diags.map((d) => formatDiagnostic(d, sources)).join('\n');
}

/** Two lines of context before the line, the line itself and a caret under the column. */
export function codeFrame(text: string | undefined, line: number, column: number, endColumn?: number): string {
  if (text === undefined || line < 1) return '';
  const all = text.split(/\r?\n/);
  if (line > all.length) return '';
  const first = Math.max(1, line - 2);
  const width = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    const src = clip(all[n - 1] ?? '');
    out.push(`  ${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${src}`);
  }
  const src = all[line - 1] ?? '';
  const pad = displayWidth(src.slice(0, Math.max(0, column - 1)));
  const len = endColumn && endColumn > column ? Math.max(1, displayWidth(src.slice(column - 1, endColumn - 1))) : 1;
  out.push(`    ${' '.repeat(width)} | ${' '.repeat(Math.min(pad, 120))}${'^'.repeat(Math.min(len, 60))}`);
  return out.join('\n');
}

function clip(s: string): string {
  return s.length > 160 ? s.slice(0, 160) + '…' : s;
}

/** Terminal columns: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function diagnosticsToJson(diags: readonly Diagnostic[]): object[] {
  return diags.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    file: d.span?.file ?? null,
    line: d.span?.line ?? null,
    column: d.span?.column ?? null,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
}
