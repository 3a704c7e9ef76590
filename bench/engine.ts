/**
 * The engine scenario: `pulumi up` of one stack of 100 ImageTaskWaiters through the real CLI,
 * against an in-process simulator. First an `up` whose tasks are already Finished, which measures
 * the engine's own overhead (start, 100 creates, state writes, exit); then an `up` of 100 tasks of
 * 10 to 60 s (seeded), timed from the CLI's start to its exit.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSimulator } from "../simulator/server";
import { seededRandom } from "../simulator/faults/seededRandom";
import { TempProgram } from "../test/helpers/pulumi";
import { SIM_CREDENTIALS } from "../test/helpers/sim";
import { MANY_WAITERS_PROGRAM } from "../test/e2e/program";
import { DURATION_RANGE_MS } from "./scenarios";

const REGION = "cn-bench-1";
const WAITERS = 100;

/** The engine row of bench/results.json. */
export interface EngineResult {
    name: string;
    strategy: "coalesced";
    tasks: number;
    quota: null;
    describeCalls: number;
    /** DescribeTaskAttribute calls (progress reads) during the timed `up`. */
    attributeCalls: number;
    throttled: number;
    failedWaits: number;
    /** Ticks seen by the simulator: DescribeTasks calls less than 1 s apart count as one tick. */
    ticks: number;
    maxCallsPerTick: number;
    maxIdsPerCall: number;
    /** `pulumi up`, from the CLI's start to its exit, in ms. */
    wallMs: number;
    /** The longest task, from its creation to Finished, in ms. */
    longestTaskMs: number;
    /** From the last task becoming Finished to the CLI's exit, in ms. */
    tailMs: number;
    /** Wall time of the same `up` when every task has already Finished: the engine's own overhead, in ms. */
    engineOverheadMs: number;
    /** The `--parallel` given to pulumi up. */
    parallel: number;
}

function ticksOf(times: number[]): number[] {
    const sizes: number[] = [];
    let last = -Infinity;
    for (const t of times) {
        if (t - last >= 1000) sizes.push(0);
        sizes[sizes.length - 1]++;
        last = t;
    }
    return sizes;
}

/** Runs the engine scenario. @throws Error when pulumi fails. */
export async function runEngineScenario(seed: number): Promise<EngineResult> {
    const sim = await startSimulator({ port: 0 });
    const prog = new TempProgram({ "index.js": MANY_WAITERS_PROGRAM });
    const parallel = WAITERS * 2;
    try {
        prog.install();
        const up = async (stack: string, durations: number[]) => {
            const ids = durations.map((durationMs) => sim.store.create(REGION, "ImportImage", { durationMs }));
            const idsFile = join(prog.dir, `${stack}.json`);
            writeFileSync(idsFile, JSON.stringify(ids.map((t) => t.TaskId)));
            await prog.stack(stack, { "apsara:endpoint": sim.url, "apsara:accessKeyId": SIM_CREDENTIALS.accessKeyId, "apsara:accessKeySecret": SIM_CREDENTIALS.accessKeySecret, regionId: REGION, taskIdsFile: idsFile }, ["apsara:accessKeySecret"]);
            await prog.must(["preview", "-s", stack]);
            const callsBefore = sim.stats.describeCallsAtMs.length;
            const attributeCallsBefore = sim.stats.calls.DescribeTaskAttribute ?? 0;
            const start = Date.now();
            await prog.must(["up", "--yes", "--skip-preview", "--parallel", String(parallel), "-s", stack]);
            const end = Date.now();
            const out = JSON.parse((await prog.must(["stack", "output", "--json", "-s", stack])).stdout) as { statuses: string[] };
            return { ids, start, end, out, callsBefore, attributeCallsBefore };
        };
        const warm = await up("overhead", Array.from({ length: WAITERS }, () => 0));
        const engineOverheadMs = warm.end - warm.start;
        const random = seededRandom(`${seed}:engine`);
        const [lo, hi] = DURATION_RANGE_MS;
        const durations = Array.from({ length: WAITERS }, () => Math.round(lo + random() * (hi - lo)));
        const throttledBefore = sim.stats.throttled;
        const run = await up("bench", durations);
        const stats = sim.stats;
        const times = stats.describeCallsAtMs.slice(run.callsBefore);
        const perCall = stats.describeTaskIdsPerCall.slice(run.callsBefore);
        const ticks = ticksOf(times);
        const lastEnd = Math.max(...run.ids.map((t) => t.createdAt + t.durationMs));
        return {
            name: `engine: pulumi up of ${WAITERS} waiters`,
            strategy: "coalesced",
            tasks: WAITERS,
            quota: null,
            describeCalls: times.length,
            attributeCalls: (stats.calls.DescribeTaskAttribute ?? 0) - run.attributeCallsBefore,
            throttled: stats.throttled - throttledBefore,
            failedWaits: run.out.statuses.filter((s) => s !== "Finished").length,
            ticks: ticks.length,
            maxCallsPerTick: Math.max(...ticks),
            maxIdsPerCall: Math.max(...perCall),
            wallMs: run.end - run.start,
            longestTaskMs: Math.max(...durations),
            tailMs: run.end - lastEnd,
            engineOverheadMs,
            parallel,
        };
    } finally {
        prog.remove();
        await sim.close();
    }
}
