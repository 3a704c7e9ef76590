/**
 * Thrown when an option, input or configuration value is missing or invalid. `setting` names
 * it the way the user wrote it (`apsara:endpoint`, `timeout`, `--port`); the message says
 * what is expected. Never includes a secret value.
 */
export class ConfigError extends Error {
    /** The input, option or config key at fault. */
    readonly setting: string;
    /** What is wrong and what to do, without the setting's name. */
    readonly reason: string;

    constructor(setting: string, reason: string) {
        super(`${setting}: ${reason}`);
        this.name = "ConfigError";
        this.setting = setting;
        this.reason = reason;
    }
}
