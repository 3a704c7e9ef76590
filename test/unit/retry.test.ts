import { strict as assert } from "node:assert";
import { backoffDelay, withRetry, DEFAULT_RETRY } from "../../provider/ecs/retry";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { EcsClient } from "../../provider/ecs/client";

const err = (code: string, retryable: boolean, retryAfterMs?: number) =>
    new EcsApiError({ action: "DescribeTasks", code, errorMessage: "m", httpStatus: 400, retryable, retryAfterMs });

describe("per-call retry", () => {
    it("uses full jitter under a doubling, capped ceiling", () => {
        const p = { maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 10_000 };
        assert.equal(backoffDelay(p, 1, () => 1), 500);
        assert.equal(backoffDelay(p, 3, () => 1), 2000);
        assert.equal(backoffDelay(p, 10, () => 1), 10_000);
        assert.equal(backoffDelay(p, 3, () => 0.5), 1000);
        assert.equal(backoffDelay(p, 3, () => 0), 0);
    });

    it("honours x-acs-retry-after when it is longer than the jitter", () => {
        assert.equal(backoffDelay(DEFAULT_RETRY, 1, () => 0.1, 3000), 3000);
    });

    it("retries throttling with the computed delays, then succeeds", async () => {
        const sleeps: number[] = [];
        let calls = 0;
        const out = await withRetry(
            async () => {
                calls++;
                if (calls < 3) throw err("Throttling.User", true);
                return "ok";
            },
            DEFAULT_RETRY,
            async (ms) => void sleeps.push(ms),
            () => 1,
        );
        assert.equal(out, "ok");
        assert.equal(calls, 3);
        assert.deepEqual(sleeps, [500, 1000]);
    });

    it("fails at once on a permanent error", async () => {
        let calls = 0;
        await assert.rejects(
            withRetry(async () => { calls++; throw err("SignatureDoesNotMatch", false); }, DEFAULT_RETRY, async () => {}, () => 1),
            (e: unknown) => e instanceof EcsApiError && e.code === "SignatureDoesNotMatch",
        );
        assert.equal(calls, 1);
    });

    it("gives up after maxAttempts with the last error", async () => {
        let calls = 0;
        await assert.rejects(withRetry(async () => { calls++; throw err("InternalError", true); }, { ...DEFAULT_RETRY, maxAttempts: 3 }, async () => {}, () => 0));
        assert.equal(calls, 3);
    });
});

describe("EcsClient: actions that must not run twice", () => {
    const ok = (body: object) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
    const fail503 = { status: 503, headers: {}, body: JSON.stringify({ Code: "ServiceUnavailable", Message: "m" }) };
    const opts = { endpoint: "http://127.0.0.1:9", apiStyle: "rpc" as const, credentials: { accessKeyId: "k", accessKeySecret: "s" } };
    const deps = (send: (a: string, r: { params: Record<string, string> }) => Promise<unknown>) => ({ transport: { send } as never, sleep: async () => {}, random: () => 0 });

    it("ImportImage sends one ClientToken on every retry", async () => {
        const tokens: string[] = [];
        let n = 0;
        const c = new EcsClient(opts, deps(async (_a, r) => (tokens.push(r.params.ClientToken), n++ === 0 ? fail503 : ok({ ImageId: "m-1", TaskId: "t-1", RequestId: "r" }))));
        await c.importImage({ RegionId: "r", DiskDeviceMapping: [{ OSSBucket: "b", OSSObject: "o" }] });
        assert.equal(tokens.length, 2);
        assert.ok(tokens[0]);
        assert.equal(tokens[1], tokens[0]);
    });

    it("ExportImage is not retried after a 5xx (it may have started), but is after throttling", async () => {
        let calls = 0;
        const c = new EcsClient(opts, deps(async () => (calls++, fail503)));
        await assert.rejects(c.exportImage({ RegionId: "r", ImageId: "m-1", OSSBucket: "b" }), /ServiceUnavailable/);
        assert.equal(calls, 1);
        let n = 0;
        const throttled = { status: 400, headers: {}, body: JSON.stringify({ Code: "Throttling.User", Message: "m" }) };
        const c2 = new EcsClient(opts, deps(async () => (n++ === 0 ? throttled : ok({ TaskId: "t-2", RequestId: "r" }))));
        assert.equal((await c2.exportImage({ RegionId: "r", ImageId: "m-1", OSSBucket: "b" })).TaskId, "t-2");
        assert.equal(n, 2);
    });
});

describe("EcsClient: expiring STS keys", () => {
    const expired = { status: 400, headers: {}, body: JSON.stringify({ Code: "InvalidSecurityToken.Expired", Message: "Specified SecurityToken is expired." }) };
    const ok = { status: 200, headers: {}, body: JSON.stringify({ RequestId: "r", TotalCount: 0, TaskSet: { Task: [] } }) };
    const base = { endpoint: "http://127.0.0.1:9", apiStyle: "rpc" as const, credentials: { accessKeyId: "STS.old", accessKeySecret: "s1", securityToken: "tok-1" } };

    it("renews them through refreshCredentials when the gateway says the token expired, then calls again", async () => {
        const sent: string[] = [];
        const send = async (_a: string, r: { params: Record<string, string> }) => (sent.push(r.params.SecurityToken), r.params.SecurityToken === "tok-1" ? expired : ok);
        let renewals = 0;
        const c = new EcsClient({ ...base, refreshCredentials: async () => (renewals++, { accessKeyId: "STS.new", accessKeySecret: "s2", securityToken: "tok-2" }) }, { transport: { send } as never, sleep: async () => {}, random: () => 0 });
        await c.describeTasks({ RegionId: "r", TaskIds: ["t-1"] });
        assert.deepEqual(sent, ["tok-1", "tok-2"]);
        assert.equal(renewals, 1);
        await c.describeTasks({ RegionId: "r", TaskIds: ["t-1"] });
        assert.deepEqual(sent, ["tok-1", "tok-2", "tok-2"]);
    });

    it("without a way to renew them, the error stands", async () => {
        const c = new EcsClient(base, { transport: { send: async () => expired } as never, sleep: async () => {}, random: () => 0 });
        await assert.rejects(c.describeTasks({ RegionId: "r", TaskIds: ["t-1"] }), /InvalidSecurityToken\.Expired/);
    });
});
