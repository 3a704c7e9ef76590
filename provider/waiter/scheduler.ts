import { DescribeTasksResult, TaskSummary } from "../ecs/types";
import { EcsError } from "../ecs/errors/EcsError";
import { EcsApiError } from "../ecs/errors/EcsApiError";
import { MAX_TIMER_MS } from "../util/sleep";
import { ConfigError } from "../config/ConfigError";

/** The part of the ECS client the scheduler uses. */
export interface DescribeTasksApi {
    describeTasks(p: { RegionId: string; TaskIds: string[]; PageSize: number; PageNumber: number }, signal?: AbortSignal): Promise<DescribeTasksResult>;
}

/** What a watcher hears on each tick. */
export type Observation =
    | { kind: "found"; task: TaskSummary }
    | { kind: "absent" }
    /** The call failed in a way that may pass; the wait goes on. */
    | { kind: "transient"; error: Error }
    /** The call failed in a way no retry fixes (bad keys, bad parameter for this ID alone). */
    | { kind: "fatal"; error: Error };

export type Watcher = (o: Observation) => void;

/** Timing of one scheduler. */
export interface SchedulerOptions {
    /** Time between ticks, in ms. Default 4000. */
    pollIntervalMs?: number;
    /** Longest time between ticks after throttling, in ms. Default 60000. */
    maxIntervalMs?: number;
    /** Task IDs per DescribeTasks call, 1..100 (the API's limit). Default 100. */
    batchSize?: number;
    /** Timer functions; injected so tests control time. Default the global ones. */
    setTimer?: (fn: () => void, ms: number) => unknown;
    clearTimer?: (handle: unknown) => void;
}

const PARAM_ERROR = /^(InvalidParameter|InvalidTaskId|MissingParameter|IllegalParam)/;
/** Codes of provider/waiter/reachability.ts: already the verdict of many failed calls. */
const UNREACHABLE = /^(EndpointUnreachable|NotAnEcsGateway)$/;

/**
 * One poller for every task waited on with the same (endpoint, region, credentials): each tick
 * asks DescribeTasks about every watched ID, up to `batchSize` IDs a call (paging when the
 * gateway pages), and hands each watcher what was seen of its task. Starts with the first
 * watcher, stops when the last leaves (no timer is left behind). After throttling, the interval
 * doubles (up to `maxIntervalMs`) for everyone at once, is at least the gateway's `x-acs-retry-after`,
 * and recovers by a quarter each clean tick. A parameter error on a batch is narrowed by splitting
 * the batch, so one bad ID fails alone. An error that no retry should fix (bad keys, clock, parameter)
 * is asked again once with a fresh call before the watchers hear it as fatal, so one stray answer
 * (a request delayed past its timestamp window, a gateway glitch) does not end a long wait.
 * Knows nothing of Pulumi.
 */
export class TaskScheduler {
    readonly regionId: string;
    private readonly api: DescribeTasksApi;
    private readonly baseMs: number;
    private readonly maxMs: number;
    private readonly batchSize: number;
    private readonly setTimer: (fn: () => void, ms: number) => unknown;
    private readonly clearTimer: (handle: unknown) => void;
    private readonly watchers = new Map<string, Set<Watcher>>();
    private timer: unknown = undefined;
    private running = false;
    private intervalMs: number;
    /** Ends the calls of the tick in progress when the last watcher leaves. */
    private inflight: AbortController | undefined;
    /** The longest `x-acs-retry-after` met in the current tick, in ms. */
    private retryAfterMs = 0;
    /** DescribeTasks calls made, for tests and the benchmark. */
    calls = 0;

