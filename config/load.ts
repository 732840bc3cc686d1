/**
 * The one place that reads Pulumi's runtime config: a stack's config, or a
 * component's inputs with the caller's provider config, validated by the
 * rules the rest of config/ holds. Kept apart from config/index so that what
 * only validates never loads the Pulumi SDK.
 */
import { readFileSync, statSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { fromEnvironment } from "./environment";
import { ConfigError, type ConfigProblem, PROJECT, projectKey } from "./errors";
import { inputWarning, inputsError, rawFromInputs } from "./inputs";
import { validationInput } from "./cliConfig";
import { ENVIRONMENT_KEYS, KEYS } from "./keyTable";
import { type KedroStackSettings, type RawConfig, type ValidationResult, validateStackConfig } from "./settings";
import type { ProjectFiles } from "./types";

export interface LoadedConfig {
    settings: KedroStackSettings;
    /** The Git personal access token, as a secret output; none with gitCredential: shared. */
    gitToken?: pulumi.Output<string>;
    /** The account service principal's OAuth secret, as a secret output, when set in config. */
    databricksClientSecret?: pulumi.Output<string>;
    /**
     * github:token, for a repository whose owner is not github:owner: its explicit provider does not read
     * the stack's github config (unset, that provider falls back to GITHUB_TOKEN).
     */
    githubToken?: pulumi.Output<string>;
    warnings: string[];
}

/** What the validation reads besides the project's keys: the project, the stack, and the providers' own config. */
function providerContext(today: Date) {
    const { ctx } = validationInput(
        { config: pulumi.runtime.allConfig(), isSecret: isSecretInStackConfig, env: process.env },
        { project: pulumi.getProject(), stack: pulumi.getStack(), today },
    );
    const { project, stack, databricksHost, databricksHostInConfig, databricksAuthType, githubOwner, providerConfig } = ctx;
    return { project, stack, databricksHost, databricksHostInConfig, databricksAuthType, githubOwner, providerConfig, today };
}

/** The project's files on disk, for the keys that name one; a missing file or a folder reads as none. */
export function projectFilesAt(root: string): ProjectFiles {
    return {
        root,
        read: (absolutePath) => {
            try {
                return statSync(absolutePath).isFile() ? readFileSync(absolutePath) : undefined;
            } catch {
                return undefined;
            }
        },
    };
}

/** The providers' standard environment variables stand in for unset keys. */
function withEnvironment(raw: RawConfig): RawConfig {
    for (const { key, purpose } of ENVIRONMENT_KEYS) raw[key] ??= fromEnvironment(purpose);
    return raw;
}

/**
 * Reads the stack's config, validates all of it and returns the settings.
 * Throws a ConfigError naming every bad key before any resource exists.
 */
export function loadStackConfig(today: Date = new Date(), projectRoot: string = process.cwd()): LoadedConfig {
    const config = new pulumi.Config(PROJECT);
    const { raw, ctx } = validationInput(
        { config: pulumi.runtime.allConfig(), isSecret: isSecretInStackConfig, env: process.env },
        { project: pulumi.getProject(), stack: pulumi.getStack(), today },
    );
    const { settings, warnings } = validateStackConfig(raw, { ...ctx, projectFiles: projectFilesAt(projectRoot) });
    return {
        settings,
        warnings,
        gitToken: settings.git.credential === "stack" ? config.requireSecret("gitToken") : undefined,
        databricksClientSecret:
            (pulumi.runtime.getConfig(projectKey("databricksClientSecret")) ?? "") !== ""
                ? config.requireSecret("databricksClientSecret")
                : undefined,
        githubToken:
            settings.githubRepository.mode === "create" && !settings.githubRepository.ownerIsProviderDefault
                ? new pulumi.Config("github").getSecret("token")
                : undefined,
    };
}

/**
 * The stack's config for the program: loaded, and every warning logged, also
 * when the config is refused, so a warning is never lost behind an error.
 */
export function loadStackConfigLoggingWarnings(today: Date, projectRoot: string): LoadedConfig {
    let loaded: LoadedConfig;
    try {
        loaded = loadStackConfig(today, projectRoot);
    } catch (error) {
        if (error instanceof ConfigError) error.warnings.forEach((warning) => pulumi.log.warn(warning));
        throw error;
    }
    loaded.warnings.forEach((warning) => pulumi.log.warn(warning));
    return loaded;
}

export interface ComponentInputsContext {
    /** The component and resource name the problems are reported for. */
    component: string;
    name: string;
    /** The component's protect option, which the stack reads as its protect key. */
    protect: boolean;
    /** A Databricks provider passed in: the default provider's databricks:host then says nothing about the workspace. */
    explicitProvider: boolean;
    today?: Date;
}

/**
 * Validates a component's inputs by the stack's rules, with the caller's
 * provider config and environment. Throws an InputPropertiesError naming
 * every bad input, with the input's fix, before the component declares anything.
 */
export function validateComponentInputs(inputs: Readonly<Record<string, unknown>>, ctx: ComponentInputsContext): ValidationResult {
    const { raw, unreadable } = rawFromInputs(inputs, ctx.protect);
    const base = providerContext(ctx.today ?? new Date());
    const unknownProblems = unreadable.map(({ key, kind }) => ({
        key,
        value: undefined,
        allowed: `a plain value known when the component is constructed (the validation reads it before any resource), not ${kind}`,
        fix: `pass ${key} as a plain ${KEYS[key].type === "array" ? "list of strings" : KEYS[key].type}`,
    }));
    let result: ValidationResult | undefined;
    let problems: readonly ConfigProblem[] = [];
    try {
        result = validateStackConfig(withEnvironment(raw), {
            ...base,
            ...(ctx.explicitProvider ? { databricksHost: undefined, databricksHostInConfig: false } : {}),
            hasGitToken: inputs.gitToken !== undefined && inputs.gitToken !== "",
            hasClientSecret: inputs.databricksClientSecret !== undefined || fromEnvironment("databricksClientSecret") !== undefined,
            // A component's paths are read from the program's own folder, as the stack's are from Pulumi.yaml's.
            projectFiles: projectFilesAt(process.cwd()),
        });
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problems = error.problems;
    }
    if (!result || unknownProblems.length > 0) throw inputsError(ctx.component, ctx.name, [...unknownProblems, ...problems]);
    return { settings: result.settings, warnings: result.warnings.map(inputWarning) };
}

/**
 * Whether the CLI passed a key as a secret. The SDK keeps this check
 * internal, so an SDK without it counts every value as secret.
 */
function isSecretInStackConfig(fullKey: string): boolean {
    const runtimeConfig = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
    return runtimeConfig.isConfigSecret ? runtimeConfig.isConfigSecret(fullKey) : true;
}
