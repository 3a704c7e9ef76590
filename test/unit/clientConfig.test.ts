import { strict as assert } from "node:assert";
import { parseBool, readCaBundle, resolveGateway } from "../../provider/config/clientConfig";
import { ConfigError } from "../../provider/config/ConfigError";
import { buildRequest } from "../../provider/ecs/request";
import { resolveClientOptions } from "../../provider/ecs/options";
import { proxyFor } from "../../provider/ecs/agent";
import { sharedPoller } from "../../provider/waiter/registry";
import { credentialsChanged, recordingCredentials } from "../../provider/lifecycle/credentialState";
import { StepFailedError } from "../../provider/lifecycle/StepFailedError";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const CREDS = { accessKeyId: "id", accessKeySecret: "secret" };
const chain = async () => ({ accessKeyId: "chain-id", accessKeySecret: "chain-secret" });

function thrown(f: () => unknown): ConfigError {
    try {
        f();
    } catch (e) {
        assert.ok(e instanceof ConfigError, String(e));
        return e;
    }
    assert.fail("expected a ConfigError");
}

describe("client config: stack settings and environment to client options", () => {
    it("takes each value from input, then stack config, then environment, then default", async () => {
        const env = { APSARA_ENDPOINT: "http://env:1", APSARA_API_STYLE: "rpc", APSARA_ORGANIZATION_ID: "env-org", APSARA_HEADERS: "false", APSARA_INSECURE: "true" };
        const fromEnv = await resolveGateway({}, { settings: {}, env, chain });
        // Keys from the chain can expire: they come with a way to renew them; others do not.
        assert.equal(typeof fromEnv.options.refreshCredentials, "function");
        assert.deepEqual(
            { ...fromEnv.options, credentials: undefined, refreshCredentials: undefined },
            { endpoint: "http://env:1", apiStyle: "rpc", credentials: undefined, refreshCredentials: undefined, organizationId: "env-org", resourceGroupId: undefined, apsaraHeaders: false, ca: undefined, insecure: true, proxy: undefined },
        );
        assert.equal(fromEnv.credentialSource, "default chain");
        const settings = { endpoint: "https://cfg", apiStyle: "route", organizationId: "cfg-org", resourceGroupId: "cfg-rg", apsaraHeaders: "true", insecure: "false", proxy: "http://proxy:3128", caCertPath: "ca.pem", ...CREDS };
        const g = await resolveGateway({ endpoint: "https://input" }, { settings, env, chain, readFile: () => PEM });
        assert.equal(g.options.endpoint, "https://input");
        assert.equal(g.options.organizationId, "cfg-org");
        assert.equal(g.options.resourceGroupId, "cfg-rg");
        assert.equal(g.options.apsaraHeaders, true);
        assert.equal(g.options.insecure, false);
        assert.equal(g.options.proxy, "http://proxy:3128");
        assert.equal(g.options.ca, PEM);
        assert.equal(g.credentialSource, "stack config");
        assert.equal(g.options.refreshCredentials, undefined);
        assert.deepEqual(g.warnings, []);
    });

    it("apsara:insecure true gives a warning that names the endpoint and the setting", async () => {
        const g = await resolveGateway({}, { settings: { endpoint: "https://gw.example.com", insecure: "true", ...CREDS }, env: {}, chain });
        assert.equal(g.options.insecure, true);
        assert.equal(g.warnings.length, 1);
        assert.match(g.warnings[0], /WARNING: apsara:insecure.*https:\/\/gw\.example\.com.*NOT verified/);
    });

    it("bad values fail naming the setting", async () => {
        assert.equal(thrown(() => parseBool("yes", "apsara:insecure", false)).setting, "apsara:insecure");
        assert.equal(parseBool(" FALSE ", "x", true), false);
        assert.equal(parseBool(undefined, "x", true), true);
        const missing = thrown(() => readCaBundle("/nonexistent/ca.pem", "apsara:caCertPath"));
        assert.equal(missing.setting, "apsara:caCertPath");
        assert.match(missing.message, /cannot read the CA bundle "\/nonexistent\/ca\.pem" \(ENOENT\)/);
        const notPem = thrown(() => readCaBundle("ca.pem", "apsara:caCertPath", () => "hello"));
        assert.match(notPem.message, /^apsara:caCertPath: .*no PEM certificate/);
        await assert.rejects(resolveGateway({}, { settings: { endpoint: "http://x", proxy: "socks5://h:1", ...CREDS }, env: {}, chain }), (e: Error) => e instanceof ConfigError && e.setting === "apsara:proxy");
        await assert.rejects(resolveGateway({}, { settings: { endpoint: "http://x", apsaraHeaders: "off", ...CREDS }, env: {}, chain }), (e: Error) => e instanceof ConfigError && e.setting === "apsara:apsaraHeaders");
        await assert.rejects(resolveGateway({}, { settings: {}, env: {}, chain }), (e: Error) => e instanceof ConfigError && e.setting === "endpoint");
    });

    it("an explicit proxy wins and false goes direct (the environment variables are tested over HTTP in integration)", () => {
        assert.equal(proxyFor("https://gw:443", "http://p:1"), "http://p:1");
        assert.equal(proxyFor("https://gw:443", false), undefined);
    });
});

