/** databricks:host of an existing workspace: https, no credentials in it, and on the stack's cloud. */
import { CLOUD_PROFILES, type Cloud, cloudOfHost } from "../../lib/clouds";
import { configSetCommand, projectKey } from "../errors";
import { an, parseUrl } from "../patterns";
import type { Reporter } from "../reporter";

export function checkHost(r: Reporter, host: string, cloud: Cloud | undefined, stack: string): void {
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
        // The host meant, over https: http://dbc-1… or a bare dbc-1… name.
        const named = hostUrl?.hostname || (/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host) ? host : undefined);
        r.problem(
            key,
            host,
            "the workspace URL over https, e.g. https://dbc-1234.cloud.databricks.com",
            named ? `https://${named}` : hostFix,
        );
    } else if ((hostUrl.pathname !== "/" && hostUrl.pathname !== "") || hostUrl.search || hostUrl.hash) {
        // A URL copied from the browser (…/?o=123#job/1): the provider itself reads databricks:host, so only the key can be fixed.
        r.problem(key, host, "the workspace's origin alone, https://<host>, without a path, query or fragment", hostUrl.origin);
    } else if (cloud) {
        const owner = cloudOfHost(hostUrl.hostname);
        const profile = CLOUD_PROFILES[cloud];
        if (owner !== undefined && owner !== cloud) {
            // A workspace URL is copied from the workspace itself; the one-word cloud key is the likelier slip.
            r.problem(
                key,
                host,
                `${an(profile.label)} workspace (*${profile.hostSuffixes.join(", *")}); ${hostUrl.hostname} is ` +
                    `${an(CLOUD_PROFILES[owner].label)} workspace. Either set cloud to ${owner} or fix databricks:host`,
                "",
                { fix: configSetCommand(projectKey("cloud"), owner, stack) },
            );
        } else if (owner === undefined) {
            r.warn(
                `databricks:host ${hostUrl.hostname} is not a known ${profile.label} Databricks domain (a private-link alias, perhaps); ` +
                    `the cloud cannot be checked against it.`,
            );
        }
    }
}
