/** The project keys' defaults and the values an enumerated key takes; Pulumi.yaml declares the same (a test keeps them equal). */
import { CLUSTER_DEFAULTS } from "../lib/clouds";

export const ACCESS_MODES = ["SINGLE_USER", "NONE"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
export const KEDRO_INSTALL_MODES = ["notebook", "cluster"] as const;
export const GIT_CREDENTIAL_MODES = ["stack", "shared"] as const;
export type GitCredentialMode = (typeof GIT_CREDENTIAL_MODES)[number];
export type KedroInstall = (typeof KEDRO_INSTALL_MODES)[number];

/** Defaults for every optional project key; Pulumi.yaml declares the same values (a test keeps them equal). */
export const DEFAULTS = {
    gitBranch: "main",
    gitCredential: "stack" as GitCredentialMode,
    sparkVersion: CLUSTER_DEFAULTS.sparkVersion,
    numWorkers: CLUSTER_DEFAULTS.numWorkers,
    autoterminationMinutes: CLUSTER_DEFAULTS.autoterminationMinutes,
    spot: CLUSTER_DEFAULTS.spot,
    accessMode: CLUSTER_DEFAULTS.accessMode as AccessMode,
    clusterNoWait: false,
    kedroInstall: "notebook" as KedroInstall,
    /** Empty: derived from the runtime (defaultKedroPackages). */
    kedroPackages: [] as readonly string[],
} as const;

export const AUTOTERMINATION_RANGE = { min: 10, max: 10_000 } as const;

/** numWorkers' bounds: a typo's guard (10^20 workers), well above any workspace's quota; the policy pack holds the real limit. */
export const NUM_WORKERS_RANGE = { min: 0, max: 10_000 } as const;
