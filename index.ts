import { createKedroStack } from "./components/stack";
import { loadStackConfigLoggingWarnings } from "./config/load";

// Validation runs first: a bad config stops the program before any resource is declared; its warnings are
// logged either way. Paths in the config (kedroWheel) are read from this folder, Pulumi.yaml's.
const loaded = loadStackConfigLoggingWarnings(new Date(), __dirname);

const { outputs } = createKedroStack(loaded);

export const workspaceUrl = outputs.workspaceUrl;
export const clusterId = outputs.clusterId;
export const clusterUrl = outputs.clusterUrl;
/** Only with dataVolume. */
export const dataVolumePath = outputs.dataVolumePath;
export const repoPath = outputs.repoPath;
export const repoCommit = outputs.repoCommit;
export const projectRoot = outputs.projectRoot;
export const notebookPath = outputs.notebookPath;
export const notebookUrl = outputs.notebookUrl;
/** Only with job: true. */
export const jobId = outputs.jobId;
export const jobUrl = outputs.jobUrl;
/** Only with githubRepository: create. */
export const gitRepositoryUrl = outputs.gitRepositoryUrl;
export const gitRemoteCommands = outputs.gitRemoteCommands;
