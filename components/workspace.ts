import type * as pulumi from "@pulumi/pulumi";
import type * as databricks from "./databricks";
import type { CreatedWorkspaceSettings } from "../config";

export interface WorkspaceProvisioningArgs {
    workspace: CreatedWorkspaceSettings;
    /** The account service principal's OAuth secret; the provider's environment when undefined. */
    clientSecret?: pulumi.Input<string>;
    /** Tags for the cloud resources. */
    tags: Record<string, string>;
}

/** What each cloud's workspace component hands to the core. */
export interface CreatedWorkspace {
    /** Workspace-level provider for the new workspace. */
    readonly provider: databricks.Provider;
    readonly workspaceUrl: pulumi.Output<string>;
}
