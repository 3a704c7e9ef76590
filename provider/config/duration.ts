import { ConfigError } from "./ConfigError";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Longest duration accepted: 7 days. Longer waits are a typo, and exceed what a timer can hold in one piece. */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;

/**
 * Parses a duration with units, such as `"90m"`, `"1h30m"`, `"45s"` or `"1500ms"`
 * (Go-style, as Pulumi's `customTimeouts` strings are written).
 *
 * @param setting the name to report in errors (e.g. `timeout`).
 * @returns milliseconds, > 0 and <= {@link MAX_DURATION_MS}.
 * @throws ConfigError when the text has no units, an unknown unit, is zero or exceeds 7 days.
 */
export function parseDuration(text: string, setting: string): number {
    const trimmed = text.trim();
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
    let total = 0;
    let matched = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(trimmed)) !== null) {
        total += parseFloat(m[1]) * UNIT_MS[m[2]];
        matched = re.lastIndex;
    }
    if (trimmed === "" || matched !== trimmed.length) {
        throw new ConfigError(setting, `"${text}" is not a duration; write a number with units ms, s, m or h, such as "90m" or "1h30m"`);
    }
    if (total <= 0) throw new ConfigError(setting, `"${text}" must be longer than zero`);
    if (total > MAX_DURATION_MS) throw new ConfigError(setting, `"${text}" is longer than the maximum of 168h (7 days)`);
    return Math.round(total);
}

/** Formats milliseconds for messages: `"1h2m3s"`, `"850ms"`. */
export function formatDuration(ms: number): string {
    if (ms < 1000) return `${Math.round(ms)}ms`;
    let s = Math.round(ms / 1000);
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${s || (!h && !m) ? `${s}s` : ""}`;
}
