/**
 * A stack loads only what it uses: its own cloud's component, and workspace
 * provisioning and GitHub (with their cloud SDK modules) only when its config
 * asks for them, and the zip library only for a wheel job. Each module a stack loads is start-up time for every preview.
 */
const WATCHED = [
    "../../components/aws/workspace",
    "../../components/azure/workspace",
    "../../components/gcp/workspace",
    "../../components/github",
    // The wheel reader's zip library: only a wheel stack reads a wheel.
    "fflate",
];
const loaded = new Set<string>();
for (const module of WATCHED) {
    jest.doMock(module, () => {
        loaded.add(module.replace("../../components/", ""));
        return jest.requireActual(module);
    });
}

// Required after the mocks, so that every load of a watched module is seen, from the first import on.
// A module loads once per test file, so the tests run in order and each adds to what the ones before loaded.
const { baseConfig, evaluate, ACCOUNT_ID } = require("../harness") as typeof import("../harness");

test("a stack in an existing workspace loads no workspace module, no GitHub and no zip library", async () => {
    await evaluate({ config: baseConfig("aws") });
    expect([...loaded]).toEqual([]);
});

test("a GCP stack that creates its workspace loads the GCP workspace module alone", async () => {
    await evaluate({
        config: baseConfig("gcp", { workspace: "create", databricksAccountId: ACCOUNT_ID }),
        providerConfig: { "gcp:project": "acme-data", "gcp:region": "europe-west1" },
    });
    expect([...loaded]).toEqual(["gcp/workspace"]);
});

test("githubRepository: create loads the GitHub component", async () => {
    await evaluate({
        config: baseConfig("azure", { gitUrl: undefined, githubRepository: "create", githubRepositoryName: "iris-databricks" }),
        providerConfig: { "github:owner": "acme" },
    });
    expect([...loaded].sort()).toEqual(["gcp/workspace", "github"]);
});
