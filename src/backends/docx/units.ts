// Points → the DOCX units (twips, half-points, eighths of a point). Only the DOCX backend uses these.
export const twip = (pt: number): number => Math.round(pt * 20);
export const halfPt = (pt: number): number => Math.round(pt * 2);
export const eighthPt = (pt: number): number => Math.max(2, Math.round(pt * 8));
