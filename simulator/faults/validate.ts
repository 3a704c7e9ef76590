import { SimError } from "../SimError";
import { FAULT_KINDS, FaultConfig, FaultRule, QuotaRule } from "./types";

/**
 * Checks a fault configuration as `PUT /_sim/faults` receives it.
 * @returns the configuration, typed.
 * @throws SimError (HTTP 400, code `InvalidFaultConfig`) naming the first bad field, e.g. `rules[1].rate`.
 */
export function validateFaultConfig(input: unknown): FaultConfig {
    const bad = (field: string, what: string) => new SimError(400, "InvalidFaultConfig", `${field}: ${what}`);
    if (input === null || typeof input !== "object" || Array.isArray(input)) throw bad("faults", "must be a JSON object");
    const o = input as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!["rules", "quotas", "taskMissingMs"].includes(k)) throw bad(k, "unknown field; expected rules, quotas or taskMissingMs");
    const count = (field: string, v: unknown, min: number) => {
        if (v === undefined) return;
        if (typeof v !== "number" || !Number.isFinite(v) || v < min) throw bad(field, `must be a number >= ${min}`);
    };
    const list = (field: string, v: unknown): Record<string, unknown>[] => {
        if (v === undefined) return [];
        if (!Array.isArray(v)) throw bad(field, "must be an array");
        return v.map((x, i) => {
            if (x === null || typeof x !== "object" || Array.isArray(x)) throw bad(`${field}[${i}]`, "must be an object");
            return x as Record<string, unknown>;
        });
    };
    list("rules", o.rules).forEach((r, i) => {
        const f = `rules[${i}]`;
        if (!FAULT_KINDS.includes(r.kind as never)) throw bad(`${f}.kind`, `must be one of ${FAULT_KINDS.join(", ")}`);
        if (r.rate === undefined && r.every === undefined) throw bad(f, "give rate (0..1) or every (N-th call), or both");
        if (r.rate !== undefined && (typeof r.rate !== "number" || !(r.rate >= 0 && r.rate <= 1))) throw bad(`${f}.rate`, "must be a number from 0 to 1");
        if (r.every !== undefined && (!Number.isInteger(r.every) || (r.every as number) < 1)) throw bad(`${f}.every`, "must be an integer >= 1");
        if (r.actions !== undefined && (!Array.isArray(r.actions) || r.actions.some((a) => typeof a !== "string"))) throw bad(`${f}.actions`, "must be an array of action names");
        count(`${f}.limit`, r.limit, 0);
        count(`${f}.retryAfterSeconds`, r.retryAfterSeconds, 0);
        count(`${f}.delayMs`, r.delayMs, 0);
        count(`${f}.jitterMs`, r.jitterMs, 0);
    });
    list("quotas", o.quotas).forEach((q, i) => {
        const f = `quotas[${i}]`;
        if (q.action !== undefined && typeof q.action !== "string") throw bad(`${f}.action`, "must be an action name");
        if (q.perSecond === undefined && q.perMinute === undefined) throw bad(f, "give perSecond or perMinute, or both");
        count(`${f}.perSecond`, q.perSecond, 1);
        count(`${f}.perMinute`, q.perMinute, 1);
        count(`${f}.retryAfterSeconds`, q.retryAfterSeconds, 0);
    });
    count("taskMissingMs", o.taskMissingMs, 0);
    return o as FaultConfig & { rules?: FaultRule[]; quotas?: QuotaRule[] };
}
