/**
 * The Databricks resources and data sources this project uses, each imported
 * from its own module: the package root would pull the type definitions of
 * all of the provider's resources into every type-check.
 */
export { Cluster } from "@pulumi/databricks/cluster";
export { File } from "@pulumi/databricks/file";
export { GitCredential } from "@pulumi/databricks/gitCredential";
export { Grants } from "@pulumi/databricks/grants";
export { Job } from "@pulumi/databricks/job";
export { Library } from "@pulumi/databricks/library";
export { MwsCredentials } from "@pulumi/databricks/mwsCredentials";
export { MwsPermissionAssignment } from "@pulumi/databricks/mwsPermissionAssignment";
export { MwsStorageConfigurations } from "@pulumi/databricks/mwsStorageConfigurations";
export { MwsWorkspaces } from "@pulumi/databricks/mwsWorkspaces";
export { Notebook } from "@pulumi/databricks/notebook";
export { Permissions, type PermissionsArgs } from "@pulumi/databricks/permissions";
export { Provider } from "@pulumi/databricks/provider";
export { Repo } from "@pulumi/databricks/repo";
export { Volume } from "@pulumi/databricks/volume";
export { WorkspaceFile } from "@pulumi/databricks/workspaceFile";
export { getAwsAssumeRolePolicyOutput } from "@pulumi/databricks/getAwsAssumeRolePolicy";
export { getAwsBucketPolicyOutput } from "@pulumi/databricks/getAwsBucketPolicy";
export { getAwsCrossAccountPolicyOutput } from "@pulumi/databricks/getAwsCrossAccountPolicy";
export { getCurrentUserOutput } from "@pulumi/databricks/getCurrentUser";
export { getServicePrincipalOutput } from "@pulumi/databricks/getServicePrincipal";
