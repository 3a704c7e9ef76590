/** p50, p95 and max of a list of numbers (nearest-rank), rounded to whole units; all null when empty. */
export function summarize(values: number[]): { p50: number | null; p95: number | null; max: number | null } {
    if (values.length === 0) return { p50: null, p95: null, max: null };
    const v = [...values].sort((a, b) => a - b);
    const rank = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))];
    return { p50: Math.round(rank(0.5)), p95: Math.round(rank(0.95)), max: Math.round(v[v.length - 1]) };
}

/** The median of a list of numbers (the mean of the middle two for an even count), or null when empty. */
export function median(values: number[]): number | null {
    if (values.length === 0) return null;
    const v = [...values].sort((a, b) => a - b);
    const mid = Math.floor(v.length / 2);
    return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
