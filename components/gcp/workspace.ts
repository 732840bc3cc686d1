import * as pulumi from "@pulumi/pulumi";
import { createdOn } from "../../config/workspace";
import * as databricks from "../databricks";
// Each GCP resource from its own module: a service's index loads all of its resources' types.
import { getClientOpenIdUserInfoOutput } from "@pulumi/gcp/organizations/getClientOpenIdUserInfo";
import { IAMCustomRole } from "@pulumi/gcp/projects/iamcustomRole";
import { IAMMember as ProjectIamMember } from "@pulumi/gcp/projects/iammember";
import { Account as ServiceAccount } from "@pulumi/gcp/serviceaccount/account";
import { IAMMember as ServiceAccountIamMember } from "@pulumi/gcp/serviceaccount/iammember";
import { GCP_IAM_PROPAGATION_SECONDS } from "../../lib/iamPropagation";
import { gcpCustomRoleId, gcpMemberFor, gcpServiceAccountId } from "../../lib/workspaceNaming";
import { PropagationDelay } from "../propagationDelay";
import type { CreatedWorkspace, WorkspaceProvisioningArgs } from "../workspace";
import { componentType, movedFrom } from "../types";

export const GCP_ACCOUNTS_HOST = "https://accounts.gcp.databricks.com";

/**
 * What Databricks documents for the workspace creator in a single project with
 * a Databricks-managed VPC: the workspace-project set and the VPC-project set
 * (the provider's gcp_crossaccount_policy and gcp_vpc_policy data sources,
 * which this provider version lacks), instead of roles/editor.
 */
export const WORKSPACE_CREATOR_PERMISSIONS = [
    "compute.firewalls.create",
    "compute.firewalls.get",
    "compute.networks.get",
    "compute.networks.updatePolicy",
    "compute.projects.get",
    "iam.roles.create",
    "iam.roles.delete",
    "iam.roles.get",
    "iam.roles.update",
    "iam.serviceAccounts.create",
    "iam.serviceAccounts.get",
    "iam.serviceAccounts.getIamPolicy",
    "iam.serviceAccounts.setIamPolicy",
    "resourcemanager.projects.get",
    "resourcemanager.projects.getIamPolicy",
    "resourcemanager.projects.setIamPolicy",
    "serviceusage.services.enable",
    "serviceusage.services.get",
    "serviceusage.services.list",
] as const;

/**
 * A Databricks workspace on GCP, created through an account-level provider
 * that impersonates a Google service account: a new one with Databricks'
 * custom role (which must then be made an account admin once), or an existing
 * account admin named by databricksGoogleServiceAccount.
 */
export class GcpDatabricksWorkspace extends pulumi.ComponentResource implements CreatedWorkspace {
    /** The service account the stack created; none when an existing one is impersonated. */
    readonly serviceAccount?: ServiceAccount;
    readonly accountProvider: databricks.Provider;
    readonly workspace: databricks.MwsWorkspaces;
    readonly provider: databricks.Provider;
    readonly workspaceUrl: pulumi.Output<string>;
    readonly serviceAccountEmail: pulumi.Output<string>;

    constructor(name: string, args: WorkspaceProvisioningArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super(componentType("GcpDatabricksWorkspace"), name, {}, movedFrom("databricks-kedro-stack:gcp:DatabricksWorkspace", opts));
        const workspace = createdOn(args.workspace, "gcp");
        const { project } = workspace;
        const parent = { parent: this };

        let ready: pulumi.Resource[] = [];
        if (workspace.googleServiceAccount) {
            this.serviceAccountEmail = pulumi.output(workspace.googleServiceAccount);
        } else {
            const creator = this.declareCreator(name, workspace.name, project);
            this.serviceAccount = creator.serviceAccount;
            this.serviceAccountEmail = creator.serviceAccount.email;
            ready = [creator.ready];
        }

        this.accountProvider = new databricks.Provider(
            `${name}-account`,
            {
                host: GCP_ACCOUNTS_HOST,
                accountId: workspace.accountId,
                authType: workspace.authType,
                googleServiceAccount: this.serviceAccountEmail,
            },
            { parent: this, dependsOn: ready },
        );
        this.workspace = new databricks.MwsWorkspaces(
            name,
            {
                accountId: workspace.accountId,
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
            { host: this.workspaceUrl, authType: workspace.authType, googleServiceAccount: this.serviceAccountEmail },
            parent,
        );
        this.registerOutputs({
            workspaceUrl: this.workspaceUrl,
            workspaceId: this.workspace.workspaceId,
            serviceAccountEmail: this.serviceAccountEmail,
        });
    }

    /**
     * The service account that creates the workspace, with the custom role it needs, the right for the
     * deploying identity to impersonate it, and a one-time wait for Google's IAM to see those grants.
     */
    private declareCreator(
        name: string,
        workspaceName: string,
        project: string,
    ): { serviceAccount: ServiceAccount; ready: pulumi.Resource } {
        const parent = { parent: this };
        const serviceAccount = new ServiceAccount(
            `${name}-creator`,
            { accountId: gcpServiceAccountId(workspaceName), displayName: `Databricks workspace creator for ${workspaceName}`, project },
            parent,
        );
        const role = new IAMCustomRole(
            `${name}-creator-role`,
            {
                project,
                roleId: gcpCustomRoleId(workspaceName),
                title: `Databricks workspace creator (${workspaceName})`,
                permissions: [...WORKSPACE_CREATOR_PERMISSIONS],
            },
            parent,
        );
        const roleBinding = new ProjectIamMember(
            `${name}-creator-binding`,
            { project, role: role.name, member: pulumi.interpolate`serviceAccount:${serviceAccount.email}` },
            parent,
        );
        const deployer = getClientOpenIdUserInfoOutput(parent);
        const impersonation = new ServiceAccountIamMember(
            `${name}-creator-impersonation`,
            {
                serviceAccountId: serviceAccount.name,
                role: "roles/iam.serviceAccountTokenCreator",
                member: deployer.email.apply(gcpMemberFor),
            },
            parent,
        );
        // Impersonating a service account, or using its role, in the seconds after the grant fails: wait once.
        const ready = new PropagationDelay(
            `${name}-iam-propagation`,
            { seconds: GCP_IAM_PROPAGATION_SECONDS, triggers: [serviceAccount.email, roleBinding.id, impersonation.id] },
            parent,
        );
        return { serviceAccount, ready };
    }
}
