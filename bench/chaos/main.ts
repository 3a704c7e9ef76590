#!/usr/bin/env node
/**
 * `npm run chaos`: the chaos run of ./run.ts. Prints a summary, writes bench/chaos.json and exits 1
 * when any wait ended wrongly, hung, or anything went unhandled or leaked the secret.
 * Options: --seed N (default 1) replays a run's tasks and fault schedule; --tasks N (default 200); --out FILE.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runChaos } from "./run";
import { TOTAL_FAULT_RATE } from "./faults";

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            seed: { type: "string", default: "1" },
            tasks: { type: "string", default: "200" },
            out: { type: "string", default: join(__dirname, "..", "..", "..", "bench", "chaos.json") },
        },
    });
    const seed = Number(values.seed);
    const tasks = Number(values.tasks);
    if (!Number.isInteger(seed)) throw new Error(`--seed: "${values.seed}" must be an integer`);
    if (!Number.isInteger(tasks) || tasks < 1) throw new Error(`--tasks: "${values.tasks}" must be an integer >= 1`);
    console.error(`chaos: ${tasks} tasks, faults on ${Math.round(TOTAL_FAULT_RATE * 100)}% of calls, seed ${seed} ...`);
    const r = await runChaos({ seed, tasks });
    writeFileSync(values.out!, JSON.stringify(r, null, 2) + "\n");
    const calls = Object.values(r.calls).reduce((a, b) => a + b, 0);
    console.log(
        [
            `seed ${r.seed}: ${r.tasks} tasks (${Object.entries(r.finalStatuses).map(([k, v]) => `${v} ${k}`).join(", ")})`,
            `calls ${calls} (DescribeTasks ${r.describeCalls}, bound ${r.describeCallBound}), faults injected ${r.faultsInjected} (${Math.round((100 * r.faultsInjected) / Math.max(1, calls))}% of calls)`,
            `  ${Object.entries(r.faultsByKind).map(([k, v]) => `${k} ${v}`).join(", ")}`,
            `wrongOutcomes ${r.wrongOutcomes}, hungWaits ${r.hungWaits}, unhandledErrors ${r.unhandledErrors}, strayTimers ${r.strayTimers}, secretLeaks ${r.secretLeaks}`,
            `wall ${(r.wallMs / 1000).toFixed(1)} s; wrote ${values.out}`,
            ...r.examples.map((e) => `  wrong: ${e}`),
        ].join("\n"),
    );
    const ok = r.wrongOutcomes === 0 && r.hungWaits === 0 && r.unhandledErrors === 0 && r.strayTimers === 0 && r.secretLeaks === 0 && r.describeCalls <= r.describeCallBound;
    process.exit(ok ? 0 : 1);
}

main().catch((e) => {
    console.error(`chaos: ${e instanceof Error ? e.stack : e}`);
    process.exit(2);
});
