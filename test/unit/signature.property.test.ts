import { strict as assert } from "node:assert";
import fc from "fast-check";
import { buildRequest } from "../../provider/ecs/request";
import { resolveClientOptions } from "../../provider/ecs/options";
import { SignatureVerifier } from "../../simulator/verify";
import { SimError } from "../../simulator/SimError";

/** Characters that signing gets wrong most easily: RFC 3986 reserved ones, `~`, `+`, space, `%`, emoji, CJK, controls. */
const SPECIAL = ["*", "~", "+", " ", "/", "=", "&", "%", "?", "#", "!", "'", "(", ")", ";", ":", "@", ",", "$", "[", "]", ".", "-", "_", "😀", "🚀", "中", "文", "é", "ß", "\u00a0", "\n", "\t"];
const char = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }));
const text = (minLength: number) => fc.array(char, { minLength, maxLength: 12 }).map((a) => a.join(""));

/** Parameters that buildRequest sets itself; a business parameter of the same name would replace them. */
const COMMON = new Set(["Format", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Action", "SecurityToken", "Signature", "Version", "version", "Product", "regionId", "OrganizationId", "Department", "ResourceGroup"]);
const paramName = text(1).filter((k) => !COMMON.has(k) && k !== "__proto__");
const business = fc.dictionary(paramName, text(1), { maxKeys: 8 });

const NOW = Date.parse("2026-01-02T03:04:05Z");
const KEY_ID = "LTAI-property-key";

/** Decodes a request the way the simulator's server does: query string, then the form body. */
function received(req: { url: string; body: string }): Record<string, string> {
    const params: Record<string, string> = {};
    for (const [k, v] of new URL(req.url).searchParams) params[k] = v;
    for (const [k, v] of new URLSearchParams(req.body)) params[k] = v;
    return params;
}

function sigError(fn: () => void): string | undefined {
    try {
        fn();
        return undefined;
    } catch (e) {
        assert.ok(e instanceof SimError, `verifier threw ${e}`);
        return e.code;
    }
}

describe("property: the signer against the simulator's verifier", () => {
    const arbitraries = {
        style: fc.constantFrom("route" as const, "rpc" as const),
        action: fc.constantFrom("DescribeTasks", "DescribeTaskAttribute", "ImportImage"),
        secret: text(1),
        token: fc.option(text(1), { nil: undefined }),
        org: fc.option(text(1), { nil: undefined }),
        business,
        nonce: fc.uuid(),
    };

    it("every correctly signed request is accepted, and decodes to exactly the parameters signed", () => {
        fc.assert(
            fc.property(fc.record(arbitraries), (a) => {
                const o = resolveClientOptions({
                    endpoint: "http://127.0.0.1:1",
                    apiStyle: a.style,
                    credentials: { accessKeyId: KEY_ID, accessKeySecret: a.secret, securityToken: a.token },
                    organizationId: a.org,
                    now: () => new Date(NOW),
                    nonce: () => a.nonce,
                });
                const req = buildRequest(o, a.action, a.business);
                const got = received(req);
                assert.deepEqual(got, req.params);
                for (const [k, v] of Object.entries(a.business)) assert.equal(got[k], v, `parameter ${JSON.stringify(k)} changed on the way`);
                const verifier = new SignatureVerifier([{ accessKeyId: KEY_ID, accessKeySecret: a.secret, securityToken: a.token }], () => NOW);
                assert.equal(sigError(() => verifier.verify("POST", got)), undefined);
            }),
            { numRuns: 300 },
        );
    });

    it("a request signed with another secret, or changed after signing, is rejected with SignatureDoesNotMatch", () => {
        fc.assert(
            fc.property(fc.record({ ...arbitraries, other: text(1), tamper: text(0) }), (a) => {
                fc.pre(a.other !== a.secret);
                const o = resolveClientOptions({
                    endpoint: "http://127.0.0.1:1",
                    apiStyle: a.style,
                    credentials: { accessKeyId: KEY_ID, accessKeySecret: a.other },
                    now: () => new Date(NOW),
                    nonce: () => a.nonce,
                });
                const req = buildRequest(o, a.action, a.business);
                const verifier = new SignatureVerifier([{ accessKeyId: KEY_ID, accessKeySecret: a.secret }], () => NOW);
                assert.equal(sigError(() => verifier.verify("POST", received(req))), "SignatureDoesNotMatch");

                // Signed right, then one parameter changed: also rejected.
                const good = buildRequest({ ...o, credentials: { accessKeyId: KEY_ID, accessKeySecret: a.secret } }, a.action, a.business);
                const names = Object.keys(good.params).filter((k) => !["Signature", "AccessKeyId", "SignatureMethod"].includes(k)); // those two fail earlier checks
                const name = names[a.tamper.length % names.length];
                const changed = { ...received(good), [name]: good.params[name] + (a.tamper || "x") };
                assert.equal(sigError(() => verifier.verify("POST", changed)), "SignatureDoesNotMatch");
            }),
            { numRuns: 300 },
        );
    });
});