    constructor(api: DescribeTasksApi, regionId: string, o: SchedulerOptions = {}) {
        this.api = api;
        this.regionId = regionId;
        this.baseMs = o.pollIntervalMs ?? 4000;
        this.maxMs = o.maxIntervalMs ?? 60_000;
        this.batchSize = o.batchSize ?? 100;
        if (!(this.baseMs > 0 && this.baseMs <= MAX_TIMER_MS)) throw new ConfigError("pollInterval", `${this.baseMs} ms must be > 0 and fit a timer`);
        if (!(this.maxMs >= this.baseMs && this.maxMs <= MAX_TIMER_MS)) throw new ConfigError("maxPollInterval", `${this.maxMs} ms must be >= pollInterval`);
        if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 100) throw new ConfigError("batchSize", `${this.batchSize} must be an integer from 1 to 100`);
        this.intervalMs = this.baseMs;
        this.setTimer = o.setTimer ?? ((fn, ms) => {
            const t = setTimeout(fn, ms);
            t.unref?.();
            return t;
        });
        this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
    }

    /** The configured interval between ticks, in ms. */
    get baseIntervalMs(): number {
        return this.baseMs;
    }

    /** The current interval between ticks, in ms. */
    get currentIntervalMs(): number {
        return this.intervalMs;
    }

    /** Number of distinct task IDs being watched. */
    get size(): number {
        return this.watchers.size;
    }

    /**
     * Starts hearing about `taskId` from the next tick on (at once if the scheduler was idle).
     * @returns a function that stops watching.
     */
    watch(taskId: string, w: Watcher): () => void {
        let set = this.watchers.get(taskId);
        if (!set) this.watchers.set(taskId, (set = new Set()));
        set.add(w);
        if (this.timer === undefined && !this.running) this.schedule(0);
        return () => {
            const s = this.watchers.get(taskId);
            if (!s) return;
            s.delete(w);
            if (s.size === 0) this.watchers.delete(taskId);
            if (this.watchers.size === 0) {
                if (this.timer !== undefined) this.clearTimer(this.timer);
                this.timer = undefined;
                // No one is left to hear the answer: stop the call in flight and its retries.
                this.inflight?.abort();
            }
        };
    }

    private schedule(ms: number): void {
        this.timer = this.setTimer(() => {
            this.timer = undefined;
            void this.tick();
        }, ms);
    }

    /** One round of DescribeTasks calls over every watched ID. Exposed for tests. */
    async tick(): Promise<void> {
        if (this.running) return;
        this.running = true;
        let throttled = false;
        let aborted = false;
        this.retryAfterMs = 0;
        this.inflight = new AbortController();
        try {
            const ids = [...this.watchers.keys()];
            for (let i = 0; i < ids.length; i += this.batchSize) {
                throttled = (await this.pollBatch(ids.slice(i, i + this.batchSize))) || throttled;
            }
        } finally {
            this.running = false;
            aborted = this.inflight?.signal.aborted ?? false;
            this.inflight = undefined;
        }
        this.intervalMs = throttled
            ? Math.min(MAX_TIMER_MS, Math.max(this.retryAfterMs, Math.min(this.maxMs, this.intervalMs * 2)))
            : Math.max(this.baseMs, Math.floor(this.intervalMs * 0.75));
        // A tick cut short because everyone left never asked about those who joined since: ask at once.
        if (this.watchers.size > 0 && this.timer === undefined) this.schedule(aborted ? 0 : this.intervalMs);
    }

    /** @returns true when the batch met throttling. */
    private async pollBatch(ids: string[], confirming = false): Promise<boolean> {
        let seen: Map<string, TaskSummary>;
        try {
            seen = await this.describe(ids);
        } catch (err) {
            return this.onFailure(ids, err, confirming);
        }
        this.notifySeen(ids, seen);
        return false;
    }

    /** What a failed call for `ids` means for their watchers. @returns true on throttling. */
    private async onFailure(ids: string[], err: unknown, confirming: boolean): Promise<boolean> {
        // Stopped because every watcher left: there is nobody to tell.
        if (this.inflight?.signal.aborted) return false;
        const error = err instanceof Error ? err : new Error(String(err));
        const code = err instanceof EcsError ? err.code : "";
        const retryable = err instanceof EcsError ? err.retryable : true;
        if (!retryable && PARAM_ERROR.test(code) && ids.length > 1) return this.narrow(ids, code, error);
        // An endpoint already judged unreachable has been asked for long enough.
        if (!retryable && !confirming && !UNREACHABLE.test(code)) return this.pollBatch(ids, true);
        if (err instanceof EcsApiError && err.retryAfterMs !== undefined) this.retryAfterMs = Math.max(this.retryAfterMs, err.retryAfterMs);
        for (const id of ids) this.notify(id, retryable ? { kind: "transient", error } : { kind: "fatal", error });
        return /Throttl/i.test(code);
    }

    /**
     * A parameter error on a batch: asks each half on its own. When both halves fail with the same
     * code the request itself is wrong (not one ID), and every watcher hears it at once (3 calls,
     * not one per ID); otherwise the failing half is narrowed further, so one bad ID fails alone.
     */
    private async narrow(ids: string[], code: string, error: Error): Promise<boolean> {
        const mid = Math.ceil(ids.length / 2);
        const halves = [ids.slice(0, mid), ids.slice(mid)];
        const answers: ({ seen: Map<string, TaskSummary> } | { err: unknown })[] = [];
        for (const half of halves) answers.push(await this.describe(half).then((seen) => ({ seen }), (e: unknown) => ({ err: e })));
        if (this.inflight?.signal.aborted) return false;
        const sameError = (a: (typeof answers)[number]) => "err" in a && a.err instanceof EcsError && !a.err.retryable && a.err.code === code;
        if (answers.every(sameError)) {
            for (const id of ids) this.notify(id, { kind: "fatal", error });
            return false;
        }
        let throttled = false;
        for (let i = 0; i < halves.length; i++) {
            const a = answers[i];
            if ("seen" in a) this.notifySeen(halves[i], a.seen);
            else throttled = (await this.onFailure(halves[i], a.err, false)) || throttled;
        }
        return throttled;
    }

    private notifySeen(ids: string[], seen: Map<string, TaskSummary>): void {
        for (const id of ids) {
            const t = seen.get(id);
            this.notify(id, t ? { kind: "found", task: t } : { kind: "absent" });
        }
    }

    private async describe(ids: string[]): Promise<Map<string, TaskSummary>> {
        const seen = new Map<string, TaskSummary>();
        const wanted = new Set(ids);
        for (let page = 1; ; page++) {
            this.calls++;
            const r = await this.api.describeTasks({ RegionId: this.regionId, TaskIds: ids, PageSize: 100, PageNumber: page }, this.inflight?.signal);
            for (const t of r.Tasks) if (wanted.has(t.TaskId)) seen.set(t.TaskId, t);
            const pageSize = r.PageSize > 0 ? r.PageSize : r.Tasks.length;
            if (r.Tasks.length === 0 || seen.size >= ids.length || page * pageSize >= r.TotalCount || page >= 100) break;
        }
        return seen;
    }

    private notify(id: string, o: Observation): void {
        for (const w of [...(this.watchers.get(id) ?? [])]) {
            try {
                w(o);
            } catch {
                // A watcher's failure is its own; the others still hear.
            }
        }
    }
}
