import { strict as assert } from "node:assert";
import { readWaiter } from "../../provider/lifecycle/read";
import { deleteWaiter } from "../../provider/lifecycle/delete";
import { CancelOnDeleteError } from "../../provider/lifecycle/CancelOnDeleteError";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { TaskAttribute, TaskSummary } from "../../provider/ecs/types";

const W = { regionId: "r", taskId: "t-1", timeout: "5m" };

/** A stub of the calls read and delete make, recording each call. */
function api(task: TaskSummary | undefined, attr?: Partial<TaskAttribute>, cancelError?: Error) {
    const calls: string[] = [];
    return {
        calls,
        async describeTasks() {
            calls.push("DescribeTasks");
            return { TotalCount: task ? 1 : 0, PageNumber: 1, PageSize: 100, Tasks: task ? [task] : [] };
        },
        async describeTaskAttribute(): Promise<TaskAttribute> {
            calls.push("DescribeTaskAttribute");
            return { TaskId: "t-1", TaskStatus: task?.TaskStatus ?? "Processing", OperationProgress: [], ...attr };
        },
        async cancelTask() {
            calls.push("CancelTask");
            if (cancelError) throw cancelError;
        },
    };
}

function apiError(code: string, retryable = false): EcsApiError {
    return new EcsApiError({ action: "CancelTask", code, errorMessage: "m", httpStatus: 403, retryable });
}

describe("lifecycle: read (refresh)", () => {
    const recorded = { taskId: "t-1", regionId: "r", taskStatus: "Processing", progress: "40%", waitError: "Timed out ...", __inputs: W };

    it("reports a task cancelled since the last up, with DescribeTaskAttribute's reason, and returns the inputs", async () => {
        const a = api({ TaskId: "t-1", TaskStatus: "Deleted", TaskAction: "ImportImage", FinishedTime: "2026-01-01T00:00:00Z" }, {
            TaskProcess: "55%",
            OperationProgress: [{ ErrorCode: "Task.Cancelled", ErrorMsg: "cancelled by user", RelatedItems: [] }],
        });
        const logs: string[] = [];
        const r = await readWaiter("t-1", recorded, W, a, (l) => logs.push(l));
        assert.equal(r.id, "t-1");
        assert.equal(r.props.taskStatus, "Deleted");
        assert.equal(r.props.progress, "55%");
        assert.equal(r.props.errorCode, "Task.Cancelled");
        assert.equal(r.props.errorMessage, "cancelled by user");
        assert.match(String(r.props.waitError), /t-1.*was cancelled \(Deleted\) at 55%: Task.Cancelled: cancelled by user/);
        assert.deepEqual(r.inputs, W);
        assert.match(logs.join("\n"), /Processing -> Deleted/);
    });

    it("clears the error fields of a task that finished since", async () => {
        const a = api({ TaskId: "t-1", TaskStatus: "Finished", ResourceId: "m-1" });
        const r = await readWaiter("t-1", recorded, W, a, () => {});
        assert.equal(r.props.taskStatus, "Finished");
        assert.equal(r.props.progress, "100%");
        assert.equal(r.props.resourceId, "m-1");
        assert.ok(!("waitError" in r.props));
    });

    it("keeps the recorded state of a task that aged out of DescribeTasks", async () => {
        const done = { ...recorded, taskStatus: "Finished", progress: "100%", resourceId: "m-1" };
        const a = api(undefined);
        const r = await readWaiter("t-1", done, W, a, () => {});
        assert.deepEqual(r.props, done);
        assert.deepEqual(a.calls, ["DescribeTasks"]);
    });

    it("makes one call for a task still Finished", async () => {
        const a = api({ TaskId: "t-1", TaskStatus: "Finished" });
        await readWaiter("t-1", { ...recorded, taskStatus: "Finished" }, W, a, () => {});
        assert.deepEqual(a.calls, ["DescribeTasks"]);
    });
});

describe("lifecycle: delete", () => {
    it("leaves the task alone and builds no client by default", async () => {
        await deleteWaiter({ taskId: "t-1" }, W, () => assert.fail("a client was built"), () => {});
    });

    it("with cancelOnDelete, cancels a running cancellable task", async () => {
        const a = api({ TaskId: "t-1", TaskStatus: "Processing", SupportCancel: true });
        await deleteWaiter({ taskId: "t-1" }, { ...W, cancelOnDelete: true }, () => a, () => {});
        assert.deepEqual(a.calls, ["DescribeTasks", "CancelTask"]);
    });

    it("with cancelOnDelete, leaves ended, aged-out and non-cancellable tasks alone", async () => {
        for (const t of [{ TaskId: "t-1", TaskStatus: "Finished" }, { TaskId: "t-1", TaskStatus: "Failed" }, { TaskId: "t-1", TaskStatus: "Processing", SupportCancel: false }, undefined]) {
            const a = api(t);
            await deleteWaiter({ taskId: "t-1" }, { ...W, cancelOnDelete: true }, () => a, () => {});
            assert.deepEqual(a.calls, ["DescribeTasks"], JSON.stringify(t));
        }
    });

    it("with cancelOnDelete, accepts a task that ended in between, and fails on other errors", async () => {
        const raced = api({ TaskId: "t-1", TaskStatus: "Processing" }, undefined, apiError("InvalidTaskId.IncorrectTaskStatus"));
        await deleteWaiter({ taskId: "t-1" }, { ...W, cancelOnDelete: true }, () => raced, () => {});
        const denied = api({ TaskId: "t-1", TaskStatus: "Processing" }, undefined, apiError("Forbidden.RAM"));
        await assert.rejects(deleteWaiter({ taskId: "t-1" }, { ...W, cancelOnDelete: true }, () => denied, () => {}), (e: unknown) => {
            assert.ok(e instanceof CancelOnDeleteError);
            assert.match(e.message, /could not cancel ECS task t-1 in r: .*Forbidden.RAM.*may still be running/);
            return true;
        });
    });
});
