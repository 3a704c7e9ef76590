import { EcsError } from "./errors/EcsError";
import { EcsApiError } from "./errors/EcsApiError";
import { MAX_TIMER_MS, Sleep } from "../util/sleep";
import { ConfigError } from "../config/ConfigError";

/** Per-call retry of transient failures (docs/design.md, "two loops"). */
export interface RetryPolicy {
    /** Attempts in all, including the first. Default 4; 1 disables retries. */
    maxAttempts: number;
    /** First backoff ceiling in milliseconds. Default 500. */
    baseDelayMs: number;
    /** Largest backoff ceiling in milliseconds. Default 10000. */
    maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

/** @throws ConfigError naming the field when a policy value is out of range. */
export function validateRetryPolicy(p: RetryPolicy): RetryPolicy {
    if (!Number.isInteger(p.maxAttempts) || p.maxAttempts < 1) throw new ConfigError("retry.maxAttempts", `${p.maxAttempts} must be an integer >= 1`);
    if (!(p.baseDelayMs >= 0)) throw new ConfigError("retry.baseDelayMs", `${p.baseDelayMs} must be >= 0`);
    if (!(p.maxDelayMs >= p.baseDelayMs)) throw new ConfigError("retry.maxDelayMs", `${p.maxDelayMs} must be >= retry.baseDelayMs`);
    return p;
}

/**
 * Delay before retry number `attempt` (1 = first retry): full jitter, `random() * min(max, base * 2^(attempt-1))`,
 * or the gateway's `x-acs-retry-after` when it gave one and it is longer. Never more than a timer can hold.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number, retryAfterMs?: number): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
    const jittered = random() * ceiling;
    return Math.min(MAX_TIMER_MS, Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Runs `call` until it succeeds, fails with an error that `shouldRetry` refuses (default: one
 * that is not `retryable`), or `policy.maxAttempts` is used up; the last error is thrown as is. `call` must build a new request (nonce, timestamp)
 * on every attempt.
 */
export async function withRetry<T>(
    call: () => Promise<T>,
    policy: RetryPolicy,
    sleep: Sleep,
    random: () => number,
    signal?: AbortSignal,
    shouldRetry: (err: EcsError) => boolean = (err) => err.retryable,
): Promise<T> {
    for (let attempt = 1; ; attempt++) {
        try {
            return await call();
        } catch (err) {
            const retryable = err instanceof EcsError && shouldRetry(err);
            if (!retryable || attempt >= policy.maxAttempts || signal?.aborted) throw err;
            const after = err instanceof EcsApiError ? err.retryAfterMs : undefined;
            await sleep(backoffDelay(policy, attempt, random, after), signal);
        }
    }
}
