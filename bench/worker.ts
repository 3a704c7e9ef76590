/**
 * One strategy in its own process, so its memory and CPU are its own: reads a {@link WorkerJob}
 * as JSON on stdin, waits on every task at once, and prints a {@link WorkerReport} as JSON.
 * Started by bench/main.ts; not meant to be run by hand.
 */
import { STRATEGIES, StrategyName, strategy } from "./strategies";
import { SIM_CREDENTIALS } from "../test/helpers/sim";

/** What the worker is asked to do. */
export interface WorkerJob {
    strategy: StrategyName;
    /** The simulator's base URL. */
    endpoint: string;
    regionId: string;
    taskIds: string[];
}

/** What one wait came to. */
export interface WaitOutcome {
    taskId: string;
    ok: boolean;
    /** When the wait settled, ms since the epoch. */
    settledAtMs: number;
    error?: string;
}

/** What the worker prints. */
export interface WorkerReport {
    outcomes: WaitOutcome[];
    /** From the first wait started to the last settled, in ms. */
    wallMs: number;
    /** Resident set size before the waits began, in bytes. */
    rssBeforeBytes: number;
    /** Peak resident set size of the process, in bytes (`process.resourceUsage().maxRSS`). */
    maxRssBytes: number;
    /** User plus system CPU time of the process while waiting, in ms. */
    cpuMs: number;
}

async function main(): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    const job = JSON.parse(Buffer.concat(chunks).toString("utf8")) as WorkerJob;
    if (!STRATEGIES.includes(job.strategy)) throw new Error(`unknown strategy ${job.strategy}`);
    const wait = strategy(job.strategy, { endpoint: job.endpoint, apiStyle: "rpc", credentials: SIM_CREDENTIALS }, job.regionId);
    const rssBeforeBytes = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const start = Date.now();
    const outcomes = await Promise.all(
        job.taskIds.map((taskId) =>
            wait(taskId).then(
                (): WaitOutcome => ({ taskId, ok: true, settledAtMs: Date.now() }),
                (e: Error): WaitOutcome => ({ taskId, ok: false, settledAtMs: Date.now(), error: `${e.name}: ${e.message}`.slice(0, 300) }),
            ),
        ),
    );
    const cpu = process.cpuUsage(cpu0);
    const report: WorkerReport = {
        outcomes,
        wallMs: Date.now() - start,
        rssBeforeBytes,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        cpuMs: (cpu.user + cpu.system) / 1000,
    };
    process.stdout.write(JSON.stringify(report));
}

main().catch((e) => {
    console.error(`bench worker: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
});
