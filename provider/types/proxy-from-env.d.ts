/** Types of `proxy-from-env` 2.x (the package ships none for its CommonJS entry). */
declare module "proxy-from-env" {
    /**
     * The proxy URL for `url` from `<scheme>_proxy` / `ALL_PROXY` (either case), or `""` when the
     * URL should be fetched directly (no proxy set, or the host matches `NO_PROXY`).
     */
    export function getProxyForUrl(url: string | URL): string;
}
