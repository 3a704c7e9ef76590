import { strict as assert } from "node:assert";
import { check, diff, configure } from "../../provider/lifecycle/host";
import { UNKNOWN } from "../../provider/lifecycle/inputs";
import { parseDuration } from "../../provider/config/duration";
import { ConfigError } from "../../provider/config/ConfigError";

describe("lifecycle: check", () => {
    before(() => configure({ config: { get: (k) => (k === "apsara:endpoint" ? "http://127.0.0.1:1" : undefined) } }));

    it("accepts valid inputs", async () => {
        const r = await check({}, { regionId: "cn-qingdao-env17-d01", taskId: "t-1", taskAction: "ImportImage", timeout: "90m", apiStyle: "rpc", endpoint: "https://ecs.example.com" });
        assert.deepEqual(r.failures, []);
    });

    it("names each invalid input and says what is expected", async () => {
        const r = await check({}, { regionId: "", taskAction: "CopyImage", timeout: "90", apiStyle: "soap", endpoint: "ftp://x", pollInterval: "0s" });
        const by = Object.fromEntries(r.failures.map((f) => [f.property, f.reason]));
        assert.match(by.regionId, /required/);
        assert.match(by.taskId, /required/);
        assert.match(by.taskAction, /ImportImage, ExportImage/);
        assert.match(by.timeout, /units/);
        assert.match(by.apiStyle, /route.*rpc/);
        assert.match(by.endpoint, /http or https/);
        assert.match(by.pollInterval, /longer than zero/);
    });

    it("lets values unknown during preview pass", async () => {
        const r = await check({}, { regionId: UNKNOWN, taskId: UNKNOWN, timeout: UNKNOWN, endpoint: UNKNOWN });
        assert.deepEqual(r.failures, []);
    });
});

describe("lifecycle: diff", () => {
    const olds = { taskId: "t-1", regionId: "r", taskStatus: "Finished", __inputs: { taskId: "t-1", regionId: "r", timeout: "90m" }, __provider: "old text" };

    it("reports no change when only the serialized provider changed", async () => {
        assert.deepEqual(await diff("t-1", olds, { taskId: "t-1", regionId: "r", timeout: "90m", __provider: "new text" }), { changes: false });
    });

    it("reports a change (an update, not a replacement) for a new task ID or region", async () => {
        assert.deepEqual(await diff("t-1", olds, { taskId: "t-2", regionId: "r", timeout: "90m" }), { changes: true });
        assert.deepEqual(await diff("t-1", olds, { taskId: "t-1", regionId: "r2", timeout: "90m" }), { changes: true });
        assert.deepEqual(await diff("t-1", olds, { taskId: UNKNOWN, regionId: "r", timeout: "90m" }), { changes: true });
    });
});

describe("durations", () => {
    it("parses units and compounds", () => {
        assert.equal(parseDuration("90m", "timeout"), 5_400_000);
        assert.equal(parseDuration("1h30m", "timeout"), 5_400_000);
        assert.equal(parseDuration("1500ms", "timeout"), 1500);
        assert.equal(parseDuration("2.5s", "timeout"), 2500);
    });

    it("rejects text without units, zero and more than 7 days, naming the setting", () => {
        for (const bad of ["90", "", "5d", "0s", "169h"]) {
            assert.throws(() => parseDuration(bad, "timeout"), (e: unknown) => e instanceof ConfigError && e.setting === "timeout");
        }
    });
});
