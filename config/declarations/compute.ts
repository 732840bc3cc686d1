/** Where the notebook and the job run, and where the project's data lives. */
import type { KeyDeclaration } from "../keyTable";

export const COMPUTE_KEYS = {
    compute: {
        type: "string",
        default: "classic",
        values: ["classic", "serverless"],
        match: "lower",
        allowed:
            "classic (the tutorial's interactive cluster and a job cluster) or serverless (serverless notebook and job compute, " +
            "as on Databricks Free Edition)",
        description:
            "classic: the tutorial's interactive cluster, and a job cluster for the job. serverless: no cluster; the notebook and " +
            "the job run on serverless compute, and the notebook installs Kedro with %pip. The cluster keys then do not apply.",
    },
    dataVolume: {
        type: "string",
        default: "",
        description:
            "A Unity Catalog volume for the project's data, <catalog>.<schema>.<volume>: the stack creates it (managed) in a " +
            "catalog and schema that exist, grants environmentUser and environmentGroup read and write, and runs Kedro with " +
            "the runtime parameter data_volume=/Volumes/<catalog>/<schema>/<volume> (${runtime_params:data_volume} in the " +
            "catalog). pulumi destroy drops it and its files unless protect is true. Empty: no volume.",
    },
} as const satisfies Record<string, KeyDeclaration>;
