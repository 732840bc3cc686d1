/**
 * Who uses the environment, as opposed to who deploys it. When CI runs
 * `pulumi up` as a service principal, getCurrentUser() names the service
 * principal (its application id): it owns the Repo, the notebook and the
 * cluster, and no person can use a single-user cluster assigned to it.
 */
import { RunError } from "@pulumi/pulumi/errors";

/** The identity running `pulumi up`, as getCurrentUser reports it. */
export interface DeployingIdentity {
    userName: string;
    /** `users/<name>` or `servicePrincipals/<application id>`. */
    aclPrincipalId: string;
}

export interface EnvironmentPeople {
    /** A workspace user who runs the notebook. */
    user?: string;
    /** A workspace group whose members use the environment. */
    group?: string;
}

export interface AccessControl {
    userName?: string;
    groupName?: string;
    servicePrincipalName?: string;
    permissionLevel: string;
}

/**
 * The levels each object grants the people: attach and restart the cluster,
 * run the notebook, read the Repo's code, and start or cancel the job's runs.
 */
export const PEOPLE_PERMISSIONS = { cluster: "CAN_RESTART", notebook: "CAN_RUN", repo: "CAN_RUN", job: "CAN_MANAGE_RUN" } as const;

export function isServicePrincipal(identity: DeployingIdentity): boolean {
    return identity.aclPrincipalId.startsWith("servicePrincipals/");
}

/**
 * The owner of a SINGLE_USER cluster: singleUserName, else environmentUser,
 * else the deploying identity when it is a person. A service principal with
 * no person named gets a clear error in preview, before the cluster exists.
 */
export function singleUserOf(
    singleUserName: string | undefined,
    people: EnvironmentPeople,
    identity: DeployingIdentity,
    stack: string,
): string {
    const named = singleUserName ?? people.user;
    if (named !== undefined) return named;
    if (!isServicePrincipal(identity)) return identity.userName;
    throw new RunError(
        `pulumi up runs as the service principal ${identity.userName}, which would own the SINGLE_USER cluster, ` +
            "where no person can run the notebook.\n" +
            `    Name the person who uses the environment: pulumi config set environmentUser '<you@example.com>' --stack ${stack}\n` +
            `    (or singleUserName for the cluster alone, or accessMode NONE to share the cluster).`,
    );
}

/**
 * The access controls that give the people a level on an object. The
 * deploying identity is left out: it manages what it creates, and the
 * provider refuses any lower level for it.
 */
export function accessControlsFor(people: EnvironmentPeople, identity: DeployingIdentity, permissionLevel: string): AccessControl[] {
    const controls: AccessControl[] = [];
    if (people.user !== undefined && people.user.toLowerCase() !== identity.userName.toLowerCase())
        controls.push({ userName: people.user, permissionLevel });
    if (people.group !== undefined) controls.push({ groupName: people.group, permissionLevel });
    if (controls.length === 0) {
        throw new RunError(
            `environmentUser ${people.user} is the identity running pulumi up, which already manages everything the stack creates: unset ` +
                `it (pulumi config rm environmentUser), or name another person.`,
        );
    }
    return controls;
}

/**
 * A job's access controls: the people's, and the deploying identity as its
 * one owner. A job ACL must name exactly one IS_OWNER; left out, the provider
 * adds the current user as the owner by user_name (addOwnerPermissionIfNeeded),
 * which a service principal is not, and the Permissions API refuses the ACL.
 */
export function jobAccessControlsFor(people: EnvironmentPeople, identity: DeployingIdentity): AccessControl[] {
    const owner: AccessControl = isServicePrincipal(identity)
        ? { servicePrincipalName: identity.userName, permissionLevel: "IS_OWNER" }
        : { userName: identity.userName, permissionLevel: "IS_OWNER" };
    return [...accessControlsFor(people, identity, PEOPLE_PERMISSIONS.job), owner];
}
