/**
 * Gateway messages that echo the request back. A real ECS gateway answers `SignatureDoesNotMatch`
 * with `... server string to sign is:POST&%2F&AccessKeyId%3D...%26SecurityToken%3D...`: the
 * canonical request, STS token included (seen in public issue reports of Alibaba's SDKs). That
 * text must not reach error messages, logs or the recorded `waitError` output.
 */
const ECHOED_REQUEST = /(string\s*to\s*sign\s*(is)?\s*:?)[\s\S]*$/i;

/** `message` with any echoed string to sign removed (the words before it are kept). */
export function redactGatewayMessage(message: string): string {
    return message.replace(ECHOED_REQUEST, "$1 (withheld: it holds the request's parameters)");
}
