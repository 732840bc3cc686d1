import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";
import { AwsDatabricksWorkspace } from "./workspace";

export { AwsDatabricksWorkspace };

/** The Kedro starter environment on AWS Databricks, in an existing workspace or one it creates. */
export class AwsKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aws", (workspaceName, workspaceArgs, workspaceOpts) => new AwsDatabricksWorkspace(workspaceName, workspaceArgs, workspaceOpts), name, args, opts);
    }
}
