export { AwsKedroEnvironment } from "./aws";
export { AzureKedroEnvironment } from "./azure";
export { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "./cloud";
export { ENVIRONMENT_OUTPUTS, KedroEnvironment, type KedroEnvironmentArgs, type KedroEnvironmentOutputs } from "./core";
export { GcpKedroEnvironment } from "./gcp";
export { KedroGitHubRepository, gitRemoteCommands } from "./github";
export { COMPONENTS, type KedroStack, createKedroEnvironment, createKedroStack } from "./stack";
