/**
 * The three ways of waiting that the benchmark compares (docs/benchmarks.md): ours, and the two
 * that other tools use (docs/ecs-api.md, "How others wait").
 */
import { EcsClient } from "../provider/ecs/client";
import { EcsClientOptions } from "../provider/ecs/options";
import { waitAndRecord } from "../provider/lifecycle/wait";
import { classifyStatus } from "../provider/waiter/status";

export const STRATEGIES = ["coalesced", "per-task-backoff", "per-task-fixed-5s"] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** Waits on one task: resolves when it is Finished, rejects on anything else. */
export type WaitFn = (taskId: string) => Promise<void>;

/** One call per try, as the baselines make them: any error ends their wait (docs/ecs-api.md). */
const NO_RETRY = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } };

/**
 * The wait of `name` against `client` in `regionId`:
 * - `coalesced`: the resource's own code path (provider/lifecycle/wait.ts) with default inputs:
 *   one shared scheduler, DescribeTasks batched 100 IDs a call, 4 s ticks, per-call retries;
 * - `per-task-backoff`: one DescribeTasks call per task, first at once, then after 3 s doubling to a
 *   10 s cap, as the Terraform providers poll but without their initial sleep; the first error ends the wait;
 * - `per-task-fixed-5s`: one call per task every 5 s, at most 600 s, as the aliyun CLI's waiter;
 *   the first error ends the wait.
 */
export function strategy(name: StrategyName, client: EcsClientOptions, regionId: string): WaitFn {
    switch (name) {
        case "coalesced":
            return async (taskId) => {
                await waitAndRecord(taskId, { regionId, taskId, taskAction: "ImportImage" }, undefined, { client, log: () => {} });
            };
        case "per-task-backoff": {
            const c = new EcsClient(client, NO_RETRY);
            return (taskId) => pollEach(c, regionId, taskId, (n) => Math.min(10_000, 3000 * 2 ** n), Infinity);
        }
        case "per-task-fixed-5s": {
            const c = new EcsClient(client, NO_RETRY);
            return (taskId) => pollEach(c, regionId, taskId, () => 5000, 600_000);
        }
    }
}

async function pollEach(c: EcsClient, regionId: string, taskId: string, delayAfter: (n: number) => number, timeoutMs: number): Promise<void> {
    const start = Date.now();
    for (let n = 0; ; n++) {
        const r = await c.describeTasks({ RegionId: regionId, TaskIds: [taskId] });
        const t = r.Tasks.find((x) => x.TaskId === taskId);
        if (t) {
            const cls = classifyStatus(t.TaskStatus, true);
            if (cls === "success") return;
            if (cls === "failure") throw new Error(`task ${taskId} ended ${t.TaskStatus}`);
        }
        if (Date.now() - start > timeoutMs) throw new Error(`task ${taskId}: timed out`);
        await new Promise((r) => setTimeout(r, delayAfter(n)));
    }
}
