import * as pulumi from "@pulumi/pulumi";
import * as databricks from "../databricks";
// Each GCP resource from its own module: a service's index loads all of its resources' types.
import { getClientOpenIdUserInfoOutput } from "@pulumi/gcp/organizations/getClientOpenIdUserInfo";
import { IAMMember as ProjectIamMember } from "@pulumi/gcp/projects/iammember";
import { Account as ServiceAccount } from "@pulumi/gcp/serviceaccount/account";
import { IAMMember as ServiceAccountIamMember } from "@pulumi/gcp/serviceaccount/iammember";
import { gcpMemberFor, gcpServiceAccountId } from "../../lib/workspaceNaming";
import type { CreatedWorkspace, WorkspaceProvisioningArgs } from "../workspace";

export const GCP_ACCOUNTS_HOST = "https://accounts.gcp.databricks.com";

/** Project roles the workspace creator needs: networks and GKE (editor), and the IAM Databricks sets up. */
export const WORKSPACE_CREATOR_ROLES = ["roles/editor", "roles/iam.roleAdmin", "roles/iam.securityAdmin"] as const;

/**
 * A Databricks workspace on GCP. A Google service account creates it, through
 * an account-level provider that impersonates that account; the identity that
 * runs Pulumi may impersonate it.
 */
export class GcpDatabricksWorkspace extends pulumi.ComponentResource implements CreatedWorkspace {
    readonly serviceAccount: ServiceAccount;
    readonly accountProvider: databricks.Provider;
    readonly workspace: databricks.MwsWorkspaces;
    readonly provider: databricks.Provider;
    readonly workspaceUrl: pulumi.Output<string>;
    readonly serviceAccountEmail: pulumi.Output<string>;

    constructor(name: string, args: WorkspaceProvisioningArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("databricks-kedro-stack:gcp:DatabricksWorkspace", name, {}, opts);
        const { workspace } = args;
        const project = workspace.project!;
        const parent = { parent: this };

        this.serviceAccount = new ServiceAccount(
            `${name}-creator`,
            { accountId: gcpServiceAccountId(workspace.name), displayName: `Databricks workspace creator for ${workspace.name}`, project },
            parent,
        );
        this.serviceAccountEmail = this.serviceAccount.email;
        const roleBindings = WORKSPACE_CREATOR_ROLES.map(
            (role) =>
                new ProjectIamMember(
                    `${name}-creator-${role.split("/")[1].replace(/\./g, "-")}`,
                    { project, role, member: pulumi.interpolate`serviceAccount:${this.serviceAccount.email}` },
                    parent,
                ),
        );
        const deployer = getClientOpenIdUserInfoOutput(parent);
        const impersonation = new ServiceAccountIamMember(
            `${name}-creator-impersonation`,
            { serviceAccountId: this.serviceAccount.name, role: "roles/iam.serviceAccountTokenCreator", member: deployer.email.apply(gcpMemberFor) },
            parent,
        );

        this.accountProvider = new databricks.Provider(
            `${name}-account`,
            { host: GCP_ACCOUNTS_HOST, accountId: workspace.accountId, authType: workspace.authType, googleServiceAccount: this.serviceAccount.email },
            { parent: this, dependsOn: [impersonation, ...roleBindings] },
        );
        this.workspace = new databricks.MwsWorkspaces(
            name,
            {
                accountId: workspace.accountId!,
                workspaceName: workspace.name,
                location: workspace.region,
                cloudResourceContainer: { gcp: { projectId: project } },
            },
            { parent: this, provider: this.accountProvider },
        );
        this.workspaceUrl = this.workspace.workspaceUrl;
        // The service account created the workspace, which makes it a workspace admin.
        this.provider = new databricks.Provider(
            `${name}-workspace`,
            { host: this.workspaceUrl, authType: workspace.authType, googleServiceAccount: this.serviceAccount.email },
            parent,
        );
        this.registerOutputs({ workspaceUrl: this.workspaceUrl, workspaceId: this.workspace.workspaceId, serviceAccountEmail: this.serviceAccountEmail });
    }
}
