import { sign, stringToSign } from "../provider/ecs/signature";
import { SimError } from "./SimError";

/** A key pair the simulator accepts; `securityToken`, when set, must come with every request of that key. */
export interface SimKey {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
}

/** The key pair the simulator accepts when none is configured. For tests and demos only. */
export const DEFAULT_SIM_KEY: SimKey = { accessKeyId: "sim-access-key-id", accessKeySecret: "sim-access-key-secret" };

/** Allowed clock difference and nonce memory: 15 minutes (docs/ecs-api.md section 3, InvalidTimeStamp.Expired). */
export const TIMESTAMP_WINDOW_MS = 15 * 60_000;

/**
 * Checks a request's RPC signature the way an ECS gateway does, answering with the gateway's
 * error codes: `MissingParameter`, `IncompleteSignature`, `InvalidAccessKeyId.NotFound`,
 * `InvalidSecurityToken.Mismatch`, `SignatureDoesNotMatch`, `InvalidTimeStamp.Expired`,
 * `SignatureNonceUsed`.
 */
export class SignatureVerifier {
    private readonly keys = new Map<string, SimKey>();
    private readonly nonces = new Map<string, number>();

    constructor(keys: SimKey[], private readonly now: () => number) {
        for (const k of keys) this.keys.set(k.accessKeyId, k);
    }

    /**
     * @param method the HTTP method.
     * @param params every parameter, query and form body together.
     * @throws SimError with the gateway's code when the request is not properly signed.
     */
    verify(method: string, params: Record<string, string>): void {
        for (const p of ["AccessKeyId", "SignatureNonce", "Timestamp", "SignatureMethod"]) {
            if (!params[p]) throw new SimError(400, "MissingParameter", `The input parameter "${p}" that is mandatory for processing this request is not supplied.`);
        }
        if (!params.Signature) throw new SimError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        if (params.SignatureMethod !== "HMAC-SHA1") throw new SimError(400, "InvalidParameter.SignatureMethod", `SignatureMethod "${params.SignatureMethod}" is not supported.`);
        const key = this.keys.get(params.AccessKeyId);
        if (!key) throw new SimError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        if (key.securityToken !== undefined && params.SecurityToken !== key.securityToken) {
            throw new SimError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken mismatch with the AccessKey.");
        }
        const expected = sign(method, params, key.accessKeySecret);
        if (expected !== params.Signature) {
            // As a real gateway does: the canonical request (STS token included) is echoed back.
            throw new SimError(400, "SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${stringToSign(method, params)}`);
        }
        const ts = Date.parse(params.Timestamp);
        const now = this.now();
        if (Number.isNaN(ts) || Math.abs(now - ts) > TIMESTAMP_WINDOW_MS) {
            throw new SimError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
        this.pruneNonces(now);
        if (this.nonces.has(params.SignatureNonce)) {
            throw new SimError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        this.nonces.set(params.SignatureNonce, now);
    }

    private pruneNonces(now: number): void {
        if (this.nonces.size < 10_000) return;
        for (const [n, t] of this.nonces) if (now - t > TIMESTAMP_WINDOW_MS) this.nonces.delete(n);
    }
}

