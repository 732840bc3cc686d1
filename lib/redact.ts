/**
 * Hides credentials in any text a user or a pull request may see: config
 * errors, warnings, and every format of the offline plan. Applied to whole
 * messages, after the fact, so no check that echoes a value can forget it.
 */

/** A URL's userinfo: everything up to the last "@" of the authority, so a password holding "@" goes too. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]*@/gi;

/** Query parameters that carry credentials in clone and API URLs. */
const CREDENTIAL_QUERY = /([?&](?:access_token|private_token|token|oauth_token|password|passwd|pwd|secret|client_secret|sig|signature|api_key|apikey|key|auth)=)[^&#\s"'<>]*/gi;

/** Tokens by their documented prefixes: GitHub, GitLab, Databricks, Atlassian, Slack-style and AWS keys. */
const TOKEN_SHAPES = /\b(?:gh[pousr]_[A-Za-z0-9]{10,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{10,}|dapi[0-9a-f]{16,}(?:-\d+)?|dose[A-Za-z0-9_]{8,}|ATBB[A-Za-z0-9]{16,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b/g;

export const REDACTED = "***";

export function redact(text: string): string {
    return text.replace(URL_USERINFO, `$1${REDACTED}@`).replace(CREDENTIAL_QUERY, `$1${REDACTED}`).replace(TOKEN_SHAPES, REDACTED);
}

/** Whether a URL user name looks like a credential rather than an account or organisation name. */
export function looksLikeCredential(value: string): boolean {
    TOKEN_SHAPES.lastIndex = 0;
    if (TOKEN_SHAPES.test(value)) return true;
    // Opaque strings: long, with digits and letters, and none of the dots or dashes of names.
    return value.length >= 20 && /\d/.test(value) && /[A-Za-z]/.test(value) && !/[.@\s-]/.test(value);
}
