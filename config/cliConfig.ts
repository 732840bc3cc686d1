/**
 * What the validation reads from the config the Pulumi CLI hands a program:
 * every full key's text, and which of them the stack holds as secrets. Pure,
 * so that load.ts (under the CLI) and the fix round-trip test (over a model
 * of the stack file) turn the same config into the same validation input.
 */
import { type EnvironmentPurpose, fromEnvironment } from "./environment";
import { projectKey } from "./errors";
import { ENVIRONMENT_KEYS, PROJECT_KEYS, SECRET_PROJECT_KEYS } from "./keyTable";
import { PROVIDER_SECRET_KEYS } from "./keys";
import type { RawConfig } from "./reporter";
import type { ConfigContext, StackConfigEntry } from "./types";

/** Full key → text, as `pulumi.runtime.allConfig()` gives it (a list or map as JSON). */
export type CliConfig = Readonly<Record<string, string>>;

export interface CliConfigSource {
    config: CliConfig;
    /** Whether the stack holds a full key as a secret. */
    isSecret: (fullKey: string) => boolean;
    /** The process environment the providers' variables are read from. */
    env: Readonly<Record<string, string | undefined>>;
}

export interface ValidationInput {
    raw: RawConfig;
    ctx: ConfigContext;
}

const setIn = (config: CliConfig, key: string) => (config[key] ?? "") !== "";

/**
 * The project's keys (secrets only as present or not) and the context the
 * rules read: provider config, secrets' presence, every key set.
 */
export function validationInput(source: CliConfigSource, base: Pick<ConfigContext, "project" | "stack" | "today">): ValidationInput {
    const { config, isSecret, env } = source;
    const get = (key: string) => (config[key] === "" ? undefined : config[key]);
    const fromEnv = (purpose: EnvironmentPurpose) => fromEnvironment(purpose, env);
    const raw: RawConfig = {};
    // Secrets are only checked for presence: their values never enter validation.
    for (const name of PROJECT_KEYS) if (!SECRET_PROJECT_KEYS.includes(name)) raw[name] = config[projectKey(name)];
    for (const { key, purpose } of ENVIRONMENT_KEYS) raw[key] ??= fromEnv(purpose);
    const hostInConfig = get("databricks:host");
    const stackConfig: Record<string, StackConfigEntry> = {};
    for (const [key, value] of Object.entries(config))
        stackConfig[key] = { value: isSecret(key) ? undefined : value, secret: isSecret(key) };
    const ctx: ConfigContext = {
        ...base,
        databricksHost: hostInConfig ?? fromEnv("databricksHost"),
        databricksHostInConfig: hostInConfig !== undefined,
        databricksAuthType: get("databricks:authType") ?? fromEnv("databricksAuthType"),
        githubOwner: get("github:owner") ?? fromEnv("githubOwner"),
        providerConfig: {
            awsRegion: get("aws:region") ?? fromEnv("awsRegion"),
            azureLocation: get("azure-native:location"),
            gcpProject: get("gcp:project") ?? fromEnv("gcpProject"),
            gcpRegion: get("gcp:region") ?? fromEnv("gcpRegion"),
        },
        hasGitToken: setIn(config, projectKey("gitToken")),
        hasClientSecret: setIn(config, projectKey("databricksClientSecret")) || fromEnv("databricksClientSecret") !== undefined,
        plaintextSecrets: [...SECRET_PROJECT_KEYS.map(projectKey), ...PROVIDER_SECRET_KEYS].filter(
            (key) => setIn(config, key) && !isSecret(key),
        ),
        stackConfig,
    };
    return { raw, ctx };
}
