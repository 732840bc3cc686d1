export { ENVIRONMENT_OUTPUTS, KedroEnvironment, type KedroEnvironmentArgs, type KedroEnvironmentOutputs } from "./core";
export { DatabricksKedroEnvironment, WORKSPACE_COMPONENTS, stackEnvironmentArgs } from "./environment";
export * from "./environmentArgs";
export { KedroGitHubRepository, gitRemoteCommands } from "./github";
export { type KedroStack, createKedroStack } from "./stack";
