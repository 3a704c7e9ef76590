import { StrategyName } from "./strategies";

/** One load the strategies are run under, side by side. */
export interface Scenario {
    name: string;
    /** Concurrent tasks, all started together. */
    tasks: number;
    /** Simulator quota on DescribeTasks, calls per minute per key; null for none. */
    quota: number | null;
}

/** The scenarios of issue 3: durations drawn uniformly from 10 to 60 s with the run's seed. */
export const SCENARIOS: Scenario[] = [
    { name: "10 tasks", tasks: 10, quota: null },
    { name: "100 tasks", tasks: 100, quota: null },
    { name: "500 tasks", tasks: 500, quota: null },
    { name: "500 tasks, quota 100 calls/min", tasks: 500, quota: 100 },
];

/** Shortest and longest task, in ms. */
export const DURATION_RANGE_MS = [10_000, 60_000] as const;

/** One row of bench/results.json. */
export interface ScenarioResult {
    name: string;
    strategy: StrategyName;
    tasks: number;
    quota: number | null;
    /** DescribeTasks calls the simulator received. */
    describeCalls: number;
    /** DescribeTaskAttribute calls (progress reads), which the baselines never make. */
    attributeCalls: number;
    /** Calls the simulator answered with a throttling error. */
    throttled: number;
    /** Waits that failed although every task finished. */
    failedWaits: number;
    /** Waits that resolved. */
    resolved: number;
    /** From the task becoming Finished in the simulator to its wait resolving, over resolved waits. */
    detectLatencyMs: { p50: number | null; p95: number | null; max: number | null };
    /** From the first wait started to the last settled. */
    wallMs: number;
    /** Peak RSS of the waiting process, MiB. */
    peakRssMiB: number;
    /** RSS growth from before the waits to the peak, MiB. */
    rssGrowthMiB: number;
    /** CPU time (user + system) of the waiting process during the waits, ms. */
    cpuMs: number;
    /** The first error of a failed wait, if any. */
    sampleError?: string;
}
