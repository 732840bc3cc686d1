/**
 * Workspace provisioning settings: `workspace: existing` (the default) uses
 * the workspace the Databricks provider points at; `create` builds one in the
 * stack's cloud. Region, location and project come from the cloud providers'
 * own config keys.
 */
import { boundedName } from "../lib/boundedName";
import { CLOUD_PROFILES, type Cloud } from "../lib/clouds";
import { alsoWorks, isEnvironmentPurpose } from "./environment";
import { type ConfigProblem, configSetCommand, projectKey } from "./errors";

export const WORKSPACE_MODES = ["existing", "create"] as const;
export type WorkspaceMode = (typeof WORKSPACE_MODES)[number];

export type WorkspaceSettings =
    | { mode: "existing" }
    | {
          mode: "create";
          name: string;
          /** Databricks account id (AWS and GCP). */
          accountId?: string;
          /** Account-admin service principal's OAuth client id; undefined means the provider's environment. */
          clientId?: string;
          /** aws:region or gcp:region. */
          region?: string;
          /** azure-native:location. */
          location?: string;
          /** gcp:project. */
          project?: string;
          /** The Databricks auth type of every provider the stack builds for the new workspace and its account. */
          authType: string;
          /** GCP: an existing Google service account that is a Databricks account admin, impersonated instead of a new one. */
          googleServiceAccount?: string;
      };

/**
 * The auth types each cloud's workspace providers may use, the first being
 * the default. The stack sets one explicitly on every provider it builds:
 * left unset, the Databricks SDK also reads DATABRICKS_TOKEN,
 * DATABRICKS_CLIENT_* and GOOGLE_CREDENTIALS from the environment and
 * refuses "more than one authorization method configured", or on GCP
 * silently skips the impersonation.
 */
export const WORKSPACE_AUTH_TYPES: Readonly<Record<Cloud, readonly string[]>> = {
    // The account-admin service principal's OAuth client id and secret.
    aws: ["oauth-m2m"],
    // The identity that runs Pulumi: the Azure CLI, an ARM_* service principal, a managed identity or GitHub OIDC.
    azure: ["azure-cli", "azure-client-secret", "azure-msi", "github-oidc-azure"],
    // Application default credentials impersonating the workspace creator service account.
    gcp: ["google-id"],
};

/** What the cloud providers' own config (or their environment variables) say. */
export interface CloudProviderConfig {
    awsRegion?: string;
    azureLocation?: string;
    gcpProject?: string;
    gcpRegion?: string;
}

export interface WorkspaceInputs {
    mode?: string;
    name?: string;
    accountId?: string;
    clientId?: string;
    hasClientSecret: boolean;
    /** databricks:host from the stack's config (not the environment). */
    configuredHost?: string;
    /** databricks:authType, or DATABRICKS_AUTH_TYPE. */
    authType?: string;
    /** databricksGoogleServiceAccount. */
    googleServiceAccount?: string;
    providerConfig: CloudProviderConfig;
}

/** Databricks and Azure both accept letters, digits and hyphens; 3 to 64 characters. */
export function isWorkspaceName(name: string): boolean {
    return /^[A-Za-z0-9][A-Za-z0-9-]{1,62}[A-Za-z0-9]$/.test(name);
}

