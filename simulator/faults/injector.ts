import { FaultConfig, FaultDecision, FaultKind, FaultRule, QuotaRule } from "./types";

/** What a {@link FaultInjector} depends on; both are injected so runs replay exactly. */
export interface InjectorDeps {
    /** Uniform in [0, 1). Seed it (see ./seededRandom) to replay a run. */
    random: () => number;
    /** Clock, ms since the epoch. */
    now: () => number;
}

/**
 * Decides, call by call, which fault (if any) the simulator answers with: quotas first (a call
 * over a quota is throttled), then the rules in order, the first that fires wins; `latency`
 * rules add delay and let the others still fire. Counts what it injected, by kind.
 */
export class FaultInjector {
    private config: FaultConfig = {};
    private matched: number[] = [];
    private fired: number[] = [];
    /** Answered calls per `key\0region\0action`, as timestamps of the last minute. */
    private readonly windows = new Map<string, number[]>();
    /** Faults injected so far, by kind (quota throttles count as `throttle`). */
    injected: Partial<Record<FaultKind, number>> = {};

    constructor(private readonly deps: InjectorDeps) {}

    /** Replaces the configuration and resets counters and quota windows. The input must be validated (./validate). */
    configure(config: FaultConfig): void {
        this.config = config;
        this.matched = (config.rules ?? []).map(() => 0);
        this.fired = (config.rules ?? []).map(() => 0);
        this.windows.clear();
        this.injected = {};
    }

    /** The configuration in force. */
    get current(): FaultConfig {
        return this.config;
    }

    /** How long a new task stays missing from DescribeTasks, in ms. */
    get taskMissingMs(): number {
        return this.config.taskMissingMs ?? 0;
    }

    /** The decision for one call of `action` signed with `accessKeyId` for `regionId` (quotas count per key, region and action). */
    decide(action: string, accessKeyId: string, regionId = ""): FaultDecision {
        const d: FaultDecision = { delayMs: 0 };
        const quota = this.overQuota(action, `${accessKeyId}\0${regionId}`);
        if (quota) {
            d.fault = { kind: "throttle", retryAfterSeconds: quota.retryAfterSeconds, cause: "quota" };
            this.count("throttle");
            return d;
        }
        const rules = this.config.rules ?? [];
        for (let i = 0; i < rules.length; i++) {
            const r = rules[i];
            if (r.actions && !r.actions.includes(action)) continue;
            if (!this.fires(r, i)) continue;
            this.count(r.kind);
            if (r.kind === "latency") {
                d.delayMs += (r.delayMs ?? 0) + this.deps.random() * (r.jitterMs ?? 0);
                continue;
            }
            d.fault = { kind: r.kind, retryAfterSeconds: r.retryAfterSeconds, cause: "rule" };
            break;
        }
        return d;
    }

    private fires(r: FaultRule, i: number): boolean {
        this.matched[i]++;
        if (r.limit !== undefined && this.fired[i] >= r.limit) return false;
        const scheduled = r.every !== undefined && this.matched[i] % r.every === 0;
        const drawn = r.rate !== undefined && this.deps.random() < r.rate;
        if (!scheduled && !drawn) return false;
        this.fired[i]++;
        return true;
    }

    /** @returns the quota that this call breaks, or undefined (and then the call counts against every quota). */
    private overQuota(action: string, key: string): QuotaRule | undefined {
        const quotas = (this.config.quotas ?? []).filter((q) => q.action === undefined || q.action === action);
        if (quotas.length === 0) return undefined;
        const t = this.deps.now();
        const id = `${key}\0${action}`;
        const log = (this.windows.get(id) ?? []).filter((x) => x > t - 60_000);
        this.windows.set(id, log);
        for (const q of quotas) {
            if (q.perMinute !== undefined && log.length >= q.perMinute) return q;
            if (q.perSecond !== undefined && log.filter((x) => x > t - 1000).length >= q.perSecond) return q;
        }
        log.push(t);
        return undefined;
    }

    private count(kind: FaultKind): void {
        this.injected[kind] = (this.injected[kind] ?? 0) + 1;
    }
}
