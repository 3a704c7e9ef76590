/** The part of the scheduler the budget looks at. */
export interface IntervalSource {
    /** The interval between ticks now, in ms (longer than the base after throttling). */
    readonly currentIntervalMs: number;
    /** The configured interval between ticks, in ms. */
    readonly baseIntervalMs: number;
}

/** Least time between two progress reads of one poller, in ms. Default 2000 (at most 30 calls a minute, however many waiters). */
export const PROGRESS_MIN_GAP_MS = 2000;

/**
 * Shares the DescribeTaskAttribute calls that read progress (DescribeTasks has none) among every
 * wait of one shared poller, so their cost does not grow with the number of waiters: at most one
 * read per `minGapMs`, and none while the poller is slowed down by throttling (the quota is per
 * account and per API; docs/ecs-api.md section 3). Progress is for the log only; the waits never
 * depend on it.
 */
export class ProgressBudget {
    private last = -Infinity;

    constructor(
        private readonly scheduler: IntervalSource,
        readonly minGapMs = PROGRESS_MIN_GAP_MS,
        private readonly now: () => number = Date.now,
    ) {}

    /** @returns true when a progress read may be made now (and counts it). */
    take(): boolean {
        if (this.scheduler.currentIntervalMs > this.scheduler.baseIntervalMs) return false;
        const t = this.now();
        if (t - this.last < this.minGapMs) return false;
        this.last = t;
        return true;
    }
}
