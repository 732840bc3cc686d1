import type * as pulumi from "@pulumi/pulumi";
import type { Cloud } from "../config";
import { AwsKedroEnvironment } from "./aws";
import { AzureKedroEnvironment } from "./azure";
import type { CloudKedroEnvironment, CloudKedroEnvironmentArgs } from "./cloud";
import { GcpKedroEnvironment } from "./gcp";

export { AwsKedroEnvironment, AzureKedroEnvironment, GcpKedroEnvironment };
export { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "./cloud";
export { KedroEnvironment, type KedroEnvironmentArgs, type KedroEnvironmentOutputs } from "./core";

type CloudComponent = new (name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) => CloudKedroEnvironment;

export const COMPONENTS: Readonly<Record<Cloud, CloudComponent>> = {
    aws: AwsKedroEnvironment,
    azure: AzureKedroEnvironment,
    gcp: GcpKedroEnvironment,
};

/** The component of the stack's cloud. */
export function createKedroEnvironment(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions): CloudKedroEnvironment {
    return new COMPONENTS[args.settings.cloud](name, args, opts);
}
export { KedroGitHubRepository, gitRemoteCommands } from "./github";
export { type KedroStack, createKedroStack } from "./stack";
