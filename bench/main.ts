#!/usr/bin/env node
/**
 * `npm run bench`: the strategies of bench/strategies.ts side by side, each in its own process
 * against its own simulator process, all at the same time, real HTTP and real time; then the
 * engine scenario (bench/engine.ts). Writes bench/results.json and prints a Markdown table.
 * Options: --seed N (default 1), --runs N (default 3: each scenario N times with seeds N, N+1, ...;
 * the rows hold the median of each figure and every run's figures under `perRun`),
 * --only "name,name" (scenario names), --no-engine, --out FILE.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import axios from "axios";
import { seededRandom } from "../simulator/faults/seededRandom";
import { SimStats } from "../simulator/stats";
import { runWorker, startSimProcess } from "./processes";
import { DURATION_RANGE_MS, Scenario, ScenarioResult, SCENARIOS } from "./scenarios";
import { STRATEGIES, StrategyName } from "./strategies";
import { median, summarize } from "./percentiles";
import { WorkerJob, WorkerReport } from "./worker";
import { EngineResult, runEngineScenario } from "./engine";
import { markdownTable } from "./table";

const REGION = "cn-bench-1";
const MiB = 1024 * 1024;

async function runOne(s: Scenario, strategy: StrategyName, durations: number[]): Promise<ScenarioResult> {
    const sim = await startSimProcess(s.quota ? ["--quota", `DescribeTasks=${s.quota}/m`] : []);
    try {
        const tasks: { taskId: string; endsAtMs: number }[] = [];
        for (const durationMs of durations) {
            const r = await axios.post(`${sim.url}/_sim/tasks`, { regionId: REGION, taskAction: "ImportImage", durationMs });
            tasks.push({ taskId: r.data.taskId, endsAtMs: r.data.endsAtMs });
        }
        const job: WorkerJob = { strategy, endpoint: sim.url, regionId: REGION, taskIds: tasks.map((t) => t.taskId) };
        const report = await runWorker<WorkerReport>(job);
        const stats = (await axios.get<SimStats>(`${sim.url}/_sim/stats`)).data;
        const endsAt = new Map(tasks.map((t) => [t.taskId, t.endsAtMs]));
        const ok = report.outcomes.filter((o) => o.ok);
        const failed = report.outcomes.filter((o) => !o.ok);
        return {
            name: s.name,
            strategy,
            tasks: s.tasks,
            quota: s.quota,
            describeCalls: stats.calls.DescribeTasks ?? 0,
            attributeCalls: stats.calls.DescribeTaskAttribute ?? 0,
            throttled: stats.throttled,
            failedWaits: failed.length,
            resolved: ok.length,
            detectLatencyMs: summarize(ok.map((o) => o.settledAtMs - endsAt.get(o.taskId)!)),
            wallMs: report.wallMs,
            peakRssMiB: round1(report.maxRssBytes / MiB),
            rssGrowthMiB: round1((report.maxRssBytes - report.rssBeforeBytes) / MiB),
            cpuMs: Math.round(report.cpuMs),
            sampleError: failed[0]?.error,
        };
    } finally {
        await sim.stop();
    }
}

/** The median of every figure over runs of one (scenario, strategy), with the runs kept under `perRun`. */
function medianRow(rows: ScenarioResult[]): ScenarioResult & { runs: number; perRun?: ScenarioResult[] } {
    const m = (f: (r: ScenarioResult) => number | null) => median(rows.map(f).filter((x): x is number => x !== null));
    const first = rows[0];
    return {
        ...first,
        describeCalls: m((r) => r.describeCalls)!,
        attributeCalls: m((r) => r.attributeCalls)!,
        throttled: m((r) => r.throttled)!,
        failedWaits: m((r) => r.failedWaits)!,
        resolved: m((r) => r.resolved)!,
        detectLatencyMs: { p50: m((r) => r.detectLatencyMs.p50), p95: m((r) => r.detectLatencyMs.p95), max: m((r) => r.detectLatencyMs.max) },
        wallMs: m((r) => r.wallMs)!,
        peakRssMiB: m((r) => r.peakRssMiB)!,
        rssGrowthMiB: m((r) => r.rssGrowthMiB)!,
        cpuMs: m((r) => r.cpuMs)!,
        sampleError: rows.find((r) => r.sampleError)?.sampleError,
        runs: rows.length,
        perRun: rows.length > 1 ? rows : undefined,
    };
}

function round1(x: number): number {
    return Math.round(x * 10) / 10;
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            seed: { type: "string", default: "1" },
            runs: { type: "string", default: "3" },
            only: { type: "string" },
            "no-engine": { type: "boolean", default: false },
            out: { type: "string", default: join(__dirname, "..", "..", "bench", "results.json") },
        },
    });
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new Error(`--seed: "${values.seed}" must be an integer`);
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" must be an integer >= 1`);
    const wanted = values.only?.split(",").map((x) => x.trim());
    const scenarios = SCENARIOS.filter((s) => !wanted || wanted.includes(s.name));
    const results: (ScenarioResult | EngineResult)[] = [];
    for (const s of scenarios) {
        const perRun: ScenarioResult[][] = [];
        for (let run = 0; run < runs; run++) {
            const random = seededRandom(`${seed + run}:${s.name}`);
            const [lo, hi] = DURATION_RANGE_MS;
            const durations = Array.from({ length: s.tasks }, () => Math.round(lo + random() * (hi - lo)));
            console.error(`bench: ${s.name}, run ${run + 1} of ${runs}: ${STRATEGIES.join(", ")} at once ...`);
            perRun.push(await Promise.all(STRATEGIES.map((st) => runOne(s, st, durations))));
        }
        results.push(...STRATEGIES.map((_, i) => medianRow(perRun.map((rows) => rows[i]))));
    }
    if (!values["no-engine"]) {
        console.error("bench: engine scenario (pulumi up of 100 waiters) ...");
        results.push(await runEngineScenario(seed));
    }
    const doc = {
        generatedAt: new Date().toISOString(),
        seed,
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
        scenarios: results,
    };
    writeFileSync(values.out!, JSON.stringify(doc, null, 2) + "\n");
    console.log(markdownTable(results));
    console.error(`bench: wrote ${values.out}`);
}

main().catch((e) => {
    console.error(`bench: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
});
