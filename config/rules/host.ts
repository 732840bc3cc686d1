/** databricks:host of an existing workspace: https, no credentials in it, and on the stack's cloud. */
import { CLOUD_PROFILES, type Cloud, cloudOfHost } from "../../lib/clouds";
import { an, parseUrl } from "../patterns";
import type { Reporter } from "../reporter";

export function checkHost(r: Reporter, host: string, cloud: Cloud | undefined): void {
    const hostUrl = parseUrl(host);
    const hostFix = cloud ? `https://<workspace>${CLOUD_PROFILES[cloud].hostSuffixes[0]}` : "https://<workspace-host>";
    const key = "databricks:host";
    if (hostUrl && (hostUrl.username || hostUrl.password)) {
        r.problem(
            key,
            host,
            "the workspace URL without a user name or password in it; credentials go in databricks:token (--secret) or the environment",
            hostFix,
        );
    } else if (!hostUrl || hostUrl.protocol !== "https:") {
        r.problem(key, host, "the workspace URL over https, e.g. https://dbc-1234.cloud.databricks.com", hostFix);
    } else if (cloud) {
        const owner = cloudOfHost(hostUrl.hostname);
        const profile = CLOUD_PROFILES[cloud];
        if (owner !== undefined && owner !== cloud) {
            r.problem(
                key,
                host,
                `${an(profile.label)} workspace (*${profile.hostSuffixes.join(", *")}); ${hostUrl.hostname} is ` +
                    `${an(CLOUD_PROFILES[owner].label)} workspace. Either fix databricks:host or set cloud to ${owner}`,
                hostFix,
            );
        } else if (owner === undefined) {
            r.warn(
                `databricks:host ${hostUrl.hostname} is not a known ${profile.label} Databricks domain (a private-link alias, perhaps); ` +
                    `the cloud cannot be checked against it.`,
            );
        }
    }
}
