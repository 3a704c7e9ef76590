/**
 * The chaos run (issue 5): many tasks with random durations and final statuses, waited on through
 * the resource's own code path (provider/lifecycle/wait.ts: shared scheduler, client, retries)
 * against a simulator that injects every fault kind at 20% of calls. Checks every outcome.
 */
import { inspect } from "node:util";
import { startSimulator } from "../../simulator/server";
import { seededRandom } from "../../simulator/faults/seededRandom";
import { waitAndRecord } from "../../provider/lifecycle/wait";
import { StepFailedError } from "../../provider/lifecycle/StepFailedError";
import { TaskFailedError } from "../../provider/waiter/errors/TaskFailedError";
import { chaosFaults } from "./faults";

/** Options of {@link runChaos}. */
export interface ChaosOptions {
    /** Seed of the tasks' scripts and of the fault schedule. */
    seed: number;
    /** Tasks in all. Default 200. */
    tasks?: number;
    /** Longest task, in ms; durations are uniform from 1 s to this. Default 40000. */
    maxDurationMs?: number;
    /** The waits' pollInterval input. Default "300ms", so that the run makes enough calls to meet every fault. */
    pollInterval?: string;
    /** The waits' timeout input. Default "4m". */
    timeout?: string;
    /** Regions the tasks are spread over (one shared scheduler each). Default 4. */
    regions?: number;
    /** Per-request timeout of the client, in ms (ends `hang` faults). Default 5000. */
    requestTimeoutMs?: number;
}

/** What the chaos run found; bench/chaos.json holds it. */
export interface ChaosReport {
    seed: number;
    tasks: number;
    /** Tasks by the final status the simulator gave them. */
    finalStatuses: Record<string, number>;
    /** Faults the simulator injected, in all and by kind. */
    faultsInjected: number;
    faultsByKind: Record<string, number>;
    /** Calls the simulator received, in all and by action. */
    calls: Record<string, number>;
    /** Waits that ended other than as their task did (a Finished task not resolved; a failed one not failed with its own code). */
    wrongOutcomes: number;
    /** Waits still running when their timeout (plus one request timeout) had passed. */
    hungWaits: number;
    /** Unhandled rejections and uncaught exceptions seen during the run. */
    unhandledErrors: number;
    /** Timers still pending once every wait had ended and the simulator had closed, beyond those pending before the run. */
    strayTimers: number;
    /** Error messages (and whole errors as `util.inspect` prints them, causes included), log lines and recorded properties that held the secret key. */
    secretLeaks: number;
    describeCalls: number;
    /** The most DescribeTasks calls the run may make: (wall / pollInterval + 1) ticks x batches x regions x (retries + confirmation). */
    describeCallBound: number;
    wallMs: number;
    /** Up to five wrong outcomes, described. */
    examples: string[];
}

const SECRET = "chaos-Secret-Value-7f3a9c";
const KEY_ID = "chaos-key";

