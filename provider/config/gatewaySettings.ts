import { ConfigError } from "./ConfigError";
import { StackSettings } from "./settings";
import { validateEndpoint } from "../ecs/options";
import { ApiStyle } from "../ecs/types";

/** A gateway setting's value and the name the user gave it under (input, config key or variable). */
export interface SourcedValue {
    value: string;
    /** `endpoint` (input), `apsara:endpoint` (stack config) or `APSARA_ENDPOINT` (environment), and so on. */
    source: string;
}

function pick(input: unknown, inputName: string, configValue: string | undefined, configKey: string, envValue: string | undefined, envName: string): SourcedValue | undefined {
    if (input !== undefined && input !== null) return { value: String(input), source: inputName };
    if (configValue !== undefined && configValue !== "") return { value: configValue, source: configKey };
    if (envValue !== undefined && envValue !== "") return { value: envValue, source: envName };
    return undefined;
}

/**
 * The endpoint in force: the `endpoint` input, else `apsara:endpoint`, else `APSARA_ENDPOINT`.
 * @returns the URL without a trailing slash.
 * @throws ConfigError naming the source that holds a bad value, or `endpoint` when none is set.
 */
export function gatewayEndpoint(input: unknown, settings: StackSettings, env: NodeJS.ProcessEnv): string {
    const e = pick(input, "endpoint", settings.endpoint, "apsara:endpoint", env.APSARA_ENDPOINT, "APSARA_ENDPOINT");
    if (!e) throw new ConfigError("endpoint", "no endpoint: set the endpoint input or the stack config apsara:endpoint (e.g. pulumi config set apsara:endpoint https://ecs-internal.example.com)");
    return validateEndpoint(e.value, e.source);
}

/**
 * The call style in force: the `apiStyle` input, else `apsara:apiStyle`, else `APSARA_API_STYLE`, else `route`.
 * @throws ConfigError naming the source of a value other than `route` or `rpc`.
 */
export function gatewayApiStyle(input: unknown, settings: StackSettings, env: NodeJS.ProcessEnv): ApiStyle {
    const s = pick(input, "apiStyle", settings.apiStyle, "apsara:apiStyle", env.APSARA_API_STYLE, "APSARA_API_STYLE");
    if (!s) return "route";
    if (s.value !== "route" && s.value !== "rpc") throw new ConfigError(s.source, `"${s.value}" is not a call style; use "route" (Apsara) or "rpc" (public cloud)`);
    return s.value;
}
