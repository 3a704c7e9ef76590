import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDefaultChain, CredentialChain, resolveCredentials, validateCredentialInputs } from "../../provider/config/credentials";
import { ConfigError } from "../../provider/config/ConfigError";

const noChain: CredentialChain = async () => {
    throw new Error("chain must not be called");
};

async function rejection(p: Promise<unknown>): Promise<Error> {
    try {
        await p;
    } catch (e) {
        return e as Error;
    }
    assert.fail("expected a rejection");
}

describe("credentials: order of sources", () => {
    const config = { accessKeyId: "cfg-id", accessKeySecret: "cfg-secret" };

    it("the resource's inputs win over the stack config, and the chain is not asked", async () => {
        const r = await resolveCredentials({ accessKeyId: "in-id", accessKeySecret: "in-secret", securityToken: "in-token" }, config, noChain);
        assert.deepEqual(r, { credentials: { accessKeyId: "in-id", accessKeySecret: "in-secret", securityToken: "in-token" }, source: "inputs" });
    });

    it("the stack config wins over the chain", async () => {
        const r = await resolveCredentials({}, { ...config, securityToken: "cfg-token" }, noChain);
        assert.equal(r.source, "stack config");
        assert.deepEqual(r.credentials, { accessKeyId: "cfg-id", accessKeySecret: "cfg-secret", securityToken: "cfg-token" });
    });

    it("the chain is asked last", async () => {
        const r = await resolveCredentials({}, {}, async () => ({ accessKeyId: "env-id", accessKeySecret: "env-secret", providerName: "default/env" }));
        assert.deepEqual(r, { credentials: { accessKeyId: "env-id", accessKeySecret: "env-secret", securityToken: undefined }, source: "default chain", provider: "default/env" });
    });

    it("a half-filled source is an error naming the missing setting, not a silent fall-through", async () => {
        const e1 = await rejection(resolveCredentials({ accessKeyId: "in-id" }, config, noChain));
        assert.ok(e1 instanceof ConfigError && e1.setting === "accessKeySecret", String(e1));
        const e2 = await rejection(resolveCredentials({}, { accessKeySecret: "cfg-secret" }, noChain));
        assert.ok(e2 instanceof ConfigError && e2.setting === "apsara:accessKeyId", String(e2));
        assert.ok(!e2.message.includes("cfg-secret"));
    });

    it("no credentials anywhere: one error that lists every source and carries no secret from the chain's message", async () => {
        process.env.ALIBABA_CLOUD_SECURITY_TOKEN = "leaky-token-123";
        try {
            const e = await rejection(resolveCredentials({}, {}, async () => Promise.reject(new Error("chain failed near leaky-token-123"))));
            assert.ok(e instanceof ConfigError, String(e));
            assert.match(e.message, /accessKeyId and accessKeySecret.*apsara:accessKeyId.*ALIBABA_CLOUD_ACCESS_KEY_ID.*aliyun CLI profile.*RAM role/s);
            assert.match(e.message, /chain failed near \*\*\*/);
            assert.ok(!e.message.includes("leaky-token-123"));
        } finally {
            delete process.env.ALIBABA_CLOUD_SECURITY_TOKEN;
        }
    });

    it("check: credential inputs come as a pair, as non-empty strings; unknown values pass", () => {
        assert.deepEqual(validateCredentialInputs({}), []);
        assert.deepEqual(validateCredentialInputs({ accessKeyId: "a", accessKeySecret: "b", securityToken: "c" }), []);
        assert.deepEqual(validateCredentialInputs({ accessKeyId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", accessKeySecret: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }), []);
        const by = Object.fromEntries(validateCredentialInputs({ securityToken: "t", accessKeyId: "" }).map((f) => [f.property, f.reason]));
        assert.match(by.accessKeyId, /non-empty/);
        assert.match(by.accessKeySecret, /missing/);
    });
});

describe("credentials: the default chain of @alicloud/credentials, for real", () => {
    const keys = ["HOME", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_ECS_METADATA_DISABLED", "ALIBABA_CLOUD_CREDENTIALS_URI"];
    const saved: Record<string, string | undefined> = {};
    let home: string;

    beforeEach(() => {
        for (const k of keys) (saved[k] = process.env[k]), delete process.env[k];
        home = mkdtempSync(join(tmpdir(), "ecs-waiter-home-"));
        process.env.HOME = home;
        // Never reach for the instance metadata service from a test.
        process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
    });
    afterEach(() => {
        for (const k of keys) (saved[k] === undefined ? delete process.env[k] : (process.env[k] = saved[k]));
        rmSync(home, { recursive: true, force: true });
    });

    it("reads ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN first", async () => {
        process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "env-id";
        process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "env-secret";
        process.env.ALIBABA_CLOUD_SECURITY_TOKEN = "env-token";
        const r = await resolveCredentials({}, {}, createDefaultChain());
        assert.deepEqual(r.credentials, { accessKeyId: "env-id", accessKeySecret: "env-secret", securityToken: "env-token" });
        assert.equal(r.provider, "default/env");
    });

    it("then the aliyun CLI profile ~/.aliyun/config.json", async () => {
        mkdirSync(join(home, ".aliyun"));
        const profile = { name: "work", mode: "AK", access_key_id: "cli-id", access_key_secret: "cli-secret", region_id: "cn-hangzhou" };
        writeFileSync(join(home, ".aliyun", "config.json"), JSON.stringify({ current: "work", profiles: [profile] }));
        const r = await resolveCredentials({}, {}, createDefaultChain());
        assert.deepEqual(r.credentials, { accessKeyId: "cli-id", accessKeySecret: "cli-secret", securityToken: undefined });
        assert.match(r.provider!, /cli_profile/);
    });

    it("then the INI file ~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE)", async () => {
        const file = join(home, "creds.ini");
        writeFileSync(file, "[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n");
        process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = file;
        const r = await resolveCredentials({}, {}, createDefaultChain());
        assert.deepEqual(r.credentials, { accessKeyId: "ini-id", accessKeySecret: "ini-secret", securityToken: undefined });
        assert.match(r.provider!, /profile/);
    });

    it("nothing anywhere: a ConfigError naming apsara:accessKeyId", async () => {
        const e = await rejection(resolveCredentials({}, {}, createDefaultChain()));
        assert.ok(e instanceof ConfigError && e.setting === "apsara:accessKeyId", String(e));
        assert.match(e.message, /default credential chain said/);
    });
});
