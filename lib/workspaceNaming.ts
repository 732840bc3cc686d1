/** Names for cloud resources of a created workspace, within each cloud's limits and unique per stack. */
import { boundedName } from "./boundedName";

/** S3 bucket prefix: lowercase letters, digits and hyphens; Pulumi appends a random suffix (prefix max 37). */
export function rootBucketPrefix(workspaceName: string): string {
    const base = workspaceName
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+$/, "");
    return `${boundedName(base, 30)}-root-`;
}

/** GCP service account id: 6 to 30 characters, [a-z][a-z0-9-]*[a-z0-9]. */
export function gcpServiceAccountId(workspaceName: string): string {
    const base = workspaceName
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^[^a-z]+/, "")
        .replace(/-+$/, "");
    return boundedName(base || "kedro", 30, { suffix: "-dbx" }).padEnd(6, "x");
}

/** A custom role id unique to the workspace: letters, digits, `_` and `.`, 3 to 64 characters. */
export function gcpCustomRoleId(workspaceName: string): string {
    return boundedName(`databricksWorkspaceCreator_${workspaceName.replace(/[^A-Za-z0-9]+/g, "_")}`.replace(/_+$/, ""), 64, {
        separator: "_",
    });
}

/** IAM member string for an identity's email: service accounts differ from users. */
export function gcpMemberFor(email: string): string {
    return email.endsWith(".gserviceaccount.com") ? `serviceAccount:${email}` : `user:${email}`;
}

/** Azure resource group names for the workspace and the one Databricks manages. */
export function azureResourceGroupNames(workspaceName: string): { resourceGroup: string; managedResourceGroup: string } {
    return { resourceGroup: `rg-${workspaceName}`, managedResourceGroup: `rg-${workspaceName}-managed` };
}
