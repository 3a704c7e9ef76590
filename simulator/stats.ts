/** What the simulator counts, as `GET /_sim/stats` returns it. */
export interface SimStats {
    /** ECS API calls received, by action, whatever their outcome. */
    calls: Record<string, number>;
    /** Calls answered with a throttling error. */
    throttled: number;
    /** Calls answered with any error. */
    failed: number;
    /** For each DescribeTasks call, how many task IDs it asked for (0 when it gave no TaskIds), in order. */
    describeTaskIdsPerCall: number[];
    /** When each DescribeTasks call arrived, ms since the epoch, in order. */
    describeCallsAtMs: number[];
    /** Faults injected so far, by kind (./faults/types); quota throttles count as `throttle`. */
    faultsInjected?: Record<string, number>;
}

export function emptyStats(): SimStats {
    return { calls: {}, throttled: 0, failed: 0, describeTaskIdsPerCall: [], describeCallsAtMs: [] };
}
