/**
 * What the Pulumi CLI refuses in a stack file before any program runs, as
 * pkg/workspace/config.go's validateStackConfigValue and sdk/go/common/
 * workspace/project.go's ValidateConfigValue decide it: a declared secret in
 * plaintext; a string key given anything but text; an integer key given
 * anything but a whole number or text that Go's Atoi reads; a boolean key
 * given anything but a YAML boolean or the exact text "true" or "false"
 * (`yes` and `True` are refused); an array key given anything but a list.
 * Each refusal carries the command that fixes it, keeping what was meant.
 */
import { configRmCommand, configSetCommand, configSetListCommand, moveToSecretCommand } from "../config/errors";
import { booleanMeant } from "../config/values";

export interface Declaration {
    type?: string;
    secret?: boolean;
    default?: unknown;
}

export interface CliRefusal {
    /** Why, as one clause. */
    reason: string;
    fix: string;
}

/** Whether the CLI's check takes a value for a declared type. */
function cliAccepts(type: string | undefined, value: unknown): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            return (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && /^[+-]?\d+$/.test(value));
        case "boolean":
            return typeof value === "boolean" || value === "true" || value === "false";
        case "array":
            return Array.isArray(value);
        default:
            return true;
    }
}

/** The value a refused one meant, as the declared type takes it; undefined when nothing in it says. */
function meantValue(type: string | undefined, value: unknown): string | string[] | undefined {
    if (type === "boolean" && typeof value === "string") return booleanMeant(value)?.toString();
    if (type === "integer" && typeof value === "number") return String(Math.round(value));
    if (type === "integer" && typeof value === "string" && Number.isFinite(Number(value.trim())) && value.trim() !== "")
        return String(Math.round(Number(value.trim())));
    if (type === "string" && Array.isArray(value) && value.length === 1 && typeof value[0] === "string") return value[0];
    if (type === "string" && (typeof value === "number" || typeof value === "boolean")) return String(value);
    if (type === "array" && typeof value === "string") return [value];
    return undefined;
}

/** A list where one value is allowed: a key of another kind takes the many (environmentUser → environmentGroup). */
const MANY_KEYS: Readonly<Record<string, { key: string; what: string }>> = {
    environmentUser: { key: "environmentGroup", what: "a workspace group holding those users" },
};

/**
 * Why the CLI refuses a stack file's key, with the fix; undefined when it
 * takes it. `name` is the short key, `declaration` Pulumi.yaml's for it.
 */
export function cliRefusal(
    name: string,
    value: unknown,
    declaration: Declaration | undefined,
    stack: string,
    /** The value as the file spells it, where YAML changed it (gitBranch: 1.10 reads as 1.1). */
    source?: string,
): CliRefusal | undefined {
    if (!declaration) return undefined;
    if (declaration.secret)
        return { reason: "declared secret, but in plaintext in the stack file", fix: moveToSecretCommand(name, name, stack) };
    if (cliAccepts(declaration.type, value)) return undefined;
    const type = declaration.type!;
    const reason = value === null ? "an empty YAML entry, which is no value" : `not of the declared type ${type}`;
    if (value === null) return { reason, fix: configRmCommand(name, stack) };
    const many = MANY_KEYS[name];
    if (many && Array.isArray(value) && value.length > 1)
        return { reason: `${reason}: it takes one user; for several, use ${many.key}, ${many.what}`, fix: configRmCommand(name, stack) };
    const meant = type === "string" && source !== undefined && typeof value !== "object" ? source : meantValue(type, value);
    if (Array.isArray(meant)) return { reason, fix: configSetListCommand(name, meant, stack) };
    if (meant !== undefined) return { reason, fix: configSetCommand(name, meant, stack) };
    const fallback = declaration.default !== undefined && declaration.default !== "" ? String(declaration.default) : `<${name}>`;
    return { reason, fix: configSetCommand(name, type === "boolean" && fallback.startsWith("<") ? "false" : fallback, stack) };
}
