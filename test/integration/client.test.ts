import { strict as assert } from "node:assert";
import { EcsClient } from "../../provider/ecs/client";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { EcsNetworkError } from "../../provider/ecs/errors/EcsNetworkError";
import { RunningSimulator } from "../../simulator/server";
import { clientFor, startSim } from "../helpers/sim";

const REGION = "cn-qingdao-env17-d01";
const NO_RETRY = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } };

describe("ECS client against the simulator over HTTP", () => {
    let sim: RunningSimulator;
    before(async () => (sim = await startSim({ taskDefaults: { durationMs: 60_000 } })));
    after(() => sim.close());

    for (const style of ["route", "rpc"] as const) {
        it(`${style} style: ImportImage, DescribeTasks, DescribeTaskAttribute, CancelTask`, async () => {
            const c = new EcsClient(clientFor(sim, style));
            const imp = await c.importImage({ RegionId: REGION, ImageName: "img", DiskDeviceMapping: [{ OSSBucket: "b", OSSObject: "o.raw", Format: "RAW" }] });
            assert.match(imp.TaskId, /^t-/);
            assert.match(imp.ImageId!, /^m-/);
            const d = await c.describeTasks({ RegionId: REGION, TaskIds: [imp.TaskId] });
            assert.equal(d.Tasks.length, 1);
            assert.equal(d.Tasks[0].TaskAction, "ImportImage");
            assert.equal(d.Tasks[0].ResourceId, imp.ImageId);
            assert.ok(["Pending", "Processing"].includes(d.Tasks[0].TaskStatus));
            assert.ok(d.RequestId);
            const a = await c.describeTaskAttribute(REGION, imp.TaskId);
            assert.match(a.TaskProcess!, /%$/);
            await c.cancelTask(REGION, imp.TaskId);
            const after = await c.describeTasks({ RegionId: REGION, TaskIds: [imp.TaskId] });
            assert.equal(after.Tasks[0].TaskStatus, "Deleted");
        });
    }

    it("route style sends RegionId and regionId and the seed's version; rpc sends Version 2014-05-26", async () => {
        const seen: Record<string, string>[] = [];
        const transport = { send: async (_a: string, req: { params: Record<string, string> }) => (seen.push(req.params), { status: 200, headers: {}, body: '{"TaskSet":{"Task":[]}}' }) };
        await new EcsClient(clientFor(sim, "route"), { transport }).describeTasks({ RegionId: REGION, TaskIds: ["t-1"] });
        await new EcsClient(clientFor(sim, "rpc"), { transport }).describeTasks({ RegionId: REGION, TaskIds: ["t-1"] });
        assert.equal(seen[0].regionId, REGION);
        assert.equal(seen[0].version, "2016-01-01");
        assert.equal(seen[1].Version, "2014-05-26");
        assert.equal(seen[1].regionId, undefined);
    });

    it("a wrong secret fails at once with SignatureDoesNotMatch, without the secret in the message", async () => {
        const c = new EcsClient(clientFor(sim, "rpc", { credentials: { accessKeyId: "sim-access-key-id", accessKeySecret: "not-the-secret-123" } }));
        await assert.rejects(c.describeTasks({ RegionId: REGION }), (e: unknown) => {
            assert.ok(e instanceof EcsApiError);
            assert.equal(e.code, "SignatureDoesNotMatch");
            assert.equal(e.retryable, false);
            assert.ok(!e.message.includes("not-the-secret-123"));
            return true;
        });
    });

    it("an unknown key, a clock 20 minutes off and a reused nonce get the gateway's codes", async () => {
        const unknown = new EcsClient(clientFor(sim, "rpc", { credentials: { accessKeyId: "nobody", accessKeySecret: "x" } }), NO_RETRY);
        await assert.rejects(unknown.describeTasks({ RegionId: REGION }), (e: unknown) => e instanceof EcsApiError && e.code === "InvalidAccessKeyId.NotFound" && !e.retryable);
        const skewed = new EcsClient(clientFor(sim, "route", { now: () => new Date(Date.now() - 20 * 60_000) }), NO_RETRY);
        await assert.rejects(skewed.describeTasks({ RegionId: REGION }), (e: unknown) => e instanceof EcsApiError && e.code === "InvalidTimeStamp.Expired" && /clock/.test(e.message));
        const sameNonce = new EcsClient(clientFor(sim, "rpc", { nonce: () => "fixed-nonce" }), NO_RETRY);
        await sameNonce.describeTasks({ RegionId: REGION });
        await assert.rejects(sameNonce.describeTasks({ RegionId: REGION }), (e: unknown) => e instanceof EcsApiError && e.code === "SignatureNonceUsed" && e.retryable);
    });

    it("a missing parameter is a permanent MissingParameter error", async () => {
        const c = new EcsClient(clientFor(sim, "rpc"), NO_RETRY);
        await assert.rejects(c.call("DescribeTaskAttribute", { RegionId: REGION }), (e: unknown) => e instanceof EcsApiError && e.code === "MissingParameter" && !e.retryable);
    });

    it("an endpoint with nothing listening is a retryable network error naming the endpoint", async () => {
        const c = new EcsClient({ endpoint: "http://127.0.0.1:9", apiStyle: "rpc", credentials: { accessKeyId: "a", accessKeySecret: "s" } }, NO_RETRY);
        await assert.rejects(c.describeTasks({ RegionId: REGION }), (e: unknown) => e instanceof EcsNetworkError && e.code === "ECONNREFUSED" && e.retryable && /127\.0\.0\.1:9/.test(e.message));
    });

    it("pages DescribeTasks and filters by TaskStatus", async () => {
        const s2 = await startSim();
        try {
            for (let i = 0; i < 15; i++) s2.store.create(REGION, "ExportImage", { durationMs: 0 });
            const c = new EcsClient(clientFor(s2, "rpc"));
            const p1 = await c.describeTasks({ RegionId: REGION, PageSize: 10, PageNumber: 1, TaskStatus: "Finished" });
            const p2 = await c.describeTasks({ RegionId: REGION, PageSize: 10, PageNumber: 2, TaskStatus: "Finished" });
            assert.equal(p1.TotalCount, 15);
            assert.equal(p1.Tasks.length, 10);
            assert.equal(p2.Tasks.length, 5);
        } finally {
            await s2.close();
        }
    });
});
