import { strict as assert } from "node:assert";
import { parseDescribeTasks, parseTaskAttribute } from "../../provider/ecs/results";
import { EcsResponseError } from "../../provider/ecs/errors/EcsResponseError";

const task = { TaskId: "t-1", TaskAction: "ImportImage", TaskStatus: "Finished", SupportCancel: "false", CreationTime: "2015-11-24T12:50Z", FinishedTime: "2015-11-24T12:55Z", ResourceId: "m-1" };

describe("DescribeTasks parsing", () => {
    it("accepts TaskSet as {Task: [...]}, a bare array and {Task: {...}}", () => {
        for (const TaskSet of [{ Task: [task] }, [task], { Task: task }]) {
            const r = parseDescribeTasks({ RequestId: "r", TotalCount: 1, PageNumber: 1, PageSize: 10, TaskSet });
            assert.equal(r.Tasks.length, 1);
            assert.equal(r.Tasks[0].TaskId, "t-1");
            assert.equal(r.Tasks[0].ResourceId, "m-1");
            assert.equal(r.Tasks[0].CreationTime, "2015-11-24T12:50Z");
        }
    });

    it("reads SupportCancel as string or boolean, RequestID for RequestId, and a missing ResourceId", () => {
        const r = parseDescribeTasks({ RequestID: "seed", TaskSet: { Task: [{ ...task, SupportCancel: true, ResourceId: undefined }] } });
        assert.equal(r.RequestId, "seed");
        assert.equal(r.Tasks[0].SupportCancel, true);
        assert.equal(r.Tasks[0].ResourceId, undefined);
        assert.equal(parseDescribeTasks({ TaskSet: { Task: [task] } }).Tasks[0].SupportCancel, false);
    });

    it("treats a missing TaskSet as no tasks", () => {
        assert.deepEqual(parseDescribeTasks({ TotalCount: 0 }).Tasks, []);
    });

    it("rejects a task entry without TaskStatus rather than guessing", () => {
        assert.throws(() => parseDescribeTasks({ TaskSet: { Task: [{ TaskId: "t-1" }] } }), EcsResponseError);
    });
});

describe("DescribeTaskAttribute parsing", () => {
    it("reads progress, error code and message, and related items", () => {
        const a = parseTaskAttribute({
            TaskId: "t-1",
            TaskStatus: "Failed",
            TaskProcess: "45%",
            OperationProgressSet: { OperationProgress: { OperationStatus: "Failed", ErrorCode: "InvalidOSSObject", ErrorMsg: "no such object", RelatedItemSet: { RelatedItem: [{ Name: "OSSObject", Value: "x.raw" }] } } },
        });
        assert.equal(a.TaskProcess, "45%");
        assert.equal(a.OperationProgress[0].ErrorCode, "InvalidOSSObject");
        assert.equal(a.OperationProgress[0].ErrorMsg, "no such object");
        assert.deepEqual(a.OperationProgress[0].RelatedItems, [{ Name: "OSSObject", Value: "x.raw" }]);
    });
});
