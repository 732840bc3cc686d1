/**
 * Stacks as they exist today, one per cloud and workspace mode, with every
 * optional part (job, people, cluster libraries, a created GitHub repository):
 * their URNs before the component tokens moved to the index module are kept
 * in test/fixtures/urns/, the state an existing stack has.
 */
import { ACCOUNT_ID, CLIENT_SECRET, type EvaluateOptions, baseConfig } from "../harness";

const SHA = "c0ffee0000000000000000000000000000000001";
const EVERYTHING = {
    job: "true",
    gitCommit: SHA,
    environmentUser: "alice@example.com",
    environmentGroup: "data-team",
    kedroInstall: "cluster",
};

export const URN_SCENARIOS: Record<string, EvaluateOptions> = {
    "aws-existing": {
        config: baseConfig("aws", EVERYTHING),
        providerConfig: { "databricks:host": "https://dbc-1234abcd-5678.cloud.databricks.com" },
    },
    "aws-create-github": {
        config: baseConfig("aws", {
            ...EVERYTHING,
            gitUrl: undefined,
            githubRepository: "create",
            githubRepositoryName: "iris-databricks",
            githubOwner: "acme-data",
            workspace: "create",
            databricksAccountId: ACCOUNT_ID,
            databricksClientId: "sp-client-id",
            databricksClientSecret: CLIENT_SECRET,
        }),
        providerConfig: { "aws:region": "eu-west-1", "github:owner": "acme" },
    },
    "azure-create": {
        config: baseConfig("azure", { ...EVERYTHING, workspace: "create" }),
        providerConfig: { "azure-native:location": "westeurope" },
    },
    "gcp-create": {
        config: baseConfig("gcp", { ...EVERYTHING, workspace: "create", databricksAccountId: ACCOUNT_ID }),
        providerConfig: { "gcp:project": "acme-data", "gcp:region": "europe-west1" },
    },
};
