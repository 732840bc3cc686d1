import * as pulumi from "@pulumi/pulumi";
import { createKedroEnvironment } from "./components";
import { loadStackConfig } from "./config";

// Validation runs first: a bad config stops the program before any resource is declared.
const { settings, gitToken, databricksClientSecret, warnings } = loadStackConfig();
warnings.forEach((warning) => pulumi.log.warn(warning));

const environment = createKedroEnvironment("kedro", { settings, gitToken, databricksClientSecret });

export const workspaceUrl = environment.workspaceUrl;
export const clusterId = environment.clusterId;
export const clusterUrl = environment.clusterUrl;
export const repoPath = environment.repoPath;
export const projectRoot = environment.projectRoot;
export const notebookPath = environment.notebookPath;
export const notebookUrl = environment.notebookUrl;
