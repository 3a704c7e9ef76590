import { strict as assert } from "node:assert";
import { createHmac } from "node:crypto";
import { canonicalQuery, percentEncode, sign, stringToSign } from "../../provider/ecs/signature";

// Known answer from the public documentation (docs/ecs-api.md section 4).
const KAT = {
    AccessKeyId: "testid",
    Action: "DescribeRegions",
    Format: "XML",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
    SignatureVersion: "1.0",
    Timestamp: "2016-02-23T12:46:24Z",
    Version: "2014-05-26",
};

describe("RPC signature", () => {
    it("matches the documented known answer", () => {
        assert.equal(sign("GET", KAT, "testsecret"), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    });

    it("differs from the answer computed without the trailing & on the key", () => {
        const withoutAmp = createHmac("sha1", "testsecret").update(stringToSign("GET", KAT)).digest("base64");
        assert.equal(withoutAmp, "R8VkbeU3DqhHmAVCdxW/CjqsRK0=");
        assert.notEqual(sign("GET", KAT, "testsecret"), withoutAmp);
    });

    it("ignores an existing Signature parameter and sorts by name", () => {
        assert.equal(canonicalQuery({ b: "2", a: "1", Signature: "x" }), "a=1&b=2");
        assert.equal(sign("GET", { ...KAT, Signature: "old" }, "testsecret"), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    });

    it("percent-encodes like the RPC rules: space %20, * %2A, ~ literal, UTF-8 bytes", () => {
        assert.equal(percentEncode("a b*c~d"), "a%20b%2Ac~d");
        assert.equal(percentEncode("!'()"), "%21%27%28%29");
        assert.equal(percentEncode("t-1,t-2"), "t-1%2Ct-2");
        assert.equal(percentEncode("é"), "%C3%A9");
        assert.equal(percentEncode("/"), "%2F");
    });
});
