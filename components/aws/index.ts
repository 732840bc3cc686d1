import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";

/** The Kedro starter environment on AWS Databricks. */
export class AwsKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aws", name, args, opts);
    }
}
