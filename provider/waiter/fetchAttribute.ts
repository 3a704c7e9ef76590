import { TaskAttribute } from "../ecs/types";
import { EcsError } from "../ecs/errors/EcsError";
import type { TaskAttributeApi } from "./waitForTask";
import { realSleep } from "../util/sleep";
import { backoffDelay, DEFAULT_RETRY } from "../ecs/retry";

/** How {@link fetchAttribute} keeps trying. */
export interface FetchAttributeOptions {
    /** Give up once this time has passed, ms since the epoch (the wait's own deadline). */
    deadlineMs: number;
    /** Clock, ms since the epoch. Default `Date.now`. */
    now?: () => number;
    /** Pause between tries. Default: a real timer (it keeps the process alive: a wait is still in progress), cut short by `signal`. */
    sleep?: (ms: number) => Promise<void>;
    /** Uniform in [0, 1), for the jitter. Default `Math.random`. */
    random?: () => number;
    /** Stops trying at once (Ctrl-C); the call in flight is aborted too. */
    signal?: AbortSignal;
}

/** Pauses between tries: the per-call retry's own full-jitter backoff, 0.5 s doubling to 10 s. */
const PAUSES = DEFAULT_RETRY;

/**
 * DescribeTaskAttribute for a task that has ended. It is the only source of a failed task's
 * reason and of an export's OSS object (docs/ecs-api.md section 2), so it is asked again, each
 * time with the client's own retries and then a pause of full jitter from 0.5 s doubling to 10 s,
 * until it answers, the failure is one no retry fixes (seen twice, so that one stray answer does
 * not decide), `deadlineMs` passes, or `signal` aborts.
 * @returns the attribute, or undefined when it could not be had.
 */
export async function fetchAttribute(attrs: TaskAttributeApi, regionId: string, taskId: string, o: FetchAttributeOptions): Promise<TaskAttribute | undefined> {
    const now = o.now ?? Date.now;
    const sleep = o.sleep ?? ((ms: number) => realSleep(ms, o.signal).catch(() => undefined));
    const random = o.random ?? Math.random;
    let permanent = 0;
    for (let i = 0; ; i++) {
        if (o.signal?.aborted) return undefined;
        try {
            return await attrs.describeTaskAttribute(regionId, taskId, o.signal);
        } catch (err) {
            if (err instanceof EcsError && !err.retryable && ++permanent >= 2) return undefined;
        }
        const pause = backoffDelay(PAUSES, i + 1, random);
        if (now() + pause >= o.deadlineMs) return undefined;
        await sleep(pause);
        if (o.signal?.aborted) return undefined;
    }
}
