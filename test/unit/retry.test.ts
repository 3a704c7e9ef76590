import { strict as assert } from "node:assert";
import { backoffDelay, withRetry, DEFAULT_RETRY } from "../../provider/ecs/retry";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";

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
