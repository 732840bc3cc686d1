/**
 * Secrets stay secrets: a secret key in plaintext (the project's or a
 * provider's) is refused, and so is a credential pasted into a plain key,
 * each with the command that stores it as the secret it is, read through
 * `pulumi config get` so the fix never prints it.
 */
import { tokenKind } from "../../lib/redact";
import { PROJECT, type ConfigProblem, configRmCommand, configSetCommand, moveToSecretCommand, projectKey } from "../errors";
import { PROJECT_KEYS, type ProjectKey, SECRET_PROJECT_KEYS } from "../keyTable";
import type { RawConfig, Reporter } from "../reporter";

/** The secret key a credential of each kind belongs in. */
const SECRET_HOME = {
    git: projectKey("gitToken"),
    databricks: "databricks:token",
    oauth: projectKey("databricksClientSecret"),
} as const;

/** Keys whose own rule already refuses a credential in them, with a fix of its own (gitUrl: the URL without it). */
const OWN_CREDENTIAL_RULE: readonly ProjectKey[] = ["gitUrl"];

/** Every secret key the stack holds in plaintext: anyone with the repository reads it. Stored again as a secret; rotate it too. */
export function checkPlaintextSecrets(r: Reporter, keys: readonly string[], stack: string): void {
    for (const key of keys) {
        const fix = moveToSecretCommand(key, key, stack);
        const allowed =
            "a secret: stored encrypted (pulumi config set --secret), never in plaintext in the stack file, which anyone " +
            "with the repository reads; rotate it, since it was readable";
        if (key.startsWith(projectKey(""))) r.problem(key.slice(PROJECT.length + 1) as ProjectKey, "(plaintext)", allowed, "", { fix });
        else r.problem(key as `${string}:${string}`, "(plaintext)", allowed, "", { fix });
    }
}

/** The problem for a plain key holding a credential: the credential moves to its secret key, the plain key is cleared. */
function misplacedCredential(name: ProjectKey, home: string, stack: string): Omit<ConfigProblem, "value"> {
    const store = moveToSecretCommand(projectKey(name), home, stack);
    // A user name is still needed after its token moves out: only the user knows it.
    const clear = name === "gitUsername" ? configSetCommand(name, "<git-username>", stack) : configRmCommand(projectKey(name), stack);
    return {
        key: projectKey(name),
        allowed:
            "no credential in a plain key, which the stack file holds in plaintext: this one looks like a token, " +
            `which belongs in the secret ${home.replace(`${PROJECT}:`, "")}`,
        fix: `${store} && ${clear}`,
    };
}

/** Refuses a credential, by its documented prefix, in any plain project key. */
export function checkCredentialsInPlainKeys(r: Reporter, raw: RawConfig, stack: string): void {
    for (const name of PROJECT_KEYS) {
        if (SECRET_PROJECT_KEYS.includes(name) || OWN_CREDENTIAL_RULE.includes(name)) continue;
        const kind = tokenKind(raw[name] ?? "");
        if (!kind) continue;
        const problem = misplacedCredential(name, SECRET_HOME[kind], stack);
        r.problem(name, raw[name], problem.allowed, "", { fix: problem.fix });
    }
}
