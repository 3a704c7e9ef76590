/**
 * RPC request signing for ECS (HMAC-SHA1, SignatureVersion 1.0).
 *
 * Source: docs/ecs-api.md section 4 (Alibaba Cloud "RPC signature" method). The same
 * algorithm is used for the Apsara route style, over the union of the form-body parameters.
 */
import { createHmac } from "node:crypto";

/**
 * Percent-encodes one name or value the way the RPC signature wants it: RFC 3986 unreserved
 * characters (`A-Z a-z 0-9 - _ . ~`) stay literal, everything else becomes `%XX` of its UTF-8
 * bytes with upper-case hex. A space is `%20`, `*` is `%2A`.
 */
export function percentEncode(value: string): string {
    return encodeURIComponent(value).replace(
        /[!'()*]/g,
        (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
    );
}

/**
 * The canonical query: every parameter except `Signature`, sorted by name in byte order,
 * encoded with {@link percentEncode} and joined as `k=v` pairs with `&`.
 */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
    return Object.keys(params)
        .filter((k) => k !== "Signature")
        .sort(compareBytes)
        .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
        .join("&");
}

/** `METHOD&%2F&percentEncode(canonicalQuery)`. */
export function stringToSign(method: string, params: Readonly<Record<string, string>>): string {
    return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;
}

/**
 * Computes the `Signature` parameter: base64(HMAC-SHA1(accessKeySecret + "&", stringToSign)).
 *
 * @param method HTTP method, `GET` or `POST`.
 * @param params every request parameter (query and form body together); `Signature`, if present, is ignored.
 * @param accessKeySecret the secret of the key pair. It is only used as HMAC key, never sent.
 * @returns the base64 signature.
 */
export function sign(method: string, params: Readonly<Record<string, string>>, accessKeySecret: string): string {
    return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign(method, params), "utf8").digest("base64");
}

function compareBytes(a: string, b: string): number {
    const ba = Buffer.from(a, "utf8");
    const bb = Buffer.from(b, "utf8");
    return Buffer.compare(ba, bb);
}
