/**
 * Keys the stack sets but the program never reads: a typo silently drops a
 * setting (`protected: true` leaves prod unprotected). Project keys that are
 * not declared are refused; a provider namespace that looks like a typo of a
 * known one is warned about.
 */
import { nearest } from "../lib/editDistance";
import { type ConfigProblem, PROJECT, configRmCommand, configSetCommand, configSetListItems, moveToSecretCommand } from "./errors";
import { KEYS, PROJECT_KEYS, type ProjectKey, SECRET_PROJECT_KEYS, cliDefault } from "./keyTable";
import type { StackConfigEntry } from "./types";
import { parseStringList } from "./values";

/** Every project key the program reads, from the key table; Pulumi.yaml declares exactly these. */
export { PROJECT_KEYS } from "./keyTable";

/** The providers' own secret keys: the CLI does not know they are secrets, so the program refuses them in plaintext. */
export const PROVIDER_SECRET_KEYS: readonly string[] = [
    "databricks:token",
    "databricks:clientSecret",
    "databricks:password",
    "github:token",
    "azure-native:clientSecret",
    "gcp:credentials",
];

/** The providers whose own config a stack may carry. */
export const PROVIDER_NAMESPACES = ["databricks", "aws", "azure-native", "azure", "gcp", "github", "pulumi"] as const;

export interface StrayKeys {
    problems: ConfigProblem[];
    warnings: string[];
}

/**
 * The fix for a project key nothing reads that is a typo of `meant`: the
 * value moves to the key meant, so what the user set is kept. A secret (or a
 * value bound for a secret key) moves through `pulumi config get`, so the fix
 * never prints it; a list moves item by item.
 */
function moveCommand(typo: string, meant: ProjectKey, entry: StackConfigEntry, stack: string): string {
    const from = `${PROJECT}:${typo}`;
    const secretTarget = SECRET_PROJECT_KEYS.includes(meant);
    if (entry.secret || secretTarget || entry.value === undefined)
        return `${moveToSecretCommand(from, meant, stack)} && ${configRmCommand(from, stack)}`;
    // A list key set under another name, or a retired single-value key (jobPipeline), moves item by item.
    const list = KEYS[meant].type === "array" ? (parseStringList(entry.value) ?? [entry.value]) : undefined;
    if (list) return `${configRmCommand(from, stack)} && ${configSetListItems(meant, list, stack)}`;
    return `${configRmCommand(from, stack)} && ${configSetCommand(meant, entry.value, stack)}`;
}

/** A project key the program never reads: refused, with the key meant (and its value carried over) where one is near. */
function strayProjectKey(name: string, entry: StackConfigEntry, stackConfig: Readonly<Record<string, StackConfigEntry>>, stack: string) {
    const fullKey = `${PROJECT}:${name}`;
    const value = entry.secret ? "(secret)" : entry.value;
    if (name === "")
        return {
            key: fullKey,
            value,
            allowed: "a key with a name: nothing follows the colon, so nothing reads it",
            fix: configRmCommand(fullKey, stack),
        };
    const meant = nearest(name, PROJECT_KEYS) as ProjectKey | undefined;
    const lost = "an unknown key is never read, so its setting would be lost";
    if (!meant) return { key: fullKey, value, allowed: `a key Pulumi.yaml declares (${lost})`, fix: configRmCommand(fullKey, stack) };
    // The key meant is set as well: the misspelt one is the stray copy.
    // The CLI passes Pulumi.yaml's defaults as values: only a value other than the default was set.
    const target = stackConfig[`${PROJECT}:${meant}`];
    const alsoSet = target !== undefined && (target.secret || target.value !== (cliDefault(meant) ?? ""));
    return {
        key: fullKey,
        value,
        allowed: `a key Pulumi.yaml declares; did you mean ${meant}? (${lost}${alsoSet ? `; ${meant} is set too` : ""})`,
        fix: alsoSet ? configRmCommand(fullKey, stack) : moveCommand(name, meant, entry, stack),
    };
}

/** Judges every full key the stack sets (`<namespace>:<name>`) against the project keys. */
export function strayKeys(stackConfig: Readonly<Record<string, StackConfigEntry>>, stack: string): StrayKeys {
    const problems: ConfigProblem[] = [];
    const warnings: string[] = [];
    for (const [fullKey, entry] of Object.entries(stackConfig)) {
        const [namespace, ...rest] = fullKey.split(":");
        const name = rest.join(":");
        if (namespace === PROJECT) {
            if (!(PROJECT_KEYS as readonly string[]).includes(name)) problems.push(strayProjectKey(name, entry, stackConfig, stack));
        } else if (!(PROVIDER_NAMESPACES as readonly string[]).includes(namespace)) {
            const suggestion = nearest(namespace, [...PROVIDER_NAMESPACES, PROJECT]);
            if (suggestion)
                warnings.push(
                    `${fullKey} is in no provider's namespace; did you mean ${suggestion}:${name}? As it is, no provider reads it.`,
                );
        }
    }
    return { problems, warnings };
}
