/**
 * Inputs whose change makes the provider replace a resource instead of
 * updating it, as the Databricks provider's schema marks them (`force_new`
 * on the struct tags of repos/resource_repo.go and catalog/resource_volume.go,
 * and on `path` in workspace/file_resource.go's FileContentSchema, which the
 * file and workspace-file resources share).
 * Pulumi then creates the new resource first unless it is told to delete
 * first. A volume's name alone is renamed in place; a new catalog or schema
 * makes a new volume, and the old one is dropped with its files.
 */
export const FORCE_NEW_INPUTS: Readonly<Record<string, readonly string[]>> = {
    "databricks:index/repo:Repo": ["url", "gitProvider", "path", "sparseCheckout"],
    "databricks:index/volume:Volume": ["catalogName", "schemaName", "volumeType", "storageLocation"],
    "databricks:index/file:File": ["path"],
    "databricks:index/workspaceFile:WorkspaceFile": ["path"],
};

/** The force-new inputs that differ between two sets of inputs of one resource type; empty for an in-place update. */
export function replacingChanges(type: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    return (FORCE_NEW_INPUTS[type] ?? []).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
