import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";

/** The Kedro starter environment on AWS Databricks, in an existing workspace or one it creates. */
export class AwsKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        // The workspace module (and the cloud SDK it imports) loads only for workspace: create.
        super(
            "aws",
            (...workspace) => new (require("./workspace") as typeof import("./workspace")).AwsDatabricksWorkspace(...workspace),
            name,
            args,
            opts,
        );
    }
}
