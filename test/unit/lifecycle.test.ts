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
        assert.deepEqual(await diff("t-1", olds, { taskId: "t-1", regionId: "r", timeout: "90m", __provider: "new text" }), { changes: false, replaces: [], diffs: [] });
    });

    it("reports a change (an update, not a replacement) naming each changed input", async () => {
        const cases: [string, unknown][] = [
            ["taskId", "t-2"],
            ["regionId", "r2"],
            ["taskAction", "ExportImage"],
            ["endpoint", "https://ecs.example.com"],
            ["apiStyle", "rpc"],
            ["timeout", "2h"],
            ["cancelOnDelete", true],
        ];
        for (const [k, v] of cases) {
            assert.deepEqual(await diff("t-1", olds, { taskId: "t-1", regionId: "r", timeout: "90m", [k]: v }), { changes: true, replaces: [], diffs: [k] }, k);
        }
        assert.deepEqual(await diff("t-1", olds, { taskId: UNKNOWN, regionId: "r", timeout: "90m" }), { changes: true, replaces: [], diffs: ["taskId"] });
    });

    it("reports a change with unchanged inputs when the recorded wait did not succeed, so the next up waits again", async () => {
        for (const status of ["Processing", "Pending", "Failed", "Deleted", undefined]) {
            const d = await diff("t-1", { ...olds, taskStatus: status }, { taskId: "t-1", regionId: "r", timeout: "90m" });
            assert.deepEqual(d, { changes: true, replaces: [], diffs: ["taskStatus"] }, String(status));
        }
    });

    it("with waitForImage, a finished import whose image was not recorded Available is a change", async () => {
        const imp = { ...olds, taskAction: "ImportImage", resourceId: "m-1", __inputs: { ...olds.__inputs, waitForImage: true } };
        const news = { taskId: "t-1", regionId: "r", timeout: "90m", waitForImage: true };
        assert.deepEqual((await diff("t-1", { ...imp, imageStatus: "Creating" }, news)).diffs, ["imageStatus"]);
        assert.equal((await diff("t-1", { ...imp, imageStatus: "Available" }, news)).changes, false);
        // An export has no image: never a perpetual change.
        assert.equal((await diff("t-1", { ...imp, taskAction: "ExportImage" }, news)).changes, false);
    });
});

describe("lifecycle: check of the lifecycle inputs", () => {
    it("names cancelOnDelete, waitForImage and progressInterval when they are wrong", async () => {
        const r = await check({}, { regionId: "r", taskId: "t-1", endpoint: "http://x", cancelOnDelete: "yes", waitForImage: 1, progressInterval: "soon" });
        const by = Object.fromEntries(r.failures.map((f) => [f.property, f.reason]));
        assert.match(by.cancelOnDelete, /true or false/);
        assert.match(by.waitForImage, /true or false/);
        assert.match(by.progressInterval, /not a duration/);
    });

    it("rejects waitForImage on an ExportImage waiter and bounds the timeout", async () => {
        const r = await check({}, { regionId: "r", taskId: "t-1", endpoint: "http://x", taskAction: "ExportImage", waitForImage: true, timeout: "200h" });
        const by = Object.fromEntries(r.failures.map((f) => [f.property, f.reason]));
        assert.match(by.waitForImage, /only to ImportImage/);
        assert.match(by.timeout, /maximum of 168h/);
    });

    it("lets unknown values of the new inputs pass", async () => {
        const r = await check({}, { regionId: "r", taskId: "t-1", endpoint: "http://x", cancelOnDelete: UNKNOWN, waitForImage: UNKNOWN, progressInterval: UNKNOWN, taskAction: UNKNOWN });
        assert.deepEqual(r.failures, []);
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
