import { strict as assert } from "node:assert";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { waitAndRecord } from "../../provider/lifecycle/wait";
import { StepFailedError } from "../../provider/lifecycle/StepFailedError";
import { EcsClientOptions } from "../../provider/ecs/options";
import { EcsClient } from "../../provider/ecs/client";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { EcsNetworkError } from "../../provider/ecs/errors/EcsNetworkError";
import { EndpointUnreachableError } from "../../provider/waiter/errors/EndpointUnreachableError";
import { TaskNotFoundError } from "../../provider/waiter/errors/TaskNotFoundError";
import { RunningSimulator } from "../../simulator/server";
import { clientFor, SIM_CREDENTIALS, startSim } from "../helpers/sim";

const REGION = "cn-qingdao-env17-d01";
/** Far longer than any test may run: a failure that waited for the timeout would hit mocha's own timeout first. */
const TIMEOUT = "2h";

/** Waits through the waiter's real path (sharedPoller + waitForTask) with default timing, and returns the failure and how long it took. */
async function failedWait(client: EcsClientOptions, taskId: string, extra: Record<string, string> = {}): Promise<{ error: StepFailedError; cause: unknown; ms: number }> {
    const started = Date.now();
    try {
        await waitAndRecord(taskId, { regionId: extra.regionId ?? REGION, taskId, timeout: TIMEOUT, ...extra }, "prov", { client, log: () => {} });
    } catch (e) {
        assert.ok(e instanceof StepFailedError, `expected StepFailedError, got ${e}`);
        return { error: e, cause: e.cause, ms: Date.now() - started };
    }
    return assert.fail("the wait succeeded");
}

