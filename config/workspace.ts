/**
 * Workspace provisioning settings: `workspace: existing` (the default) uses
 * the workspace the Databricks provider points at; `create` builds one in the
 * stack's cloud. Region, location and project come from the cloud providers'
 * own config keys.
 */
import { boundedName } from "../lib/boundedName";
import { CLOUD_PROFILES, type Cloud } from "../lib/clouds";
import { alsoWorks, isEnvironmentPurpose } from "./environment";
import type { FullKey, Reporter } from "./reporter";

export const WORKSPACE_MODES = ["existing", "create"] as const;
export type WorkspaceMode = (typeof WORKSPACE_MODES)[number];

/** What every created workspace has: its name, and the auth type of every provider the stack builds for it and its account. */
interface CreatedWorkspaceBase {
    mode: "create";
    name: string;
    authType: string;
}

/** A workspace this stack creates: what each cloud needs, and nothing it does not (no optional account id on AWS). */
export type CreatedWorkspaceSettings =
    | (CreatedWorkspaceBase & {
          cloud: "aws";
          /** The Databricks account id. */
          accountId: string;
          /** The account-admin service principal's OAuth client id. */
          clientId: string;
          /** aws:region. */
          region: string;
      })
    | (CreatedWorkspaceBase & {
          cloud: "azure";
          /** azure-native:location. */
          location: string;
      })
    | (CreatedWorkspaceBase & {
          cloud: "gcp";
          accountId: string;
          /** gcp:project and gcp:region. */
          project: string;
          region: string;
          /** An existing Google service account that is a Databricks account admin, impersonated instead of a new one. */
          googleServiceAccount?: string;
      });

export type WorkspaceSettings = { mode: "existing" } | CreatedWorkspaceSettings;

/** The created workspace's settings for one cloud: its component's own type, checked once. */
export function createdOn<C extends Cloud>(workspace: CreatedWorkspaceSettings, cloud: C): Extract<CreatedWorkspaceSettings, { cloud: C }> {
    if (workspace.cloud !== cloud) throw new Error(`The ${cloud} workspace component was given settings for ${workspace.cloud}.`);
    return workspace as Extract<CreatedWorkspaceSettings, { cloud: C }>;
}

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
    const name = `${project}-${stack}`
        .replace(/[^A-Za-z0-9-]+/g, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^-+|-+$/g, "");
    return boundedName(name, 64);
}

/** The cloud provider keys `create` needs; a field the environment can stand in for is named like its purpose there. */
const REQUIRED_PROVIDER_KEYS: Record<Cloud, Array<{ key: FullKey; field: keyof CloudProviderConfig; example: string }>> = {
    aws: [{ key: "aws:region", field: "awsRegion", example: "eu-west-1" }],
    azure: [{ key: "azure-native:location", field: "azureLocation", example: "westeurope" }],
    gcp: [
        { key: "gcp:project", field: "gcpProject", example: "<gcp-project-id>" },
        { key: "gcp:region", field: "gcpRegion", example: "europe-west1" },
    ],
};

const environmentHint = (field: keyof CloudProviderConfig) => (isEnvironmentPurpose(field) ? ` (${alsoWorks(field)})` : "");

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GOOGLE_SERVICE_ACCOUNT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.iam\.gserviceaccount\.com$/;

/** The account keys `create` needs on a cloud: the account id (AWS, GCP) and the service principal's OAuth client (AWS). */
function checkAccount(r: Reporter, inputs: WorkspaceInputs, cloud: Cloud): void {
    if ((cloud === "aws" || cloud === "gcp") && !inputs.accountId) {
        r.problem(
            "databricksAccountId",
            undefined,
            `your Databricks account id (a UUID, from the account console), needed to create a workspace on ` +
                `${CLOUD_PROFILES[cloud].label}; ${alsoWorks("databricksAccountId")}`,
            "<account-id>",
        );
    } else if (inputs.accountId && !ACCOUNT_ID.test(inputs.accountId)) {
        r.problem("databricksAccountId", inputs.accountId, "a UUID such as 0d9c1b2a-1234-4cde-8f00-123456789abc", "<account-id>");
    }
    if (cloud !== "aws") return;
    if (!inputs.clientId)
        r.problem(
            "databricksClientId",
            undefined,
            `the OAuth client id of an account-admin service principal; ${alsoWorks("databricksClientId")}`,
            "<client-id>",
        );
    if (!inputs.hasClientSecret)
        r.problem(
            "databricksClientSecret",
            undefined,
            `that service principal's OAuth secret; ${alsoWorks("databricksClientSecret")}`,
            "",
            { secret: true },
        );
}

