import { strict as assert } from "node:assert";
import fc from "fast-check";
import { EcsClient } from "../../provider/ecs/client";
import { EcsApiError } from "../../provider/ecs/errors/EcsApiError";
import { RunningSimulator } from "../../simulator/server";
import { clientFor, startSim } from "../helpers/sim";

const SPECIAL = ["*", "~", "+", " ", "/", "=", "&", "%", "?", "#", "😀", "中", "文", "é", "\u00a0"];
const char = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }));
const text = fc.array(char, { minLength: 1, maxLength: 10 }).map((a) => a.join(""));
/** DescribeTasks parameters the simulator validates, and the ones the client sets itself. */
const TAKEN = new Set(["RegionId", "regionId", "TaskIds", "TaskAction", "TaskStatus", "PageSize", "PageNumber", "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Action", "Signature", "Version", "version", "Product", "SecurityToken"]);
const business = fc.dictionary(text.filter((k) => !TAKEN.has(k) && k !== "__proto__"), text, { maxKeys: 6 });
const NO_RETRY = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } };

describe("property: signed calls with any parameters are accepted by the simulator over HTTP", function () {
    this.timeout(60_000);
    let sim: RunningSimulator;
    before(async () => (sim = await startSim()));
    after(() => sim.close());

    it("DescribeTasks with random extra parameters succeeds with the right key and fails with SignatureDoesNotMatch with another secret", async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom("route" as const, "rpc" as const), business, text, async (style, params, wrongSecret) => {
                const good = new EcsClient(clientFor(sim, style), NO_RETRY);
                const r = await good.call("DescribeTasks", { RegionId: "cn-qingdao-env17-d01", ...params });
                assert.equal(r.TotalCount, 0);
                const bad = new EcsClient(clientFor(sim, style, { credentials: { accessKeyId: "sim-access-key-id", accessKeySecret: wrongSecret } }), NO_RETRY);
                await assert.rejects(bad.call("DescribeTasks", { RegionId: "cn-qingdao-env17-d01", ...params }), (e: unknown) => e instanceof EcsApiError && e.code === "SignatureDoesNotMatch");
            }),
            { numRuns: 40 },
        );
    });
});
