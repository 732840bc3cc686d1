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
export * from "./workspace";

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
    "clusterNoWait",
    "kedroInstall",
    "kedroPackages",
    "repoPath",
    "notebookPath",
    "workspace",
    "workspaceName",
    "databricksAccountId",
    "databricksClientId",
    "databricksClientSecret",
    "githubRepository",
    "githubOwner",
    "githubRepositoryName",
    "protect",
] as const;

/** Keys read only as secrets: their values never enter validation. */
const SECRET_KEYS = new Set<string>(["gitToken", "databricksClientSecret"]);

/**
 * Every environment variable the program reads, in order of precedence per
 * purpose: the providers' standard variables, which stand in for unset keys.
 * Tests and the offline plan clear exactly these.
 */
export const PROGRAM_ENVIRONMENT = {
    databricksHost: ["DATABRICKS_HOST"],
    databricksAccountId: ["DATABRICKS_ACCOUNT_ID"],
    databricksClientId: ["DATABRICKS_CLIENT_ID"],
    databricksClientSecret: ["DATABRICKS_CLIENT_SECRET"],
    githubOwner: ["GITHUB_OWNER"],
    awsRegion: ["AWS_REGION", "AWS_DEFAULT_REGION"],
    gcpProject: ["GOOGLE_PROJECT", "GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT"],
    gcpRegion: ["GOOGLE_REGION", "GCLOUD_REGION", "CLOUDSDK_COMPUTE_REGION"],
} as const;

export const PROGRAM_ENVIRONMENT_NAMES: readonly string[] = Object.values(PROGRAM_ENVIRONMENT).flat();

/** The first non-empty variable for a purpose. */
function fromEnvironment(purpose: keyof typeof PROGRAM_ENVIRONMENT): string | undefined {
    return PROGRAM_ENVIRONMENT[purpose].map((name) => process.env[name]).find((value) => value !== undefined && value !== "");
}

export interface LoadedConfig {
    settings: KedroStackSettings;
    /** The Git personal access token, as a secret output. */
    gitToken: pulumi.Output<string>;
    /** The account service principal's OAuth secret, as a secret output, when set in config. */
    databricksClientSecret?: pulumi.Output<string>;
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
        // Secrets are only checked for presence here; their values are read below, as secrets.
        if (!SECRET_KEYS.has(name)) raw[name] = config.get(name);
    }
    // The Databricks provider's standard environment variables stand in for unset keys.
    raw.databricksAccountId ??= fromEnvironment("databricksAccountId");
    raw.databricksClientId ??= fromEnvironment("databricksClientId");
    const isSet = (name: string) => (pulumi.runtime.getConfig(`${PROJECT}:${name}`) ?? "") !== "";
    const hostInConfig = new pulumi.Config("databricks").get("host");
    const aws = new pulumi.Config("aws");
    const gcp = new pulumi.Config("gcp");
    const { settings, warnings } = validateStackConfig(raw, {
        project: pulumi.getProject(),
        stack: pulumi.getStack(),
        databricksHost: hostInConfig ?? fromEnvironment("databricksHost"),
        databricksHostInConfig: hostInConfig !== undefined && hostInConfig !== "",
        hasGitToken: isSet("gitToken"),
        hasClientSecret: isSet("databricksClientSecret") || fromEnvironment("databricksClientSecret") !== undefined,
        clientSecretInPlaintext: isSet("databricksClientSecret") && !isSecretInStackConfig(`${PROJECT}:databricksClientSecret`),
        githubOwner: new pulumi.Config("github").get("owner") ?? fromEnvironment("githubOwner"),
        providerConfig: {
            awsRegion: aws.get("region") ?? fromEnvironment("awsRegion"),
            azureLocation: new pulumi.Config("azure-native").get("location"),
            gcpProject: gcp.get("project") ?? fromEnvironment("gcpProject"),
            gcpRegion: gcp.get("region") ?? fromEnvironment("gcpRegion"),
        },
        today,
    });
    return {
        settings,
        warnings,
        gitToken: config.requireSecret("gitToken"),
        databricksClientSecret: isSet("databricksClientSecret") ? config.requireSecret("databricksClientSecret") : undefined,
    };
}

/**
 * Whether the CLI passed a key as a secret. The SDK keeps this check
 * internal, so an SDK without it counts every value as secret.
 */
function isSecretInStackConfig(fullKey: string): boolean {
    const runtimeConfig = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
    return runtimeConfig.isConfigSecret ? runtimeConfig.isConfigSecret(fullKey) : true;
}
