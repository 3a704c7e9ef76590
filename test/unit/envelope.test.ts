import { strict as assert } from "node:assert";
import { inspect } from "node:util";
import { parseEnvelope } from "../../provider/ecs/envelope";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { EcsResponseError } from "../../provider/ecs/errors/EcsResponseError";

const res = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
});

function apiError(fn: () => unknown): EcsApiError {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof EcsApiError, `expected EcsApiError, got ${e}`);
        return e;
    }
    assert.fail("no error thrown");
}

describe("response envelope", () => {
    it("returns the object of a successful answer", () => {
        assert.deepEqual(parseEnvelope("DescribeTasks", res(200, { RequestId: "r", TotalCount: 0 })), { RequestId: "r", TotalCount: 0 });
    });

    it("reads HTTP 4xx {Code, Message, RequestId} and classifies by Code", () => {
        const e = apiError(() => parseEnvelope("DescribeTasks", res(400, { RequestId: "R1", HostId: "h", Code: "SignatureDoesNotMatch", Message: "bad sig" })));
        assert.equal(e.code, "SignatureDoesNotMatch");
        assert.equal(e.httpStatus, 400);
        assert.equal(e.requestId, "R1");
        assert.equal(e.retryable, false);
        assert.match(e.message, /accessKeySecret/);
    });

    it("treats throttling as retryable whatever the status, and reads x-acs-retry-after", () => {
        const e = apiError(() => parseEnvelope("DescribeTasks", res(400, { Code: "Throttling.User", Message: "slow down" }, { "x-acs-retry-after": "2" })));
        assert.equal(e.retryable, true);
        assert.equal(e.retryAfterMs, 2000);
        assert.equal(apiError(() => parseEnvelope("X", res(503, { Code: "ServiceUnavailable", Message: "m" }))).retryable, true);
    });

    it("reads HTTP 200 with asapiSuccess false", () => {
        const e = apiError(() => parseEnvelope("DescribeTasks", res(200, { asapiSuccess: false, asapiErrorCode: "InvalidAccessKeyId.NotFound", asapiErrorMessage: "no key", asapiRequestId: "A1" })));
        assert.equal(e.code, "InvalidAccessKeyId.NotFound");
        assert.equal(e.requestId, "A1");
        assert.equal(e.retryable, false);
    });

    it("reads the header X-Acs-Response-Success: false on HTTP 200", () => {
        const e = apiError(() => parseEnvelope("DescribeTasks", res(200, { Code: "Forbidden.RAM", Message: "denied" }, { "x-acs-response-success": "false" })));
        assert.equal(e.code, "Forbidden.RAM");
        assert.equal(e.retryable, false);
    });

    it("reads the seed's resultCode envelope, with and without the errorSample wrapper", () => {
        for (const body of [{ errorSample: { resultCode: -1, resultMsg: "system error", result: null } }, { resultCode: -1, resultMsg: "system error", result: null }]) {
            const e = apiError(() => parseEnvelope("DescribeTasks", res(200, body)));
            assert.equal(e.code, "ResultCode-1");
            assert.equal(e.errorMessage, "system error");
            assert.equal(e.retryable, true);
        }
    });

    it("turns HTML, empty, truncated and non-object bodies into retryable EcsResponseError", () => {
        for (const [body, code] of [
            ["<html><body>502 Bad Gateway</body></html>", "ResponseNotJson"],
            ["", "EmptyResponse"],
            ['{"RequestId": "x", "TaskSet": {', "ResponseNotJson"],
            ["[1,2]", "UnexpectedResponse"],
        ] as const) {
            assert.throws(
                () => parseEnvelope("DescribeTasks", res(200, body)),
                (e: unknown) => e instanceof EcsResponseError && e.code === code && e.retryable,
            );
        }
    });

    it("classifies an HTTP 5xx without a code as retryable", () => {
        const e = apiError(() => parseEnvelope("DescribeTasks", res(500, {})));
        assert.equal(e.code, "Http500");
        assert.equal(e.retryable, true);
    });
});

describe("gateway messages that echo the request", () => {
    it("never carry the echoed string to sign (STS token included) into the error", () => {
        const token = "CAIS-sts-token-value-123";
        const body = JSON.stringify({
            RequestId: "r-1",
            Code: "SignatureDoesNotMatch",
            Message: `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dk%26SecurityToken%3D${token}`,
        });
        let err: unknown;
        try {
            parseEnvelope("DescribeTasks", { status: 400, headers: {}, body });
        } catch (e) {
            err = e;
        }
        assert.ok(err instanceof EcsApiError);
        assert.equal(err.code, "SignatureDoesNotMatch");
        assert.match(err.message, /string to sign is: \(withheld/);
        assert.ok(!inspect(err, { showHidden: true, depth: 8 }).includes(token), "the token is in the error");
    });
});

describe("redirects", () => {
    it("a 3xx with an HTML or empty body is a permanent error that says where it points", () => {
        for (const body of ["", "<html>Moved</html>"]) {
            let err: unknown;
            try {
                parseEnvelope("DescribeTasks", { status: 301, headers: { location: "https://ecs.example.com/?x=1" }, body });
            } catch (e) {
                err = e;
            }
            assert.ok(err instanceof EcsApiError);
            assert.equal(err.code, "Http301");
            assert.equal(err.retryable, false);
            assert.match(err.message, /redirects to https:\/\/ecs\.example\.com\//);
            assert.match(err.message, /apsara:endpoint/);
        }
    });
});

describe("Recommend", () => {
    it("keeps the gateway's diagnosis URL on the error", () => {
        let err: unknown;
        try {
            parseEnvelope("DescribeTasks", { status: 403, headers: {}, body: JSON.stringify({ Code: "Forbidden.RAM", Message: "m", Recommend: "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM" }) });
        } catch (e) {
            err = e;
        }
        assert.ok(err instanceof EcsApiError);
        assert.equal(err.recommend, "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM");
    });
});
