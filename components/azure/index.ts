import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";
import { AzureDatabricksWorkspace } from "./workspace";

export { AzureDatabricksWorkspace };

/** The Kedro starter environment on Azure Databricks, in an existing workspace or one it creates. */
export class AzureKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("azure", (workspaceName, workspaceArgs, workspaceOpts) => new AzureDatabricksWorkspace(workspaceName, workspaceArgs, workspaceOpts), name, args, opts);
    }
}