describe("Apsara tenancy and headers", () => {
    const base = { endpoint: "http://127.0.0.1:1", credentials: CREDS, now: () => new Date(0), nonce: () => "n" };

    it("sends every Apsara header and the tenancy parameters by default", () => {
        const r = buildRequest(resolveClientOptions({ ...base, organizationId: "org-7", resourceGroupId: "rg-9" }), "DescribeTasks", { RegionId: "cn-x" });
        assert.equal(r.headers["x-acs-organizationid"], "org-7");
        assert.equal(r.headers["x-acs-resourcegroupid"], "rg-9");
        assert.equal(r.headers["x-acs-regionid"], "cn-x");
        assert.equal(r.headers["x-acs-request-version"], "v1");
        assert.equal(r.headers["x-ascm-product-name"], "ecs");
        assert.equal(r.headers["x-acs-asapi-product"], "ecs");
        assert.equal(r.headers["x-acs-caller-sdk-source"], "pulumi-ecs-image-task");
        assert.equal(r.params.OrganizationId, "org-7");
        assert.equal(r.params.Department, "org-7");
        assert.equal(r.params.ResourceGroup, "rg-9");
        assert.equal(r.params.Product, "ecs");
    });

    it("apsaraHeaders false drops the default headers but keeps the configured tenancy", () => {
        const r = buildRequest(resolveClientOptions({ ...base, organizationId: "org-7", resourceGroupId: "rg-9", apsaraHeaders: false }), "DescribeTasks", { RegionId: "cn-x" });
        for (const h of ["x-acs-regionid", "x-acs-request-version", "x-ascm-product-name", "x-acs-asapi-product", "x-acs-caller-sdk-source"]) assert.equal(r.headers[h], undefined, h);
        assert.equal(r.headers["x-acs-organizationid"], "org-7");
        assert.equal(r.headers["x-acs-resourcegroupid"], "rg-9");
        assert.equal(r.params.ResourceGroup, "rg-9");
    });
});

describe("shared pollers and recorded credentials", () => {
    it("distinct secrets, tokens, CA bundles and proxies get distinct pollers; equal ones share", () => {
        const o = { endpoint: "http://127.0.0.1:9", credentials: CREDS };
        const a = sharedPoller(o, "r-unit");
        assert.equal(sharedPoller({ ...o, credentials: { ...CREDS } }, "r-unit"), a);
        assert.notEqual(sharedPoller({ ...o, credentials: { ...CREDS, accessKeySecret: "other" } }, "r-unit"), a);
        assert.notEqual(sharedPoller({ ...o, credentials: { ...CREDS, securityToken: "t" } }, "r-unit"), a);
        assert.notEqual(sharedPoller({ ...o, ca: PEM }, "r-unit"), a);
        assert.notEqual(sharedPoller({ ...o, proxy: "http://p:1" }, "r-unit"), a);
        assert.notEqual(sharedPoller({ ...o, proxy: false }, "r-unit"), a);
        assert.notEqual(sharedPoller({ ...o, insecure: true }, "r-unit"), a);
    });

    it("a step records the credential inputs with its outputs, also in the properties of a failed step", async () => {
        const ok = await recordingCredentials({ accessKeyId: "i", accessKeySecret: "s" }, async () => ({ taskId: "t-1" }));
        assert.deepEqual(ok, { taskId: "t-1", accessKeyId: "i", accessKeySecret: "s" });
        const failed = new StepFailedError("t-1", { taskStatus: "Failed", __provider: "p" }, "task failed");
        await assert.rejects(
            recordingCredentials({ accessKeyId: "i", accessKeySecret: "s", securityToken: "k" }, async () => Promise.reject(failed)),
            (e: unknown) => e === failed && failed.properties.securityToken === "k" && failed.properties.accessKeySecret === "s",
        );
    });

    it("a changed key is a change (the update records it); the same key is not", () => {
        const olds = { taskId: "t-1", accessKeyId: "i", accessKeySecret: "s" };
        assert.equal(credentialsChanged(olds, { accessKeyId: "i", accessKeySecret: "s" }), false);
        assert.equal(credentialsChanged(olds, { accessKeyId: "i", accessKeySecret: "s2" }), true);
        assert.equal(credentialsChanged(olds, {}), true);
        assert.equal(credentialsChanged({ taskId: "t-1" }, {}), false);
    });
});
