/** The project keys' defaults, typed, from the key table; and the values an enumerated key takes. */
import { KEYS } from "./keyTable";

export const ACCESS_MODES = KEYS.accessMode.values;
export type AccessMode = (typeof ACCESS_MODES)[number];
export const KEDRO_INSTALL_MODES = KEYS.kedroInstall.values;
export const GIT_CREDENTIAL_MODES = KEYS.gitCredential.values;
export type GitCredentialMode = (typeof GIT_CREDENTIAL_MODES)[number];
export type KedroInstall = (typeof KEDRO_INSTALL_MODES)[number];

/** The defaults the validation applies, as typed values: the key table's. */
export const DEFAULTS = {
    gitBranch: KEYS.gitBranch.default,
    gitCredential: KEYS.gitCredential.default as GitCredentialMode,
    sparkVersion: KEYS.sparkVersion.default,
    numWorkers: KEYS.numWorkers.default,
    autoterminationMinutes: KEYS.autoterminationMinutes.default,
    spot: KEYS.spot.default,
    accessMode: KEYS.accessMode.default as AccessMode,
    clusterNoWait: KEYS.clusterNoWait.default,
    kedroInstall: KEYS.kedroInstall.default as KedroInstall,
    /** Empty: derived from the runtime (defaultKedroPackages). */
    kedroPackages: KEYS.kedroPackages.default as readonly string[],
} as const;

export const AUTOTERMINATION_RANGE = KEYS.autoterminationMinutes.range;
export const NUM_WORKERS_RANGE = KEYS.numWorkers.range;
