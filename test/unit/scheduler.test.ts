import { strict as assert } from "node:assert";
import * as sinon from "sinon";
import { Observation, TaskScheduler } from "../../provider/waiter/scheduler";
import { DescribeTasksResult, TaskSummary } from "../../provider/ecs/types";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";

function fakeApi(statusOf: (id: string) => string | undefined, opts: { failIfContains?: string; throttle?: number; retryAfterSeconds?: number; permanent?: number } = {}) {
    const calls: string[][] = [];
    let throttles = opts.throttle ?? 0;
    let permanent = opts.permanent ?? 0;
    return {
        calls,
        async describeTasks(p: { TaskIds: string[] }): Promise<DescribeTasksResult> {
            calls.push(p.TaskIds);
            if (throttles > 0) {
                throttles--;
                const retryAfterMs = opts.retryAfterSeconds !== undefined ? opts.retryAfterSeconds * 1000 : undefined;
                throw new EcsApiError({ action: "DescribeTasks", code: "Throttling", errorMessage: "m", httpStatus: 400, retryable: true, retryAfterMs });
            }
            if (permanent > 0) {
                permanent--;
                throw new EcsApiError({ action: "DescribeTasks", code: "InvalidTimeStamp.Expired", errorMessage: "late", httpStatus: 400, retryable: false });
            }
            if (opts.failIfContains && p.TaskIds.includes(opts.failIfContains)) {
                throw new EcsApiError({ action: "DescribeTasks", code: "InvalidParameter.TaskIds", errorMessage: "bad id", httpStatus: 400, retryable: false });
            }
            const Tasks: TaskSummary[] = p.TaskIds.flatMap((id) => {
                const s = statusOf(id);
                return s ? [{ TaskId: id, TaskStatus: s }] : [];
            });
            return { TotalCount: Tasks.length, PageNumber: 1, PageSize: 100, Tasks };
        },
    };
}

