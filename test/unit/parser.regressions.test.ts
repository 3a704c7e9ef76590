import { strict as assert } from "node:assert";
import { parseEnvelope } from "../../provider/ecs/envelope";
import { parseDescribeTasks } from "../../provider/ecs/results";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { EcsResponseError } from "../../provider/ecs/errors/EcsResponseError";

/** Answers the parser property tests (parser.property.test.ts) found read as successes, kept as fixed examples. */
const res = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers, body: JSON.stringify(body) });
const describe_ = (status: number, body: unknown) => parseDescribeTasks(parseEnvelope("DescribeTasks", res(status, body)));

describe("parser regressions found by the properties", () => {
    it("HTTP 200 with an error Code and Message and no success flag is that error, not an empty task list", () => {
        assert.throws(
            () => describe_(200, { RequestID: "r", TotalCount: 0, TaskSet: [], Code: "Forbidden.RAM", Message: "User not authorized to operate on the specified resource." }),
            (e: unknown) => e instanceof EcsApiError && e.code === "Forbidden.RAM" && !e.retryable && /grant ecs:DescribeTasks/.test(e.message),
        );
        // A success Code, or an explicit success flag, stays a success.
        assert.equal(describe_(200, { TaskSet: { Task: [] }, TotalCount: 0, code: "200", message: "ok" }).Tasks.length, 0);
        assert.equal(describe_(200, { TaskSet: { Task: [] }, TotalCount: 0, Code: "X", Message: "m", success: true }).Tasks.length, 0);
    });

    it("a DescribeTasks answer that does not say which tasks there are is an UnexpectedResponse, not 'no tasks'", () => {
        for (const body of [{}, { RequestId: "r" }, { TotalCount: 3 }, { TaskSet: "x", TotalCount: 0 }, { TaskSet: 1 }]) {
            assert.throws(() => describe_(200, body), (e: unknown) => e instanceof EcsResponseError && e.code === "UnexpectedResponse", JSON.stringify(body));
        }
        for (const body of [{ TotalCount: 0 }, { TaskSet: "", TotalCount: 0 }, { TaskSet: null }, { TaskSet: {} }]) {
            assert.deepEqual(describe_(200, body).Tasks, [], JSON.stringify(body));
        }
    });

    it("a resultCode failure at the top level counts even when an errorSample object is present", () => {
        assert.throws(() => describe_(200, { errorSample: { result: null }, resultCode: -1, resultMsg: "system error", TaskSet: [] }), (e: unknown) => e instanceof EcsApiError && e.code === "ResultCode-1");
    });

    it("success flags written as the string \"false\" are failures", () => {
        for (const body of [{ Success: "false", TaskSet: [] }, { success: "FALSE", TaskSet: [] }, { asapiSuccess: "False", TaskSet: [] }]) {
            assert.throws(() => describe_(200, body), (e: unknown) => e instanceof EcsApiError, JSON.stringify(body));
        }
    });

    it("a redirect with a JSON body is a failure that says to use the URL redirected to", () => {
        assert.throws(
            () => describe_(302, { TaskSet: { Task: [{ TaskId: "t-1", TaskStatus: "Finished" }] } }),
            (e: unknown) => e instanceof EcsApiError && e.code === "Http302" && !e.retryable && /redirect.*apsara:endpoint/.test(e.message),
        );
    });
});