/** Runs the chaos run. Never throws for a wrong outcome: it counts it. */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
    const n = o.tasks ?? 200;
    const maxDurationMs = o.maxDurationMs ?? 40_000;
    const pollInterval = o.pollInterval ?? "300ms";
    const pollMs = Number(/^(\d+)ms$/.exec(pollInterval)?.[1] ?? 300);
    const timeout = o.timeout ?? "4m";
    const regions = o.regions ?? 4;
    const requestTimeoutMs = o.requestTimeoutMs ?? 5000;
    const random = seededRandom(`${o.seed}:tasks`);

    const timers = () => process.getActiveResourcesInfo().filter((x) => x === "Timeout").length;
    // Count the timers already pending once the caller has gone on (a test runner starts its own then).
    await new Promise((r) => setImmediate(r));
    const timersBefore = timers();
    let unhandled = 0;
    const onUnhandled = () => void unhandled++;
    process.on("unhandledRejection", onUnhandled);
    process.on("uncaughtException", onUnhandled);

    const sim = await startSimulator({
        port: 0,
        keys: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET }],
        faults: chaosFaults(),
        faultRandom: seededRandom(`${o.seed}:faults`),
    });
    const texts: string[] = [];
    const examples: string[] = [];
    let wrong = 0;
    let hung = 0;
    const finalStatuses: Record<string, number> = {};
    const start = Date.now();
    try {
        const waits = Array.from({ length: n }, async (_, i) => {
            const regionId = `cn-chaos-${i % regions}`;
            const action = random() < 0.7 ? "ImportImage" : "ExportImage";
            const r = random();
            const finalStatus = r < 0.8 ? "Finished" : r < 0.92 ? "Failed" : "Deleted";
            finalStatuses[finalStatus] = (finalStatuses[finalStatus] ?? 0) + 1;
            const errorCode = finalStatus === "Finished" ? undefined : `Chaos.${finalStatus}.${i}`;
            const t = sim.store.create(regionId, action, {
                durationMs: Math.round(1000 + random() * (maxDurationMs - 1000)),
                finalStatus,
                errorCode,
                errorMessage: errorCode && `task ${i} was scripted to end ${finalStatus}`,
            });
            if (action === "ExportImage") t.ossObject = `exports/${t.TaskId}.raw`;
            const log = (line: string) => void texts.push(line);
            const wait = waitAndRecord(
                t.TaskId,
                { regionId, taskId: t.TaskId, taskAction: action, pollInterval, timeout },
                undefined,
                { client: { endpoint: sim.url, apiStyle: i % 2 ? "rpc" : "route", credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET }, requestTimeoutMs }, log },
            );
            const limitMs = parseMinutes(timeout) + requestTimeoutMs * 2;
            let timer: NodeJS.Timeout | undefined;
            const outcome = await Promise.race([
                wait.then(
                    (outs) => ({ kind: "resolved" as const, outs }),
                    (err: unknown) => ({ kind: "failed" as const, err }),
                ),
                new Promise<{ kind: "hung" }>((res) => (timer = setTimeout(() => res({ kind: "hung" }), limitMs))),
            ]);
            clearTimeout(timer);
            const bad = (why: string) => {
                wrong++;
                if (examples.length < 5) examples.push(`${t.TaskId} (${action}, scripted ${finalStatus}): ${why}`);
            };
            if (outcome.kind === "hung") {
                hung++;
                return bad("still waiting after its timeout");
            }
            if (outcome.kind === "resolved") {
                texts.push(JSON.stringify(outcome.outs));
                if (finalStatus !== "Finished") return bad(`resolved with ${outcome.outs.taskStatus}`);
                if (action === "ExportImage" && outcome.outs.ossObject !== t.ossObject) return bad(`resolved without its OSS object (${outcome.outs.ossObject})`);
                if (action === "ImportImage" && outcome.outs.resourceId !== t.resourceId) return bad(`resolved with image ${outcome.outs.resourceId}, not ${t.resourceId}`);
                return;
            }
            const err = outcome.err;
            // The whole error as a log would print it: message, stack, cause chain, hidden fields.
            texts.push(String(err instanceof Error ? err.message : err), inspect(err, { depth: 8, showHidden: true }));
            if (err instanceof StepFailedError) texts.push(JSON.stringify(err.properties));
            const cause = err instanceof StepFailedError ? err.cause : err;
            if (finalStatus === "Finished") return bad(`failed: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : cause}`);
            if (!(cause instanceof TaskFailedError)) return bad(`failed with ${cause instanceof Error ? `${cause.name}: ${cause.message}` : cause}, not TaskFailedError`);
            if (cause.failure.taskStatus !== finalStatus || cause.failure.errorCode !== errorCode) {
                return bad(`failed as ${cause.failure.taskStatus} ${cause.failure.errorCode ?? "(no code)"}, expected ${finalStatus} ${errorCode}`);
            }
        });
        await Promise.all(waits);
    } finally {
        await sim.close();
    }
    const wallMs = Date.now() - start;
    // Look for leftovers once closed sockets have run out and Node's own HTTP date cache timer
    // (an internal timer of up to 1 s that every HTTP answer may start) has expired.
    await new Promise((r) => setTimeout(r, 1100));
    const strayTimers = Math.max(0, timers() - timersBefore);
    process.off("unhandledRejection", onUnhandled);
    process.off("uncaughtException", onUnhandled);

    const stats = sim.stats;
    const faultsByKind = stats.faultsInjected ?? {};
    const describeCalls = stats.calls.DescribeTasks ?? 0;
    const batches = Math.ceil(n / regions / 100);
    return {
        seed: o.seed,
        tasks: n,
        finalStatuses,
        faultsInjected: Object.values(faultsByKind).reduce((a, b) => a + b, 0),
        faultsByKind,
        calls: stats.calls,
        wrongOutcomes: wrong,
        hungWaits: hung,
        unhandledErrors: unhandled,
        strayTimers,
        secretLeaks: texts.filter((x) => x.includes(SECRET)).length,
        describeCalls,
        describeCallBound: (Math.ceil(wallMs / pollMs) + 1) * batches * regions * 4 * 2,
        wallMs,
        examples,
    };
}

function parseMinutes(t: string): number {
    const m = /^(\d+)m$/.exec(t);
    if (!m) throw new Error(`chaos: timeout "${t}" must be whole minutes such as 4m`);
    return Number(m[1]) * 60_000;
}
