/**
 * The package `pulumi package add` builds SDKs from: the components a
 * program in any language uses. Their tokens are databricks-kedro-stack:index:<Class>
 * (the package name is package.json's). The stack's own program is the
 * repository's index.ts; this entry declares nothing by itself.
 */
export { DatabricksKedroEnvironment } from "../components/environment";
export { KedroGitHubRepository } from "../components/github";
