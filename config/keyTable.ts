/**
 * Every project key, declared once (by concern, in declarations/): its type,
 * its default, whether it is a secret, the environment variable that stands
 * in for it, what it is for, and for a simple key what is allowed (its
 * values or bounds, and the text a problem says), which the reporter reads
 * (integer, boolean, choice). PROJECT_KEYS, the secret keys, the defaults,
 * the enumerations and the bounds derive from this table, a test holds
 * Pulumi.yaml's config block to it, and `ProjectKey` makes a misspelt key a
 * type error wherever the validation reads one. Keys whose rules need more
 * than a table (gitUrl, kedroPackages, the paths) keep them in rules/.
 *
 * Hand-written rather than a schema library's: the validation reports every
 * problem of a run at once, with cross-key rules (zod skips its refinements
 * while any key fails), and needs no parser beyond a handful of types.
 */
import { CLUSTER_KEYS } from "./declarations/cluster";
import { COMPUTE_KEYS } from "./declarations/compute";
import { GIT_KEYS } from "./declarations/git";
import { JOB_KEYS } from "./declarations/job";
import { KEDRO_KEYS } from "./declarations/kedro";
import { PRODUCTION_KEYS } from "./declarations/production";
import { STACK_KEYS } from "./declarations/stack";
import { WORKSPACE_KEYS } from "./declarations/workspace";
import type { EnvironmentPurpose } from "./environment";

export type KeyType = "string" | "integer" | "boolean" | "array";

export interface KeyDeclaration {
    readonly type: KeyType;
    /** Pulumi.yaml's default; none: the CLI insists on a value. An empty one ("" or []) means derived: the program reads it as unset. */
    readonly default?: string | number | boolean | readonly string[];
    /**
     * Read only as a secret. "optional": declared without secret: true in
     * Pulumi.yaml, where a secret cannot default, so that it may stay unset.
     */
    readonly secret?: "declared" | "optional";
    /** The environment variable's purpose (config/environment) that stands in for the key when it is unset. */
    readonly environment?: EnvironmentPurpose;
    readonly description: string;
    /** An enumerated key's values, matched in `match` case. */
    readonly values?: readonly string[];
    readonly match?: "upper" | "lower";
    /** An integer key's bounds. */
    readonly range?: { readonly min: number; readonly max?: number };
    /** What is allowed, as a problem with the key says it. */
    readonly allowed?: string;
}

export const KEYS = {
    ...STACK_KEYS,
    ...GIT_KEYS,
    ...COMPUTE_KEYS,
    ...CLUSTER_KEYS,
    ...KEDRO_KEYS,
    ...WORKSPACE_KEYS,
    ...JOB_KEYS,
    ...PRODUCTION_KEYS,
} as const satisfies Record<string, KeyDeclaration>;

/** A key of this project, as the validation reads it. */
export type ProjectKey = keyof typeof KEYS;

export const PROJECT_KEYS = Object.keys(KEYS) as ProjectKey[];

/** Keys read only as secrets: their values never enter validation. */
export const SECRET_PROJECT_KEYS: readonly ProjectKey[] = PROJECT_KEYS.filter((key) => (KEYS[key] as KeyDeclaration).secret !== undefined);

/** Keys an environment variable stands in for when unset, with that variable's purpose. */
export const ENVIRONMENT_KEYS = PROJECT_KEYS.flatMap((key) => {
    const purpose = (KEYS[key] as KeyDeclaration).environment;
    return purpose === undefined ? [] : [{ key, purpose }];
});

/** A key's default as the CLI passes it to the program (text; a list as JSON); undefined for none, or "" (which reads as unset). */
export function cliDefault(key: ProjectKey): string | undefined {
    const value = (KEYS[key] as KeyDeclaration).default;
    if (value === undefined || value === "") return undefined;
    return typeof value === "string" ? value : JSON.stringify(value);
}

type KeysWith<F extends string> = { [K in ProjectKey]: (typeof KEYS)[K] extends Record<F, unknown> ? K : never }[ProjectKey];
/** Keys the table gives bounds, values, or a boolean type: the reporter reads them by the table alone. */
export type IntegerKey = KeysWith<"range">;
export type ChoiceKey = KeysWith<"values">;
export type BooleanKey = { [K in ProjectKey]: (typeof KEYS)[K]["type"] extends "boolean" ? K : never }[ProjectKey];

export function isProjectKey(name: string): name is ProjectKey {
    return name in KEYS;
}
