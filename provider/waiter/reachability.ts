import { EcsError } from "../ecs/errors/EcsError";
import { EcsNetworkError } from "../ecs/errors/EcsNetworkError";
import { EcsResponseError } from "../ecs/errors/EcsResponseError";
import { DescribeTasksApi } from "./scheduler";
import { EndpointUnreachableError } from "./errors/EndpointUnreachableError";

/** When a run of failures without one ECS answer counts as permanent. */
export interface ReachabilityOptions {
    /** For an endpoint that has not given one ECS answer in this process: a wrong URL, a closed port, a web server. In ms; default 15000. */
    neverAnsweredMs?: number;
    /** For an endpoint that answered earlier in this process: an outage, which may pass. In ms; default 300000. */
    answeredBeforeMs?: number;
    /** Clock, ms since the epoch. Default `Date.now`. */
    now?: () => number;
}

export const REACHABILITY_DEFAULTS = { neverAnsweredMs: 15_000, answeredBeforeMs: 300_000 } as const;

/**
 * Wraps the DescribeTasks API of a scheduler and turns a persistent lack of ECS answers into a
 * permanent error. Network errors (connection refused or reset, timeouts) and answers that are
 * not ECS responses (HTML pages, empty or truncated bodies) are retryable by design: each may be
 * a blip, and the client retries each call. But when every call has failed that way since
 * `neverAnsweredMs` (an endpoint that never answered) or `answeredBeforeMs` (one that did), the
 * next such failure is thrown as {@link EndpointUnreachableError}, which fails the waits at once
 * instead of at their timeout. Any ECS answer, an API error included, ends the run of failures.
 * The time counts from the start of the first failed call.
 */
export class ReachabilityGuard implements DescribeTasksApi {
    private readonly neverAnsweredMs: number;
    private readonly answeredBeforeMs: number;
    private readonly now: () => number;
    private answered = false;
    private failingSince: number | undefined;
    private failedCalls = 0;

    constructor(
        private readonly api: DescribeTasksApi,
        o: ReachabilityOptions = {},
    ) {
        this.neverAnsweredMs = o.neverAnsweredMs ?? REACHABILITY_DEFAULTS.neverAnsweredMs;
        this.answeredBeforeMs = o.answeredBeforeMs ?? REACHABILITY_DEFAULTS.answeredBeforeMs;
        this.now = o.now ?? Date.now;
    }

    async describeTasks(p: Parameters<DescribeTasksApi["describeTasks"]>[0], signal?: AbortSignal): ReturnType<DescribeTasksApi["describeTasks"]> {
        const started = this.now();
        try {
            const r = await this.api.describeTasks(p, signal);
            this.onAnswer();
            return r;
        } catch (err) {
            throw this.judge("DescribeTasks", err, started);
        }
    }

    private onAnswer(): void {
        this.answered = true;
        this.failingSince = undefined;
        this.failedCalls = 0;
    }

    private judge(action: string, err: unknown, started: number): unknown {
        const noEcsAnswer = (err instanceof EcsNetworkError && err.retryable) || err instanceof EcsResponseError;
        if (!noEcsAnswer) {
            // The gateway answered (with an API error), or the error is not about reaching it.
            if (err instanceof EcsError && !(err instanceof EcsNetworkError)) this.onAnswer();
            return err;
        }
        this.failingSince ??= started;
        this.failedCalls++;
        const failingForMs = this.now() - this.failingSince;
        const limit = this.answered ? this.answeredBeforeMs : this.neverAnsweredMs;
        if (failingForMs < limit) return err;
        return new EndpointUnreachableError({ action, failingForMs, failedCalls: this.failedCalls, answeredBefore: this.answered, last: err as EcsError });
    }
}
