import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";

/** The Kedro starter environment on Azure Databricks. */
export class AzureKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("azure", name, args, opts);
    }
}
