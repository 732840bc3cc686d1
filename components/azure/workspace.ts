import * as pulumi from "@pulumi/pulumi";
import * as databricks from "../databricks";
import { createdOn } from "../../config/workspace";
// Each Azure resource from its own module: a service's index loads all of its resources' types.
import { getClientConfigOutput } from "@pulumi/azure-native/authorization/getClientConfig";
import { Workspace as AzureDatabricksWorkspaceResource } from "@pulumi/azure-native/databricks/workspace";
import { ResourceGroup } from "@pulumi/azure-native/resources/resourceGroup";
import { azureResourceGroupNames } from "../../lib/workspaceNaming";
import { normalizeWorkspaceUrl } from "../../lib/naming";
import type { CreatedWorkspace, WorkspaceProvisioningArgs } from "../workspace";
import { componentType, movedFrom } from "../types";

/**
 * An Azure Databricks workspace: a resource group, and a Premium workspace
 * (single-user clusters and Repos need it) with its own managed resource
 * group and secure cluster connectivity (no public IPs on cluster nodes).
 */
export class AzureDatabricksWorkspace extends pulumi.ComponentResource implements CreatedWorkspace {
    readonly resourceGroup: ResourceGroup;
    readonly workspace: AzureDatabricksWorkspaceResource;
    readonly provider: databricks.Provider;
    readonly workspaceUrl: pulumi.Output<string>;

    constructor(name: string, args: WorkspaceProvisioningArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super(componentType("AzureDatabricksWorkspace"), name, {}, movedFrom("databricks-kedro-stack:azure:DatabricksWorkspace", opts));
        const { tags } = args;
        const workspace = createdOn(args.workspace, "azure");
        const parent = { parent: this };
        const names = azureResourceGroupNames(workspace.name);

        this.resourceGroup = new ResourceGroup(
            `${name}-rg`,
            { resourceGroupName: names.resourceGroup, location: workspace.location, tags },
            parent,
        );
        const client = getClientConfigOutput(parent);
        const managedGroup = names.managedResourceGroup;
        const managedResourceGroupId = pulumi.interpolate`/subscriptions/${client.subscriptionId}/resourceGroups/${managedGroup}`;
        this.workspace = new AzureDatabricksWorkspaceResource(
            name,
            {
                workspaceName: workspace.name,
                resourceGroupName: this.resourceGroup.name,
                location: this.resourceGroup.location,
                sku: { name: "premium" },
                // The 2026-01-01 API requires a compute mode; Hybrid is classic clusters in a managed resource group.
                computeMode: "Hybrid",
                managedResourceGroupId,
                parameters: { enableNoPublicIp: { value: true } },
                tags,
            },
            parent,
        );
        this.workspaceUrl = this.workspace.workspaceUrl.apply(normalizeWorkspaceUrl);
        // Azure resource id auth as databricks:authType says (Azure CLI by default); the workspace's creator is its admin.
        this.provider = new databricks.Provider(
            `${name}-workspace`,
            { host: this.workspaceUrl, authType: workspace.authType, azureWorkspaceResourceId: this.workspace.id },
            parent,
        );
        this.registerOutputs({ workspaceUrl: this.workspaceUrl, workspaceResourceId: this.workspace.id });
    }
}
