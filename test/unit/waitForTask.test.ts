import { strict as assert } from "node:assert";
import * as sinon from "sinon";
import { TaskScheduler } from "../../provider/waiter/scheduler";
import { waitForTask } from "../../provider/waiter/waitForTask";
import { TaskFailedError } from "../../provider/waiter/errors/TaskFailedError";
import { TaskTimeoutError } from "../../provider/waiter/errors/TaskTimeoutError";
import { TaskNotFoundError } from "../../provider/waiter/errors/TaskNotFoundError";
import { TaskActionMismatchError } from "../../provider/waiter/errors/TaskActionMismatchError";
import { WaitCancelledError } from "../../provider/waiter/errors/WaitCancelledError";
import { TaskAttribute } from "../../provider/ecs/types";

/** A scripted task: status by fake-clock time. */
function scripted(timeline: [number, string | undefined][], action = "ImportImage") {
    const statusAt = (t: number) => [...timeline].reverse().find(([at]) => t >= at)?.[1];
    const api = {
        async describeTasks(p: { TaskIds: string[] }) {
            const s = statusAt(Date.now());
            const Tasks = s ? p.TaskIds.map((TaskId) => ({ TaskId, TaskStatus: s, TaskAction: action, ResourceId: "m-1" })) : [];
            return { TotalCount: Tasks.length, PageNumber: 1, PageSize: 100, Tasks };
        },
    };
    const attrs = {
        async describeTaskAttribute(_r: string, TaskId: string): Promise<TaskAttribute> {
            const s = statusAt(Date.now()) ?? "Processing";
            return { TaskId, TaskStatus: s, TaskProcess: s === "Failed" ? "45%" : "30%", OperationProgress: [{ ErrorCode: s === "Failed" ? "InvalidImage.Format" : undefined, ErrorMsg: s === "Failed" ? "the image format is not supported" : undefined, RelatedItems: [] }] };
        },
    };
    return { scheduler: new TaskScheduler(api, "cn-test", { pollIntervalMs: 1000 }), attrs };
}

describe("waitForTask", () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => (clock = sinon.useFakeTimers()));
    afterEach(() => clock.restore());

    it("resolves when the task is Finished, reporting each status change once", async () => {
        const { scheduler, attrs } = scripted([[0, "Pending"], [2500, "Processing"], [5000, "Finished"]]);
        const statuses: string[] = [];
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, onStatus: (s) => statuses.push(s) });
        await clock.tickAsync(6000);
        const r = await p;
        assert.equal(r.task.TaskStatus, "Finished");
        assert.equal(r.task.ResourceId, "m-1");
        assert.deepEqual(statuses, ["Pending", "Processing", "Finished"]);
        assert.equal(r.polls, 6);
    });

    it("fails with DescribeTaskAttribute's reason when the task Failed", async () => {
        const { scheduler, attrs } = scripted([[0, "Processing"], [2000, "Failed"]]);
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000 });
        const check = assert.rejects(p, (e: unknown) => {
            assert.ok(e instanceof TaskFailedError);
            assert.equal(e.failure.taskStatus, "Failed");
            assert.equal(e.failure.errorCode, "InvalidImage.Format");
            assert.equal(e.failure.progress, "45%");
            assert.match(e.message, /t-1.*Failed at 45%: InvalidImage.Format: the image format is not supported/);
            return true;
        });
        await clock.tickAsync(3000);
        await check;
    });

    it("treats Deleted and Paused as failures, and Paused as pending when asked", async () => {
        for (const s of ["Deleted", "Paused", "ImportFailed"]) {
            const { scheduler, attrs } = scripted([[0, s]]);
            const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000 });
            const check = assert.rejects(p, TaskFailedError);
            await clock.tickAsync(10);
            await check;
        }
        const { scheduler, attrs } = scripted([[0, "Paused"], [3000, "Finished"]]);
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, pausedIsFailure: false });
        await clock.tickAsync(4000);
        assert.equal((await p).task.TaskStatus, "Finished");
    });

    it("keeps waiting through an undocumented status and reports it once", async () => {
        const { scheduler, attrs } = scripted([[0, "Creating"], [3000, "Finished"]]);
        const unknown: string[] = [];
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, onUnknownStatus: (s) => unknown.push(s) });
        await clock.tickAsync(4000);
        assert.equal((await p).task.TaskStatus, "Finished");
        assert.deepEqual(unknown, ["Creating"]);
    });

    it("times out with the last status, progress, time waited and polls", async () => {
        const { scheduler, attrs } = scripted([[0, "Processing"]]);
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 10_000 });
        const check = assert.rejects(p, (e: unknown) => {
            assert.ok(e instanceof TaskTimeoutError);
            assert.equal(e.timeout.lastStatus, "Processing");
            assert.equal(e.timeout.progress, "30%");
            assert.equal(e.timeout.waitedMs, 10_000);
            assert.equal(e.timeout.polls, 11);
            assert.match(e.message, /10s.*t-1.*Processing, progress 30%, 11 polls/);
            return true;
        });
        await clock.tickAsync(11_000);
        await check;
    });

    it("tolerates a missing task during the grace period, then reports it not found", async () => {
        const { scheduler, attrs } = scripted([[0, undefined], [3000, "Finished"]]);
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, notFoundGraceMs: 5000 });
        await clock.tickAsync(4000);
        assert.equal((await p).task.TaskStatus, "Finished");

        const never = scripted([[0, undefined]]);
        const q = waitForTask(never.scheduler, never.attrs, "t-2", { timeoutMs: 60_000, notFoundGraceMs: 5000 });
        const check = assert.rejects(q, (e: unknown) => e instanceof TaskNotFoundError && /region and endpoint|regionId and the endpoint/.test(e.message));
        await clock.tickAsync(7000);
        await check;
    });

    it("fails when the task's action differs from the expected one", async () => {
        const { scheduler, attrs } = scripted([[0, "Processing"]], "ExportImage");
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, expectedAction: "ImportImage" });
        const check = assert.rejects(p, TaskActionMismatchError);
        await clock.tickAsync(10);
        await check;
    });

    it("stops at once when cancelled, leaving no timer behind", async () => {
        const { scheduler, attrs } = scripted([[0, "Processing"]]);
        const ac = new AbortController();
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, signal: ac.signal });
        await clock.tickAsync(1500);
        ac.abort();
        await assert.rejects(p, (e: unknown) => e instanceof WaitCancelledError && e.lastStatus === "Processing");
        assert.equal(clock.countTimers(), 0);
    });
});

