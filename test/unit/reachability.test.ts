import { strict as assert } from "node:assert";
import { ReachabilityGuard } from "../../provider/waiter/reachability";
import { EndpointUnreachableError } from "../../provider/waiter/errors/EndpointUnreachableError";
import { EcsNetworkError } from "../../provider/ecs/errors/EcsNetworkError";
import { EcsResponseError } from "../../provider/ecs/errors/EcsResponseError";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { DescribeTasksResult } from "../../provider/ecs/types";

const OK: DescribeTasksResult = { RegionId: "r", TotalCount: 0, PageNumber: 1, PageSize: 0, Tasks: [] };
const refused = () => new EcsNetworkError("DescribeTasks", "http://127.0.0.1:1", "ECONNREFUSED", "connect ECONNREFUSED", true);
const html = () => new EcsResponseError("DescribeTasks", "ResponseNotJson", 200, "<html></html>", "an HTML page");
const throttled = () => new EcsApiError({ action: "DescribeTasks", code: "Throttling.User", errorMessage: "slow", httpStatus: 400, retryable: true });
const P = { RegionId: "r", TaskIds: ["t-1"], PageSize: 100, PageNumber: 1 };

/** A guard over an API that answers with the next scripted outcome, on a clock the test moves. */
function setup(script: (() => Error | DescribeTasksResult)[]) {
    let now = 0;
    const api = {
        async describeTasks() {
            const r = script.shift()!();
            if (r instanceof Error) throw r;
            return r;
        },
    };
    const guard = new ReachabilityGuard(api, { neverAnsweredMs: 15_000, answeredBeforeMs: 300_000, now: () => now });
    const call = () => guard.describeTasks(P).then(() => "ok", (e: unknown) => e);
    return { call, advance: (ms: number) => (now += ms) };
}

describe("reachability: a persistent lack of ECS answers becomes permanent", () => {
    it("passes network and non-ECS errors through until 15 s of nothing else, then throws EndpointUnreachableError", async () => {
        const g = setup([refused, refused, refused, refused]);
        assert.ok((await g.call()) instanceof EcsNetworkError);
        g.advance(7_000);
        assert.ok((await g.call()) instanceof EcsNetworkError);
        g.advance(7_999);
        assert.ok((await g.call()) instanceof EcsNetworkError);
        g.advance(1);
        const e = await g.call();
        assert.ok(e instanceof EndpointUnreachableError && e.code === "EndpointUnreachable" && !e.retryable, String(e));
        assert.equal(e.unreachable.failedCalls, 4);
        assert.equal(e.unreachable.failingForMs, 15_000);
        assert.match(e.message, /no answer from the endpoint for 15s .*ECONNREFUSED.*Check apsara:endpoint/);
    });

    it("names a URL that answers with pages that are not ECS responses", async () => {
        const g = setup([html, html]);
        await g.call();
        g.advance(15_000);
        const e = await g.call();
        assert.ok(e instanceof EndpointUnreachableError && e.code === "NotAnEcsGateway", String(e));
        assert.match(e.message, /apsara:apiStyle/);
    });

    it("any ECS answer, an API error included, ends the run of failures; after one, an outage is tolerated for 5 minutes", async () => {
        const g = setup([refused, throttled, refused, refused, refused, () => OK, refused, refused, refused]);
        await g.call();
        g.advance(14_000);
        assert.ok((await g.call()) instanceof EcsApiError); // the gateway answered: the run starts again
        g.advance(1_000);
        await g.call();
        g.advance(20_000);
        const afterAnswer = await g.call();
        assert.ok(afterAnswer instanceof EcsNetworkError, `an endpoint that answered before failed after 20 s: ${afterAnswer}`);
        g.advance(280_000);
        assert.ok((await g.call()) instanceof EndpointUnreachableError);
        assert.equal(await g.call(), "ok");
        assert.ok((await g.call()) instanceof EcsNetworkError);
        g.advance(299_999);
        assert.ok((await g.call()) instanceof EcsNetworkError);
        g.advance(1);
        assert.ok((await g.call()) instanceof EndpointUnreachableError);
    });

    it("leaves permanent network errors (a host name that does not resolve) as they are", async () => {
        const dns = new EcsNetworkError("DescribeTasks", "http://x.invalid", "ENOTFOUND", "getaddrinfo ENOTFOUND", false, "check apsara:endpoint");
        const g = setup([() => dns]);
        assert.equal(await g.call(), dns);
    });
});
