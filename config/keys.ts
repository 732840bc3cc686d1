/**
 * Keys the stack sets but the program never reads: a typo silently drops a
 * setting (`protected: true` leaves prod unprotected). Project keys that are
 * not declared are refused; a provider namespace that looks like a typo of a
 * known one is warned about.
 */
import { nearest } from "../lib/editDistance";
import { type ConfigProblem, PROJECT, configSetCommand } from "./errors";

/** Every project key the program reads, from the key table; Pulumi.yaml declares exactly these. */
export { PROJECT_KEYS } from "./keyTable";

/** The providers' own secret keys: the CLI does not know they are secrets, so a plaintext one only warns. */
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

/** Judges every full key the stack sets (`<namespace>:<name>`) against the declared project keys. */
export function strayKeys(fullKeys: readonly string[], declared: readonly string[], stack: string): StrayKeys {
    const problems: ConfigProblem[] = [];
    const warnings: string[] = [];
    for (const fullKey of fullKeys) {
        const [namespace, ...rest] = fullKey.split(":");
        const name = rest.join(":");
        if (namespace === PROJECT) {
            if (declared.includes(name)) continue;
            const suggestion = nearest(name, declared);
            const didYouMean = suggestion ? `; did you mean ${suggestion}?` : "";
            const setInstead = suggestion ? ` && ${configSetCommand(`${PROJECT}:${suggestion}`, "<value>", stack)}` : "";
            problems.push({
                key: fullKey,
                value: undefined,
                allowed: `a key Pulumi.yaml declares${didYouMean} (an unknown key is never read, so its setting would be lost)`,
                fix: `pulumi config rm ${name} --stack ${stack}${setInstead}`,
            });
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