describe("waitForTask: aged-out tasks and progress", () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => (clock = sinon.useFakeTimers()));
    afterEach(() => clock.restore());

    it("resolves with the recorded Finished result when the task is no longer listed", async () => {
        const { scheduler, attrs } = scripted([[0, undefined]]);
        const recorded = { TaskId: "t-1", TaskStatus: "Finished", TaskAction: "ImportImage", ResourceId: "m-9" };
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, notFoundGraceMs: 5000, recorded });
        await clock.tickAsync(10);
        const r = await p;
        assert.equal(r.fromRecord, true);
        assert.deepEqual(r.task, recorded);
    });

    it("does not treat a recorded non-Finished status as a result", async () => {
        const { scheduler, attrs } = scripted([[0, undefined]]);
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, notFoundGraceMs: 2000, recorded: { TaskId: "t-1", TaskStatus: "Processing" } });
        const check = assert.rejects(p, TaskNotFoundError);
        await clock.tickAsync(4000);
        await check;
    });

    it("reports progress only when it changes, at most once per progress interval", async () => {
        let pct = 10;
        const { scheduler } = scripted([[0, "Processing"], [9000, "Finished"]]);
        let looks = 0;
        const attrs = {
            async describeTaskAttribute(_r: string, TaskId: string): Promise<TaskAttribute> {
                looks++;
                // Progress moves every 4 s of fake time.
                pct = 10 + 20 * Math.floor(Date.now() / 4000);
                return { TaskId, TaskStatus: "Processing", TaskProcess: `${pct}%`, OperationProgress: [] };
            },
        };
        const seen: string[] = [];
        const p = waitForTask(scheduler, attrs, "t-1", { timeoutMs: 60_000, progressIntervalMs: 2000, onProgress: (pr) => seen.push(pr) });
        await clock.tickAsync(10_000);
        const r = await p;
        assert.equal(r.task.TaskStatus, "Finished");
        // Looks at 0, 2, 4, 6, 8 s (every other 1 s poll); values 10,10,30,30,50: three changes.
        assert.equal(looks, 5);
        assert.deepEqual(seen, ["10%", "30%", "50%"]);
        assert.ok(r.polls > looks);
    });
});