export function defaultWorkspaceName(project: string, stack: string): string {
    const name = `${project}-${stack}`.replace(/[^A-Za-z0-9-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
    return boundedName(name, 64);
}

/** The cloud provider keys `create` needs; a field the environment can stand in for is named like its purpose there. */
const REQUIRED_PROVIDER_KEYS: Record<Cloud, Array<{ key: string; field: keyof CloudProviderConfig; example: string }>> = {
    aws: [{ key: "aws:region", field: "awsRegion", example: "eu-west-1" }],
    azure: [{ key: "azure-native:location", field: "azureLocation", example: "westeurope" }],
    gcp: [
        { key: "gcp:project", field: "gcpProject", example: "<gcp-project-id>" },
        { key: "gcp:region", field: "gcpRegion", example: "europe-west1" },
    ],
};

const environmentHint = (field: keyof CloudProviderConfig) => (isEnvironmentPurpose(field) ? ` (${alsoWorks(field)})` : "");

export function validateWorkspace(
    inputs: WorkspaceInputs,
    cloud: Cloud | undefined,
    ctx: { project: string; stack: string },
): { workspace?: WorkspaceSettings; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    const problem = (key: string, value: string | undefined, allowed: string, fix: string) => problems.push({ key, value, allowed, fix });

    const mode = (inputs.mode ?? "existing").toLowerCase();
    if (mode !== "existing" && mode !== "create") {
        problem(projectKey("workspace"), inputs.mode, "existing (use the workspace databricks:host names) or create (build one in the cloud)", configSetCommand(projectKey("workspace"), "existing", ctx.stack));
        return { problems };
    }
    if (mode === "existing") return { workspace: { mode: "existing" }, problems };

    const name = inputs.name ?? defaultWorkspaceName(ctx.project, ctx.stack);
    if (!isWorkspaceName(name)) {
        problem(projectKey("workspaceName"), name, "3 to 64 letters, digits and hyphens, starting and ending with a letter or digit", configSetCommand(projectKey("workspaceName"), defaultWorkspaceName(ctx.project, ctx.stack), ctx.stack));
    }
    if (inputs.configuredHost) {
        problem(
            "databricks:host",
            inputs.configuredHost,
            "no value with workspace: create, which connects to the workspace it creates; a host here would point the same stack at a second workspace",
            `pulumi config rm databricks:host --stack ${ctx.stack}`,
        );
    }
    if (!cloud) return { problems };

    if ((cloud === "aws" || cloud === "gcp") && !inputs.accountId) {
        problem(
            projectKey("databricksAccountId"),
            undefined,
            `your Databricks account id (a UUID, from the account console), needed to create a workspace on ${CLOUD_PROFILES[cloud].label}; ${alsoWorks("databricksAccountId")}`,
            configSetCommand(projectKey("databricksAccountId"), "<account-id>", ctx.stack),
        );
    } else if (inputs.accountId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(inputs.accountId)) {
        problem(projectKey("databricksAccountId"), inputs.accountId, "a UUID such as 0d9c1b2a-1234-4cde-8f00-123456789abc", configSetCommand(projectKey("databricksAccountId"), "<account-id>", ctx.stack));
    }
    if (cloud === "aws") {
        if (!inputs.clientId) {
            problem(projectKey("databricksClientId"), undefined, `the OAuth client id of an account-admin service principal; ${alsoWorks("databricksClientId")}`, configSetCommand(projectKey("databricksClientId"), "<client-id>", ctx.stack));
        }
        if (!inputs.hasClientSecret) {
            problem(projectKey("databricksClientSecret"), undefined, `that service principal's OAuth secret; ${alsoWorks("databricksClientSecret")}`, configSetCommand(projectKey("databricksClientSecret"), "<client-secret>", ctx.stack, { secret: true }));
        }
    }
    for (const required of REQUIRED_PROVIDER_KEYS[cloud]) {
        if (!inputs.providerConfig[required.field]) {
            problem(required.key, undefined, `the ${CLOUD_PROFILES[cloud].label} ${required.key.split(":")[1]} to create the workspace in, e.g. ${required.example}${environmentHint(required.field)}`, `pulumi config set ${required.key} ${required.example} --stack ${ctx.stack}`);
        }
    }
    if (inputs.googleServiceAccount !== undefined) {
        if (cloud !== "gcp") {
            problem(projectKey("databricksGoogleServiceAccount"), inputs.googleServiceAccount, "no value unless cloud is gcp", `pulumi config rm databricksGoogleServiceAccount --stack ${ctx.stack}`);
        } else if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.iam\.gserviceaccount\.com$/.test(inputs.googleServiceAccount)) {
            problem(
                projectKey("databricksGoogleServiceAccount"),
                inputs.googleServiceAccount,
                "a Google service account e-mail, <name>@<project>.iam.gserviceaccount.com, that is a Databricks account admin",
                configSetCommand(projectKey("databricksGoogleServiceAccount"), "<name>@<project>.iam.gserviceaccount.com", ctx.stack),
            );
        }
    }
    const authTypes = WORKSPACE_AUTH_TYPES[cloud];
    const authType = inputs.authType?.trim() || authTypes[0];
    if (!authTypes.includes(authType)) {
        problem(
            "databricks:authType",
            authType,
            `with workspace: create on ${CLOUD_PROFILES[cloud].label}, ${authTypes.join(", ")} (the providers the stack builds authenticate so); ${alsoWorks("databricksAuthType")}`,
            `pulumi config set databricks:authType ${authTypes[0]} --stack ${ctx.stack}`,
        );
    }
    if (problems.length > 0) return { problems };

    const providerConfig = inputs.providerConfig;
    return {
        workspace: {
            mode: "create",
            name,
            accountId: inputs.accountId,
            clientId: inputs.clientId,
            region: cloud === "aws" ? providerConfig.awsRegion : cloud === "gcp" ? providerConfig.gcpRegion : undefined,
            location: cloud === "azure" ? providerConfig.azureLocation : undefined,
            project: cloud === "gcp" ? providerConfig.gcpProject : undefined,
            authType,
            googleServiceAccount: cloud === "gcp" ? inputs.googleServiceAccount : undefined,
        },
        problems,
    };
}
