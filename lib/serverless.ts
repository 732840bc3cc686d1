/**
 * Serverless compute: notebooks and jobs run on Databricks-managed compute
 * in a serverless environment, each version a Python (Databricks' serverless
 * environment release notes). A notebook or job takes the workspace's
 * default environment, the latest, unless it names another.
 */
export interface ServerlessEnvironment {
    version: string;
    /** Major.minor: what Requires-Python is matched against. */
    python: string;
    released: string;
}

export const SERVERLESS_ENVIRONMENTS: readonly ServerlessEnvironment[] = [
    { version: "1", python: "3.10", released: "2024-03-12" },
    { version: "2", python: "3.11", released: "2024-11-21" },
    { version: "3", python: "3.12", released: "2025-06-13" },
    { version: "4", python: "3.12", released: "2025-08-13" },
    { version: "5", python: "3.12", released: "2026-02-25" },
];

/** The environment a new notebook or job gets: the latest. */
export const DEFAULT_SERVERLESS_ENVIRONMENT = SERVERLESS_ENVIRONMENTS[SERVERLESS_ENVIRONMENTS.length - 1];

/** The cluster keys serverless compute has no use for, and what it has instead, as a problem says it. */
export const CLASSIC_ONLY_KEYS = {
    sparkVersion: "no Databricks Runtime to pick (the serverless environment is)",
    nodeType: "no node types",
    driverNodeType: "no node types",
    numWorkers: "no workers to size (it scales itself)",
    autoterminationMinutes: "no cluster to stop (it bills only while it runs)",
    spot: "no spot or on-demand choice",
    accessMode: "no access mode (it is standard access)",
    singleUserName: "no single-user cluster",
    clusterNoWait: "no cluster to wait for",
} as const;
