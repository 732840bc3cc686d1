import { ConfigError, type ConfigContext, type RawConfig, validateStackConfig } from "../../config";

/** The problems a config raises; none when it is valid. */
export function problemsOf(raw: RawConfig, context: ConfigContext) {
    try {
        validateStackConfig(raw, context);
        return [];
    } catch (error) {
        if (error instanceof ConfigError) return [...error.problems];
        throw error;
    }
}
