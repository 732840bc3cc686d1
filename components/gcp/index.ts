import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";
import { GcpDatabricksWorkspace } from "./workspace";

export { GcpDatabricksWorkspace };

/** The Kedro starter environment on GCP Databricks, in an existing workspace or one it creates. */
export class GcpKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gcp", (workspaceName, workspaceArgs, workspaceOpts) => new GcpDatabricksWorkspace(workspaceName, workspaceArgs, workspaceOpts), name, args, opts);
    }
}
