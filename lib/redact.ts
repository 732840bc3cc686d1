/**
 * Hides credentials in any text a user or a pull request may see: config
 * errors, warnings, and every format of the offline plan. Applied to whole
 * messages, after the fact, so no check that echoes a value can forget it.
 */

/** A URL's userinfo: everything up to the last "@" of the authority, so a password holding "@" goes too. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]*@/gi;

/** Query parameters that carry credentials in clone and API URLs. */
const CREDENTIAL_PARAMETERS =
    "access_token|private_token|token|oauth_token|password|passwd|pwd|secret|client_secret|sig|signature|api_key|apikey|key|auth";
const CREDENTIAL_QUERY = new RegExp(String.raw`([?&](?:${CREDENTIAL_PARAMETERS})=)[^&#\s"'<>]*`, "gi");

/** Tokens by their documented prefixes: GitHub, GitLab, Databricks, Atlassian, Slack-style and AWS keys. */
const TOKEN_PATTERNS = [
    String.raw`gh[pousr]_[A-Za-z0-9]{10,}`,
    String.raw`github_pat_[A-Za-z0-9_]{20,}`,
    String.raw`glpat-[A-Za-z0-9_-]{10,}`,
    String.raw`dapi[0-9a-f]{16,}(?:-\d+)?`,
    String.raw`dose[A-Za-z0-9_]{8,}`,
    String.raw`ATBB[A-Za-z0-9]{16,}`,
    String.raw`xox[abpr]-[A-Za-z0-9-]{10,}`,
    String.raw`AKIA[0-9A-Z]{16}`,
];
const TOKEN_SHAPES = new RegExp(String.raw`\b(?:${TOKEN_PATTERNS.join("|")})\b`, "g");

export const REDACTED = "***";

export function redact(text: string): string {
    return text.replace(URL_USERINFO, `$1${REDACTED}@`).replace(CREDENTIAL_QUERY, `$1${REDACTED}`).replace(TOKEN_SHAPES, REDACTED);
}

/** Credentials by the secret they are: a Git provider's token, a Databricks personal access token, a Databricks OAuth secret. */
const TOKEN_KINDS = [
    { kind: "git", pattern: /^(?:gh[pousr]_[A-Za-z0-9]{10,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{10,}|ATBB[A-Za-z0-9]{16,})$/ },
    { kind: "databricks", pattern: /^dapi[0-9a-f]{16,}(?:-\d+)?$/ },
    { kind: "oauth", pattern: /^dose[A-Za-z0-9_]{8,}$/ },
] as const;

/** Which kind of credential a whole value is, by its documented prefix; undefined for anything else. */
export function tokenKind(value: string): (typeof TOKEN_KINDS)[number]["kind"] | undefined {
    return TOKEN_KINDS.find((candidate) => candidate.pattern.test(value.trim()))?.kind;
}

/** Whether a URL user name looks like a credential rather than an account or organisation name. */
export function looksLikeCredential(value: string): boolean {
    TOKEN_SHAPES.lastIndex = 0;
    if (TOKEN_SHAPES.test(value)) return true;
    // Opaque strings: long, with digits and letters, and none of the dots or dashes of names.
    return value.length >= 20 && /\d/.test(value) && /[A-Za-z]/.test(value) && !/[.@\s-]/.test(value);
}