/** A plain web server, not an ECS gateway, answering every request with an HTML page. */
async function htmlServer(status: number): Promise<{ url: string; server: Server }> {
    const server = createServer((_req, res) => {
        res.writeHead(status, { "content-type": "text/html" });
        res.end(`<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>Welcome to nginx!</h1></body></html>`);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A loopback URL where nothing listens: a port that was just free. */
async function closedPort(): Promise<string> {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    return `http://127.0.0.1:${port}`;
}

const figures: string[] = [];

describe("bad input and bad configuration fail fast, with a message that says what to fix", function () {
    this.timeout(60_000);
    let sim: RunningSimulator;
    let taskId: string;

    before(async () => {
        sim = await startSim({ regions: [REGION, "cn-hangzhou"] });
        taskId = sim.store.create(REGION, "ImportImage", { durationMs: 3_600_000 }).TaskId;
    });
    after(async () => {
        await sim.close();
        console.log(`      time to fail (timeout ${TIMEOUT}):\n${figures.map((f) => `        ${f}`).join("\n")}`);
    });

    it("a wrong AccessKey secret: SignatureDoesNotMatch, naming apsara:accessKeySecret, without the secret", async () => {
        const secret = "wrong-secret-value-123";
        const f = await failedWait(clientFor(sim, "route", { credentials: { accessKeyId: SIM_CREDENTIALS.accessKeyId, accessKeySecret: secret } }), taskId);
        figures.push(`wrong secret: ${f.ms} ms`);
        assert.ok(f.cause instanceof EcsApiError && f.cause.code === "SignatureDoesNotMatch", String(f.cause));
        assert.match(f.error.message, /check apsara:accessKeySecret/);
        assert.ok(!f.error.message.includes(secret) && !JSON.stringify(f.error.properties).includes(secret));
    });

    it("an unknown AccessKey ID: InvalidAccessKeyId.NotFound, naming apsara:accessKeyId", async () => {
        const f = await failedWait(clientFor(sim, "rpc", { credentials: { accessKeyId: "LTAI-not-a-key", accessKeySecret: "x" } }), taskId);
        figures.push(`unknown key: ${f.ms} ms`);
        assert.ok(f.cause instanceof EcsApiError && f.cause.code === "InvalidAccessKeyId.NotFound", String(f.cause));
        assert.match(f.error.message, /check apsara:accessKeyId/);
    });

    it("a region that does not exist: InvalidRegionId.NotFound, naming regionId", async () => {
        const f = await failedWait(clientFor(sim, "route"), taskId, { regionId: "cn-nowhere-1" });
        figures.push(`unknown region: ${f.ms} ms`);
        assert.ok(f.cause instanceof EcsApiError && f.cause.code === "InvalidRegionId.NotFound", String(f.cause));
        assert.match(f.error.message, /check regionId/);
    });

    it("a clock 20 minutes slow: InvalidTimeStamp.Expired, saying to fix the clock", async () => {
        const f = await failedWait(clientFor(sim, "rpc", { now: () => new Date(Date.now() - 20 * 60_000) }), taskId);
        figures.push(`clock 20 min off: ${f.ms} ms`);
        assert.ok(f.cause instanceof EcsApiError && f.cause.code === "InvalidTimeStamp.Expired", String(f.cause));
        assert.match(f.error.message, /clock/);
    });

    it("a host name that does not resolve: ENOTFOUND, naming apsara:endpoint", async () => {
        const f = await failedWait({ endpoint: "http://ecs-internal.cn-nowhere.invalid", apiStyle: "route", credentials: SIM_CREDENTIALS }, taskId);
        figures.push(`host does not resolve: ${f.ms} ms`);
        assert.ok(f.cause instanceof EcsNetworkError && f.cause.code === "ENOTFOUND", String(f.cause));
        assert.match(f.error.message, /does not resolve: check apsara:endpoint/);
    });

    it("a task ID of another account: not listed, InvalidTaskId.NotFound; fails after notFoundGrace, not the timeout", async () => {
        // Another account's task: it exists, but on a gateway view this key cannot see.
        const other = await startSim();
        const foreign = other.store.create(REGION, "ImportImage", { durationMs: 3_600_000 }).TaskId;
        await other.close();
        const attr = await new EcsClient(clientFor(sim, "route")).describeTaskAttribute(REGION, foreign).then(
            () => assert.fail("DescribeTaskAttribute found another account's task"),
            (e: unknown) => e,
        );
        assert.ok(attr instanceof EcsApiError && attr.code === "InvalidTaskId.NotFound" && !attr.retryable, String(attr));
        assert.match(attr.message, /check taskId and regionId/);
        const f = await failedWait(clientFor(sim, "route"), foreign, { notFoundGrace: "5s" });
        figures.push(`task of another account (notFoundGrace 5s): ${f.ms} ms`);
        assert.ok(f.cause instanceof TaskNotFoundError, String(f.cause));
        assert.match(f.error.message, new RegExp(`${foreign} was not found .*check the task ID, regionId and the endpoint`));
    });

    it("nothing listening, or a web server that is not an ECS gateway (HTML 200 and 404): permanent once no ECS answer came for 15 s", async () => {
        const html200 = await htmlServer(200);
        const html404 = await htmlServer(404);
        try {
            const [refused, page, notFound] = await Promise.all([
                failedWait({ endpoint: await closedPort(), apiStyle: "route", credentials: SIM_CREDENTIALS }, taskId),
                failedWait({ endpoint: html200.url, apiStyle: "route", credentials: SIM_CREDENTIALS }, taskId),
                failedWait({ endpoint: html404.url, apiStyle: "rpc", credentials: SIM_CREDENTIALS }, taskId),
            ]);
            figures.push(`nothing listening: ${refused.ms} ms`, `HTML 200 server: ${page.ms} ms`, `HTML 404 server: ${notFound.ms} ms`);
            assert.ok(refused.cause instanceof EndpointUnreachableError && refused.cause.code === "EndpointUnreachable", String(refused.cause));
            assert.match(refused.error.message, /ECONNREFUSED.*Check apsara:endpoint/);
            for (const f of [page, notFound]) {
                assert.ok(f.cause instanceof EndpointUnreachableError && f.cause.code === "NotAnEcsGateway", String(f.cause));
                assert.match(f.error.message, /not an ECS API response .*HTML.*Check apsara:endpoint .* and apsara:apiStyle/);
            }
            assert.match(notFound.error.message, /HTTP 404/);
        } finally {
            html200.server.close();
            html404.server.close();
        }
    });
});
