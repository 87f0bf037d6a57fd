// Diagnostics as values: every stage returns them instead of throwing (DESIGN §2.2).

/** A position in a source file; lines and columns are 1-based. */
export interface Span {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. E_REQUIRED. */
  code: string;
  /** Chinese message for the user. */
  message: string;
  span?: Span;
  /** Extra advice (allowed values, nearest match, …). */
  hint?: string;
}

export function error(code: string, message: string, span?: Span, hint?: string): Diagnostic {
  return withOptional({ severity: 'error', code, message }, span, hint);
}

export function warning(code: string, message: string, span?: Span, hint?: string): Diagnostic {
  return withOptional({ severity: 'warning', code, message }, span, hint);
}

function withOptional(d: Diagnostic, span?: Span, hint?: string): Diagnostic {
  if (span) d.span = span;
  if (hint) d.hint = hint;
  return d;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, line, column so output is stable. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => {
    const fa = a.span?.file ?? '';
    const fb = b.span?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.column ?? 0) - (b.span?.column ?? 0);
  });
}

/** One diagnostic per place: a field drawn in several documents reports its missing glyph once. */
export function uniqueDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = `${d.severity}\u0000${d.code}\u0000${d.message}\u0000${d.span?.file}:${d.span?.line}:${d.span?.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
