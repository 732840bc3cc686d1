/**
 * The shared config: the per-cloud table, the defaults, the key table and
 * the validation. Reading Pulumi's runtime config is config/load's.
 */
export * from "../lib/clouds";
export * from "./environment";
export * from "./errors";
export * from "./inputs";
export * from "./job";
export * from "./keys";
export * from "./settings";
export * from "./workspace";

export { KEYS, type KeyDeclaration, type ProjectKey, SECRET_PROJECT_KEYS, isProjectKey } from "./keyTable";
export type { ComponentInputsContext, LoadedConfig } from "./load";
