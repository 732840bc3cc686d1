/** Who uses the environment (environmentUser, environmentGroup), as opposed to who deploys it. */
import type { EnvironmentPeople } from "../../lib/people";
import type { AccessMode } from "../defaults";
import { projectKey } from "../errors";
import { ACCOUNT_NAME, GROUP_NAME } from "../patterns";
import type { Reporter } from "../reporter";

export function readPeople(r: Reporter, accessMode: AccessMode, singleUserName: string | undefined): EnvironmentPeople {
    // Users are e-mail-like names without spaces; group names may hold spaces. Neither may hold control characters.
    const people: EnvironmentPeople = {};
    const user = r.get("environmentUser");
    if (user !== undefined) {
        if (!ACCOUNT_NAME.test(user))
            r.problem(
                "environmentUser",
                user,
                "a workspace user name of at most 255 characters without spaces, e.g. alice@example.com",
                "<you@example.com>",
            );
        else people.user = user;
    }
    const group = r.get("environmentGroup");
    if (group !== undefined) {
        if (!GROUP_NAME.test(group))
            r.problem("environmentGroup", group, "a workspace group name of at most 255 characters, e.g. data-science", "data-science");
        else people.group = group;
    }
    if (people.group !== undefined && accessMode === "SINGLE_USER") {
        r.warn(
            `${projectKey("environmentGroup")} ${people.group} may restart the cluster, but only its single user can run commands on it ` +
                `(accessMode SINGLE_USER); set accessMode NONE for the group to share it.`,
        );
    }
    if (singleUserName !== undefined && accessMode !== "SINGLE_USER") {
        r.warn(
            `${projectKey("singleUserName")} is ignored: it only applies when accessMode is SINGLE_USER, and accessMode is ${accessMode}.`,
        );
    }
    return people;
}
