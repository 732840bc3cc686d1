/**
 * The project's data volume: a managed Unity Catalog volume in a catalog and
 * schema that exist, and read and write for the environment's people. Its id
 * is its three-level name, which the Grants take (the provider's volume and
 * grants resources). Managed: Unity Catalog keeps its files, so dropping the
 * volume (pulumi destroy) deletes them; protect keeps it.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as databricks from "./databricks";
import type { EnvironmentPeople } from "../lib/people";
import { VOLUME_PRIVILEGES, type VolumeName } from "../lib/volume";

export interface DataVolume {
    volume: databricks.Volume;
    /** The people's read and write; none when no person or group is named (the deployer owns the volume). */
    grants?: databricks.Grants;
}

export function declareDataVolume(
    name: string,
    volume: VolumeName,
    people: EnvironmentPeople,
    opts: pulumi.CustomResourceOptions,
): DataVolume {
    const resource = new databricks.Volume(
        `${name}-data-volume`,
        {
            catalogName: volume.catalog,
            schemaName: volume.schema,
            name: volume.volume,
            volumeType: "MANAGED",
            comment: "The Kedro project's data (managed by databricks-kedro-stack).",
        },
        opts,
    );
    const principals = [people.user, people.group].filter((principal): principal is string => principal !== undefined);
    const grants =
        principals.length === 0
            ? undefined
            : new databricks.Grants(
                  `${name}-data-volume-grants`,
                  { volume: resource.id, grants: principals.map((principal) => ({ principal, privileges: [...VOLUME_PRIVILEGES] })) },
                  opts,
              );
    return { volume: resource, grants };
}