/** The cloud providers' own keys `create` needs (region, location, project), and databricksGoogleServiceAccount on GCP alone. */
function checkCloudKeys(r: Reporter, inputs: WorkspaceInputs, cloud: Cloud, stack: string): void {
    for (const required of REQUIRED_PROVIDER_KEYS[cloud]) {
        if (inputs.providerConfig[required.field]) continue;
        const allowed =
            `the ${CLOUD_PROFILES[cloud].label} ${required.key.split(":")[1]} to create the workspace in, e.g. ` +
            `${required.example}${environmentHint(required.field)}`;
        // The project the account's service account lives in is the one meant, where that account is named.
        const serviceAccountProject = /@([a-z][a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(inputs.googleServiceAccount ?? "")?.[1];
        const value = required.field === "gcpProject" && serviceAccountProject ? serviceAccountProject : required.example;
        r.problem(required.key, undefined, allowed, value);
    }
    const account = inputs.googleServiceAccount;
    if (account === undefined) return;
    if (cloud !== "gcp") {
        r.problem("databricksGoogleServiceAccount", account, "no value unless cloud is gcp", "", {
            fix: `pulumi config rm databricksGoogleServiceAccount --stack ${stack}`,
        });
    } else if (!GOOGLE_SERVICE_ACCOUNT.test(account)) {
        r.problem(
            "databricksGoogleServiceAccount",
            account,
            "a Google service account e-mail, <name>@<project>.iam.gserviceaccount.com, that is a Databricks account admin",
            "<name>@<project>.iam.gserviceaccount.com",
        );
    }
}

/** The auth type every provider built for the new workspace uses: databricks:authType, or the cloud's first. */
function readAuthType(r: Reporter, inputs: WorkspaceInputs, cloud: Cloud, stack: string): string {
    const authTypes = WORKSPACE_AUTH_TYPES[cloud];
    const authType = inputs.authType?.trim() || authTypes[0];
    if (!authTypes.includes(authType)) {
        r.problem(
            "databricks:authType",
            authType,
            `with workspace: create on ${CLOUD_PROFILES[cloud].label}, ${authTypes.join(", ")} (the providers the stack builds ` +
                `authenticate so); ${alsoWorks("databricksAuthType")}`,
            "",
            { fix: `pulumi config set databricks:authType ${authTypes[0]} --stack ${stack}` },
        );
    }
    return authType;
}

/** The settings of the workspace to create, once every key it needs is valid. */
function createdWorkspace(inputs: WorkspaceInputs, cloud: Cloud, name: string, authType: string): CreatedWorkspaceSettings {
    const provider = inputs.providerConfig;
    const base = { mode: "create" as const, name, authType };
    if (cloud === "aws") return { ...base, cloud, accountId: inputs.accountId!, clientId: inputs.clientId!, region: provider.awsRegion! };
    if (cloud === "azure") return { ...base, cloud, location: provider.azureLocation! };
    return {
        ...base,
        cloud,
        accountId: inputs.accountId!,
        project: provider.gcpProject!,
        region: provider.gcpRegion!,
        googleServiceAccount: inputs.googleServiceAccount,
    };
}

/** workspace: existing, or create with what the stack's cloud needs; every problem goes to the reporter. */
export function readWorkspaceSettings(
    r: Reporter,
    inputs: WorkspaceInputs,
    cloud: Cloud | undefined,
    ctx: { project: string; stack: string },
): WorkspaceSettings | undefined {
    const before = r.problems.length;
    const mode = (inputs.mode ?? "existing").toLowerCase();
    if (mode !== "existing" && mode !== "create") {
        r.problem(
            "workspace",
            inputs.mode,
            "existing (use the workspace databricks:host names) or create (build one in the cloud)",
            "existing",
        );
        return undefined;
    }
    if (mode === "existing") return { mode: "existing" };
    const name = inputs.name ?? defaultWorkspaceName(ctx.project, ctx.stack);
    if (!isWorkspaceName(name)) {
        r.problem(
            "workspaceName",
            name,
            "3 to 64 letters, digits and hyphens, starting and ending with a letter or digit",
            defaultWorkspaceName(ctx.project, ctx.stack),
        );
    }
    if (inputs.configuredHost) {
        r.problem(
            "databricks:host",
            inputs.configuredHost,
            "no value with workspace: create, which connects to the workspace it creates; a host here would point the same stack at a " +
                "second workspace",
            "",
            { fix: `pulumi config rm databricks:host --stack ${ctx.stack}` },
        );
    }
    if (!cloud) return undefined;
    checkAccount(r, inputs, cloud);
    checkCloudKeys(r, inputs, cloud, ctx.stack);
    const authType = readAuthType(r, inputs, cloud, ctx.stack);
    return r.problems.length > before ? undefined : createdWorkspace(inputs, cloud, name, authType);
}
