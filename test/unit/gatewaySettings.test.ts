import { strict as assert } from "node:assert";
import { gatewayApiStyle, gatewayEndpoint } from "../../provider/config/gatewaySettings";
import { ConfigError } from "../../provider/config/ConfigError";
import { check, configure } from "../../provider/lifecycle/host";

function configErrorOf(f: () => unknown): ConfigError {
    try {
        f();
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        return e;
    }
    assert.fail("no error");
}

describe("endpoint and call style from inputs, stack config or environment", () => {
    it("takes the input, then apsara:*, then APSARA_*, and names the source of a bad value", () => {
        assert.equal(gatewayEndpoint("http://a:1/", { endpoint: "http://b" }, {}), "http://a:1");
        assert.equal(gatewayEndpoint(undefined, { endpoint: "http://b" }, { APSARA_ENDPOINT: "http://c" }), "http://b");
        assert.equal(gatewayEndpoint(undefined, {}, { APSARA_ENDPOINT: "http://c" }), "http://c");
        assert.equal(configErrorOf(() => gatewayEndpoint(undefined, { endpoint: "ftp://e" }, {})).setting, "apsara:endpoint");
        assert.equal(configErrorOf(() => gatewayEndpoint(undefined, {}, { APSARA_ENDPOINT: "nope" })).setting, "APSARA_ENDPOINT");
        assert.equal(configErrorOf(() => gatewayEndpoint(undefined, {}, {})).setting, "endpoint");
        assert.equal(gatewayApiStyle(undefined, {}, {}), "route");
        assert.equal(gatewayApiStyle(undefined, {}, { APSARA_API_STYLE: "rpc" }), "rpc");
        assert.equal(configErrorOf(() => gatewayApiStyle(undefined, { apiStyle: "soap" }, {})).setting, "apsara:apiStyle");
    });

    it("never echoes a password written into the endpoint", () => {
        const e = configErrorOf(() => gatewayEndpoint(undefined, { endpoint: "https://user:hunter2@ecs.example.com" }, {}));
        assert.equal(e.setting, "apsara:endpoint");
        assert.ok(!e.message.includes("hunter2"));
    });

    it("check fails in preview on a bad apsara:endpoint or apsara:apiStyle, naming the key", async () => {
        const saved = { e: process.env.APSARA_ENDPOINT, s: process.env.APSARA_API_STYLE };
        delete process.env.APSARA_ENDPOINT;
        delete process.env.APSARA_API_STYLE;
        try {
            await configure({ config: { get: (k: string) => ({ "apsara:endpoint": "ftp://e", "apsara:apiStyle": "soap" })[k] } });
            const r = await check({}, { regionId: "r", taskId: "t-1" });
            const byProperty = Object.fromEntries(r.failures.map((f) => [f.property, f.reason]));
            assert.match(byProperty.endpoint, /apsara:endpoint/);
            assert.match(byProperty.apiStyle, /apsara:apiStyle/);
        } finally {
            if (saved.e !== undefined) process.env.APSARA_ENDPOINT = saved.e;
            if (saved.s !== undefined) process.env.APSARA_API_STYLE = saved.s;
            await configure({ config: { get: () => undefined } });
        }
    });
});
