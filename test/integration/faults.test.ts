import { strict as assert } from "node:assert";
import axios from "axios";
import { EcsClient } from "../../provider/ecs/client";
import { EcsError } from "../../provider/ecs/errors/EcsError";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { EcsNetworkError } from "../../provider/ecs/errors/EcsNetworkError";
import { EcsResponseError } from "../../provider/ecs/errors/EcsResponseError";
import { RunningSimulator } from "../../simulator/server";
import { FaultConfig, FaultKind } from "../../simulator/faults/types";
import { seededRandom } from "../../simulator/faults/seededRandom";
import { clientFor, startSim } from "../helpers/sim";

const REGION = "cn-qingdao-env17-d01";
const NO_RETRY = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } };

async function failureOf(p: Promise<unknown>): Promise<EcsError> {
    try {
        await p;
    } catch (e) {
        assert.ok(e instanceof EcsError, `expected an EcsError, got ${e}`);
        return e;
    }
    assert.fail("the call succeeded although a fault was injected");
}

describe("simulator fault injection, seen through the ECS client", () => {
    let sim: RunningSimulator;
    before(async () => (sim = await startSim()));
    after(() => sim.close());
    afterEach(() => axios.post(`${sim.url}/_sim/reset`));

    const put = (f: FaultConfig) => axios.put(`${sim.url}/_sim/faults`, f);
    const client = (style: "route" | "rpc" = "rpc") => new EcsClient(clientFor(sim, style, { requestTimeoutMs: 500 }), NO_RETRY);
    const describe1 = (c = client()) => c.describeTasks({ RegionId: REGION, TaskIds: ["t-x"] });

    const expected: [FaultKind, Function, string, boolean][] = [
        ["throttle", EcsApiError, "Throttling.User", true],
        ["internalError", EcsApiError, "InternalError", true],
        ["serviceUnavailable", EcsApiError, "ServiceUnavailable", true],
        ["staleTimestamp", EcsApiError, "InvalidTimeStamp.Expired", false],
        ["asapiFailure", EcsApiError, "ServiceUnavailable", true],
        ["resultCodeFailure", EcsApiError, "ResultCode-1", true],
        ["proxyHtml", EcsResponseError, "ResponseNotJson", true],
        ["malformedJson", EcsResponseError, "ResponseNotJson", true],
        ["truncatedJson", EcsResponseError, "ResponseNotJson", true],
        ["reset", EcsNetworkError, "", true],
        ["hang", EcsNetworkError, "", true],
    ];
    for (const [kind, cls, code, retryable] of expected) {
        it(`${kind} becomes ${cls.name}${code ? ` ${code}` : ""} (retryable: ${retryable})`, async () => {
            await put({ rules: [{ kind, every: 1 }] });
            const err = await failureOf(describe1());
            assert.ok(err instanceof cls, `${kind}: got ${err.name} ${err.code}: ${err.message}`);
            if (code) assert.equal(err.code, code);
            assert.equal(err.retryable, retryable);
            const stats = (await axios.get(`${sim.url}/_sim/stats`)).data;
            assert.equal(stats.faultsInjected[kind], 1);
        });
    }

    it("throttle sends x-acs-retry-after only when configured, and the client reads it", async () => {
        await put({ rules: [{ kind: "throttle", every: 1, retryAfterSeconds: 3 }] });
        const withHeader = (await failureOf(describe1())) as EcsApiError;
        assert.equal(withHeader.retryAfterMs, 3000);
        await put({ rules: [{ kind: "throttle", every: 1 }] });
        const without = (await failureOf(describe1())) as EcsApiError;
        assert.equal(without.retryAfterMs, undefined);
    });

    it("latency delays the answer, which then succeeds", async () => {
        await put({ rules: [{ kind: "latency", every: 1, delayMs: 150 }] });
        const r = await describe1();
        assert.equal(r.TotalCount, 0);
        assert.equal((await axios.get(`${sim.url}/_sim/stats`)).data.faultsInjected.latency, 1);
    });

    it("every and limit schedule a fault on exact calls; actions restrict it", async () => {
        await put({ rules: [{ kind: "internalError", every: 2, limit: 2, actions: ["DescribeTasks"] }] });
        const outcomes: string[] = [];
        for (let i = 0; i < 6; i++) outcomes.push(await describe1().then(() => "ok", (e: EcsError) => e.code));
        assert.deepEqual(outcomes, ["ok", "InternalError", "ok", "InternalError", "ok", "ok"]);
        await client().describeTaskAttribute(REGION, "t-none").catch((e: EcsError) => assert.equal(e.code, "InvalidTaskId.NotFound"));
    });

    it("a quota per key and action throttles the calls over it, for that key and action only", async () => {
        const other = await startSim({ keys: [{ accessKeyId: "k2", accessKeySecret: "s2" }, { accessKeyId: "sim-access-key-id", accessKeySecret: "sim-access-key-secret" }], faults: { quotas: [{ action: "DescribeTasks", perMinute: 3, retryAfterSeconds: 1 }] } });
        try {
            const c1 = new EcsClient(clientFor(other, "rpc"), NO_RETRY);
            const c2 = new EcsClient({ ...clientFor(other, "rpc"), credentials: { accessKeyId: "k2", accessKeySecret: "s2" } }, NO_RETRY);
            for (let i = 0; i < 3; i++) await describe1(c1);
            const err = (await failureOf(describe1(c1))) as EcsApiError;
            assert.equal(err.code, "Throttling.User");
            assert.equal(err.retryAfterMs, 1000);
            await describe1(c2);
            await c1.describeTaskAttribute(REGION, "t-none").catch((e: EcsError) => assert.equal(e.code, "InvalidTaskId.NotFound"));
            const stats = (await axios.get(`${other.url}/_sim/stats`)).data;
            assert.equal(stats.throttled, 1);
        } finally {
            await other.close();
        }
    });

    it("taskMissingMs hides new tasks from DescribeTasks for a while", async () => {
        await put({ taskMissingMs: 60_000 });
        const id = (await axios.post(`${sim.url}/_sim/tasks`, { regionId: REGION, durationMs: 1000 })).data.taskId;
        const r = await client().describeTasks({ RegionId: REGION, TaskIds: [id] });
        assert.equal(r.Tasks.length, 0);
        await put({});
        assert.equal((await client().describeTasks({ RegionId: REGION, TaskIds: [id] })).Tasks.length, 1);
    });

    it("PUT /_sim/faults rejects bad input naming the field", async () => {
        const bad = await axios.put(`${sim.url}/_sim/faults`, { rules: [{ kind: "throttle", rate: 2 }] }, { validateStatus: () => true });
        assert.equal(bad.status, 400);
        assert.match(bad.data.error, /rules\[0\]\.rate/);
    });

    it("a seeded fault schedule replays exactly", async () => {
        const run = async () => {
            const s = await startSim({ faults: { rules: [{ kind: "internalError", rate: 0.3 }] }, faultRandom: seededRandom(42) });
            try {
                const c = new EcsClient(clientFor(s, "rpc"), NO_RETRY);
                const out: string[] = [];
                for (let i = 0; i < 20; i++) out.push(await describe1(c).then(() => ".", () => "x"));
                return out.join("");
            } finally {
                await s.close();
            }
        };
        const a = await run();
        assert.match(a, /x/);
        assert.match(a, /\./);
        assert.equal(await run(), a);
    });
});
