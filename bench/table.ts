import { ScenarioResult } from "./scenarios";
import { EngineResult } from "./engine";

/** bench/results.json's rows as the Markdown tables of docs/benchmarks.md. */
export function markdownTable(rows: (ScenarioResult | EngineResult)[]): string {
    const lines = [
        "| scenario | strategy | DescribeTasks calls | DescribeTaskAttribute calls | throttled | failed waits | resolved | detect p50 / p95 / max (s) | wall (s) | peak RSS (MiB) | RSS growth (MiB) | CPU (ms) |",
        "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ];
    const s = (ms: number | null) => (ms === null ? "-" : (ms / 1000).toFixed(1));
    const engine: EngineResult[] = [];
    for (const r of rows) {
        if ("engineOverheadMs" in r) {
            engine.push(r);
            continue;
        }
        const d = r.detectLatencyMs;
        lines.push(`| ${r.name} | ${r.strategy} | ${r.describeCalls} | ${r.attributeCalls} | ${r.throttled} | ${r.failedWaits} | ${r.resolved} | ${s(d.p50)} / ${s(d.p95)} / ${s(d.max)} | ${s(r.wallMs)} | ${r.peakRssMiB} | ${r.rssGrowthMiB} | ${r.cpuMs} |`);
    }
    if (engine.length) {
        lines.push("", "| engine scenario | DescribeTasks calls | DescribeTaskAttribute calls | ticks | max calls per tick | max IDs per call | failed waits | longest task (s) | wall (s) | tail after last task (s) | engine overhead (s) |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (const e of engine) {
            lines.push(`| ${e.name} | ${e.describeCalls} | ${e.attributeCalls} | ${e.ticks} | ${e.maxCallsPerTick} | ${e.maxIdsPerCall} | ${e.failedWaits} | ${s(e.longestTaskMs)} | ${s(e.wallMs)} | ${s(e.tailMs)} | ${s(e.engineOverheadMs)} |`);
        }
    }
    return lines.join("\n");
}
