import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";

/** The Kedro starter environment on Azure Databricks, in an existing workspace or one it creates. */
export class AzureKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        // The workspace module (and the cloud SDK it imports) loads only for workspace: create.
        super(
            "azure",
            (...workspace) => new (require("./workspace") as typeof import("./workspace")).AzureDatabricksWorkspace(...workspace),
            name,
            args,
            opts,
        );
    }
}
