/** Longest delay a Node timer holds in one piece (2^31-1 ms); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A pause that can be cut short. Injected wherever behaviour depends on time, so tests can be exact. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Real sleep: resolves after `ms` (clamped to 0..{@link MAX_TIMER_MS}); rejects with the
 * signal's reason as soon as `signal` aborts. The timer keeps the process alive: a pause between
 * retries is work in progress (a command-line run must not exit in the middle of it); callers
 * that stop caring abort it through `signal`.
 */
export const realSleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = setTimeout(done, Math.min(Math.max(0, ms), MAX_TIMER_MS));
        function done() {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }
        function onAbort() {
            clearTimeout(timer);
            reject(signal!.reason);
        }
        signal?.addEventListener("abort", onAbort, { once: true });
    });
