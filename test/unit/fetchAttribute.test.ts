import { strict as assert } from "node:assert";
import { fetchAttribute } from "../../provider/waiter/fetchAttribute";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { TaskAttribute } from "../../provider/ecs/types";

const ATTR = { TaskId: "t-1", TaskStatus: "Finished", OperationProgress: [] } as unknown as TaskAttribute;
const err = (retryable: boolean) => new EcsApiError({ action: "DescribeTaskAttribute", code: retryable ? "Throttling.User" : "InvalidTimeStamp.Expired", errorMessage: "m", httpStatus: 400, retryable });

function api(failures: Error[]) {
    let calls = 0;
    return {
        get calls() {
            return calls;
        },
        async describeTaskAttribute() {
            calls++;
            const e = failures.shift();
            if (e) throw e;
            return ATTR;
        },
    };
}

describe("fetchAttribute (the one call that says why a task failed, or which OSS object an export wrote)", () => {
    const pauses: number[] = [];
    let t = 0;
    const deps = () => ({ now: () => t, sleep: async (ms: number) => void (pauses.push(ms), (t += ms)), random: () => 1 });
    beforeEach(() => {
        pauses.length = 0;
        t = 0;
    });

    it("keeps asking through transient failures, pausing 0.5 s doubling, until it answers", async () => {
        const a = api([err(true), err(true), err(true), err(true)]);
        assert.equal(await fetchAttribute(a, "r", "t-1", { deadlineMs: 60_000, ...deps() }), ATTR);
        assert.equal(a.calls, 5);
        assert.deepEqual(pauses, [500, 1000, 2000, 4000]);
    });

    it("gives up at the deadline", async () => {
        const a = api(Array.from({ length: 50 }, () => err(true)));
        assert.equal(await fetchAttribute(a, "r", "t-1", { deadlineMs: 5000, ...deps() }), undefined);
        assert.ok(t < 5000);
    });

    it("asks once more after an error no retry fixes, and stops at the second", async () => {
        const once = api([err(false)]);
        assert.equal(await fetchAttribute(once, "r", "t-1", { deadlineMs: 60_000, ...deps() }), ATTR);
        const twice = api([err(false), err(false), err(true)]);
        assert.equal(await fetchAttribute(twice, "r", "t-1", { deadlineMs: 60_000, ...deps() }), undefined);
        assert.equal(twice.calls, 2);
    });

    it("stops at once when the wait is cancelled (Ctrl-C), passing the signal to the call", async () => {
        const ac = new AbortController();
        let seen: AbortSignal | undefined;
        const a = {
            describeTaskAttribute: async (_r: string, _t: string, signal?: AbortSignal): Promise<TaskAttribute> => {
                seen = signal;
                ac.abort();
                throw err(true);
            },
        };
        assert.equal(await fetchAttribute(a, "r", "t-1", { deadlineMs: 60_000, ...deps(), signal: ac.signal }), undefined);
        assert.equal(seen, ac.signal);
        assert.deepEqual(pauses, [500]);
    });
});
