/**
 * The shared config: the per-cloud table, the defaults, and the one place
 * that reads and validates a stack's config.
 */
import * as pulumi from "@pulumi/pulumi";
import { PROJECT } from "./errors";
import { type KedroStackSettings, type RawConfig, validateStackConfig } from "./settings";

export * from "./clouds";
export * from "./errors";
export * from "./settings";

/** Every project key the program reads; Pulumi.yaml declares exactly these. */
export const PROJECT_KEYS = [
    "cloud",
    "gitUrl",
    "gitUsername",
    "gitToken",
    "gitProvider",
    "gitBranch",
    "sparkVersion",
    "nodeType",
    "driverNodeType",
    "numWorkers",
    "autoterminationMinutes",
    "spot",
    "accessMode",
    "singleUserName",
    "kedroInstall",
    "kedroPackages",
    "repoPath",
    "notebookPath",
] as const;

export interface LoadedConfig {
    settings: KedroStackSettings;
    /** The Git personal access token, as a secret output. */
    gitToken: pulumi.Output<string>;
    warnings: string[];
}

/**
 * Reads the stack's config, validates all of it and returns the settings.
 * Throws a ConfigError naming every bad key before any resource exists.
 */
export function loadStackConfig(today: Date = new Date()): LoadedConfig {
    const config = new pulumi.Config(PROJECT);
    const raw: RawConfig = {};
    for (const name of PROJECT_KEYS) {
        // The token is only checked for presence here; its value is read below, as a secret.
        if (name !== "gitToken") raw[name] = config.get(name);
    }
    const hasGitToken = (pulumi.runtime.getConfig(`${PROJECT}:gitToken`) ?? "") !== "";
    const databricksHost = new pulumi.Config("databricks").get("host") ?? process.env.DATABRICKS_HOST;
    const { settings, warnings } = validateStackConfig(raw, {
        project: pulumi.getProject(),
        stack: pulumi.getStack(),
        databricksHost,
        hasGitToken,
        today,
    });
    return { settings, warnings, gitToken: config.requireSecret("gitToken") };
}
