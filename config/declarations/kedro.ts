/** How Kedro reaches the cluster, and where the Repo and the notebook go. */
import type { KeyDeclaration } from "../keyTable";

export const KEDRO_KEYS = {
    kedroInstall: {
        type: "string",
        default: "notebook",
        values: ["notebook", "cluster"],
        match: "lower",
        allowed: "notebook or cluster",
        description: "notebook: a %pip cell installs Kedro, as in the tutorial. cluster: the packages become PyPI cluster libraries.",
    },
    kedroPackages: {
        type: "array",
        default: [],
        description:
            "pip requirement specifiers of the Kedro packages; must include a kedro that installs on the " +
            "runtime's Python. Empty: follows sparkVersion, the tutorial's kedro==0.18.7, " +
            "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0 and kedro-viz before runtime 13, else " +
            "kedro~=1.0, kedro-datasets[databricks-managedtabledataset]>=4.0 and kedro-viz; on serverless compute " +
            "kedro-datasets without that extra, whose pyspark and delta-spark must not sit beside databricks-connect. " +
            "Set it item by item: " +
            "pulumi config set --path 'kedroPackages[0]' 'kedro~=1.0'.",
    },
    repoPath: {
        type: "string",
        default: "",
        description: "Path of the Databricks Repo, of the form /Repos/<folder>/<name>. Empty: /Repos/<user>/<repo>-<stack>.",
    },
    notebookPath: {
        type: "string",
        default: "",
        description: "Path of the notebook, outside /Repos. Empty: <user's home>/<repo>-<stack>-run.",
    },
} as const satisfies Record<string, KeyDeclaration>;