describe("TaskScheduler", () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => (clock = sinon.useFakeTimers()));
    afterEach(() => clock.restore());

    it("asks about 250 watched tasks in ceil(250/100) = 3 calls per tick", async () => {
        const api = fakeApi(() => "Processing");
        const s = new TaskScheduler(api, "r", { pollIntervalMs: 1000 });
        const seen = new Map<string, Observation>();
        for (let i = 0; i < 250; i++) s.watch(`t-${i}`, (o) => seen.set(`t-${i}`, o));
        await clock.tickAsync(0);
        assert.equal(api.calls.length, 3);
        assert.deepEqual(api.calls.map((c) => c.length), [100, 100, 50]);
        assert.equal(seen.size, 250);
        assert.equal(seen.get("t-249")!.kind, "found");
        await clock.tickAsync(1000);
        assert.equal(api.calls.length, 6);
    });

    it("reports tasks missing from the answer as absent", async () => {
        const api = fakeApi((id) => (id === "t-1" ? "Finished" : undefined));
        const s = new TaskScheduler(api, "r");
        const kinds: Record<string, string> = {};
        s.watch("t-1", (o) => (kinds["t-1"] = o.kind));
        s.watch("t-2", (o) => (kinds["t-2"] = o.kind));
        await clock.tickAsync(0);
        assert.deepEqual(kinds, { "t-1": "found", "t-2": "absent" });
    });

    it("isolates one ID that makes the call fail by splitting the batch", async () => {
        const api = fakeApi(() => "Processing", { failIfContains: "t-bad" });
        const s = new TaskScheduler(api, "r");
        const kinds: Record<string, string> = {};
        for (const id of ["t-1", "t-2", "t-bad", "t-3"]) s.watch(id, (o) => (kinds[id] = o.kind));
        await clock.tickAsync(0);
        assert.deepEqual(kinds, { "t-1": "found", "t-2": "found", "t-bad": "fatal", "t-3": "found" });
    });

    it("a parameter error of the whole request (not of one ID) fails everyone after 3 calls, not one per ID", async () => {
        const calls: number[] = [];
        const api = {
            async describeTasks(p: { TaskIds: string[] }): Promise<DescribeTasksResult> {
                calls.push(p.TaskIds.length);
                throw new EcsApiError({ action: "DescribeTasks", code: "MissingParameter.regionId", errorMessage: "m", httpStatus: 400, retryable: false });
            },
        };
        const s = new TaskScheduler(api, "r");
        const kinds: string[] = [];
        for (let i = 0; i < 100; i++) s.watch(`t-${i}`, (o) => kinds.push(o.kind));
        await clock.tickAsync(0);
        assert.deepEqual(calls, [100, 50, 50]);
        assert.equal(kinds.length, 100);
        assert.ok(kinds.every((k) => k === "fatal"));
    });

    it("doubles the interval for everyone after throttling, and recovers on clean ticks", async () => {
        const api = fakeApi(() => "Processing", { throttle: 2 });
        const s = new TaskScheduler(api, "r", { pollIntervalMs: 1000, maxIntervalMs: 3000 });
        const kinds: string[] = [];
        s.watch("t-1", (o) => kinds.push(o.kind));
        await clock.tickAsync(0);
        assert.equal(s.currentIntervalMs, 2000);
        await clock.tickAsync(2000);
        assert.equal(s.currentIntervalMs, 3000);
        await clock.tickAsync(3000);
        assert.equal(s.currentIntervalMs, 2250);
        assert.deepEqual(kinds, ["transient", "transient", "found"]);
    });

    it("waits at least the gateway's x-acs-retry-after before the next tick", async () => {
        const api = fakeApi(() => "Processing", { throttle: 1, retryAfterSeconds: 20 });
        const s = new TaskScheduler(api, "r", { pollIntervalMs: 1000, maxIntervalMs: 3000 });
        s.watch("t-1", () => {});
        await clock.tickAsync(0);
        assert.equal(s.currentIntervalMs, 20_000);
        await clock.tickAsync(19_999);
        assert.equal(api.calls.length, 1);
        await clock.tickAsync(1);
        assert.equal(api.calls.length, 2);
    });

    it("asks again once before a permanent-looking error becomes fatal", async () => {
        const once = fakeApi(() => "Processing", { permanent: 1 });
        const kinds: string[] = [];
        new TaskScheduler(once, "r").watch("t-1", (o) => kinds.push(o.kind));
        await clock.tickAsync(0);
        assert.deepEqual(kinds, ["found"]);
        assert.equal(once.calls.length, 2);

        const twice = fakeApi(() => "Processing", { permanent: 2 });
        const errors: Observation[] = [];
        new TaskScheduler(twice, "r").watch("t-1", (o) => errors.push(o));
        await clock.tickAsync(0);
        assert.equal(errors.length, 1);
        assert.equal(errors[0].kind, "fatal");
        assert.equal(twice.calls.length, 2);
    });

    it("aborts the call in flight when the last watcher leaves, and tells nobody", async () => {
        let seen: AbortSignal | undefined;
        const api = {
            describeTasks: (_p: unknown, signal?: AbortSignal) =>
                new Promise<DescribeTasksResult>((_r, reject) => {
                    seen = signal;
                    signal?.addEventListener("abort", () => reject(new Error("aborted")));
                }),
        };
        const s = new TaskScheduler(api, "r", { pollIntervalMs: 1000 });
        const heard: Observation[] = [];
        const stop = s.watch("t-1", (o) => heard.push(o));
        await clock.tickAsync(0);
        assert.equal(seen?.aborted, false);
        stop();
        assert.equal(seen?.aborted, true);
        await clock.tickAsync(5000);
        assert.deepEqual(heard, []);
        assert.equal(clock.countTimers(), 0);
    });

    it("stops polling when the last watcher leaves, and restarts with the next", async () => {
        const api = fakeApi(() => "Processing");
        const s = new TaskScheduler(api, "r", { pollIntervalMs: 1000 });
        const stop = s.watch("t-1", () => {});
        await clock.tickAsync(0);
        stop();
        await clock.tickAsync(10_000);
        assert.equal(api.calls.length, 1);
        assert.equal(clock.countTimers(), 0);
        s.watch("t-2", () => {});
        await clock.tickAsync(0);
        assert.equal(api.calls.length, 2);
    });
});
