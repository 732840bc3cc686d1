/**
 * Every environment variable the program reads, in order of precedence per
 * purpose: the providers' standard variables, which stand in for unset keys.
 * Tests and the offline plan clear exactly these.
 */
export const PROGRAM_ENVIRONMENT = {
    databricksHost: ["DATABRICKS_HOST"],
    databricksAuthType: ["DATABRICKS_AUTH_TYPE"],
    databricksAccountId: ["DATABRICKS_ACCOUNT_ID"],
    databricksClientId: ["DATABRICKS_CLIENT_ID"],
    databricksClientSecret: ["DATABRICKS_CLIENT_SECRET"],
    githubOwner: ["GITHUB_OWNER"],
    awsRegion: ["AWS_REGION", "AWS_DEFAULT_REGION"],
    gcpProject: ["GOOGLE_PROJECT", "GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT"],
    gcpRegion: ["GOOGLE_REGION", "GCLOUD_REGION", "CLOUDSDK_COMPUTE_REGION"],
} as const;

export type EnvironmentPurpose = keyof typeof PROGRAM_ENVIRONMENT;

export const PROGRAM_ENVIRONMENT_NAMES: readonly string[] = Object.values(PROGRAM_ENVIRONMENT).flat();

/** The first non-empty variable for a purpose, in this process's environment or the one given. */
export function fromEnvironment(
    purpose: EnvironmentPurpose,
    env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
    return PROGRAM_ENVIRONMENT[purpose].map((name) => env[name]).find((value) => value !== undefined && value !== "");
}

export function isEnvironmentPurpose(name: string): name is EnvironmentPurpose {
    return name in PROGRAM_ENVIRONMENT;
}

/** "…; DATABRICKS_ACCOUNT_ID also works", for messages about a key an environment variable can stand in for. */
export function alsoWorks(purpose: EnvironmentPurpose): string {
    return `${PROGRAM_ENVIRONMENT[purpose][0]} also works`;
}
