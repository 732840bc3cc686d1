/**
 * A Unity Catalog volume the Kedro project keeps its data in:
 * `<catalog>.<schema>.<volume>`, read by files under `/Volumes/<catalog>/<schema>/<volume>`.
 */
export interface VolumeName {
    catalog: string;
    schema: string;
    volume: string;
}

/**
 * One part of a three-level name, as the stack accepts it: letters, digits
 * and underscores (names Unity Catalog takes without backquotes, in the lower
 * case it stores them in), at most 255 characters.
 */
const PART = /^[a-z0-9_]{1,255}$/;

export function parseVolumeName(value: string): VolumeName | undefined {
    const parts = value.split(".");
    if (parts.length !== 3 || !parts.every((part) => PART.test(part))) return undefined;
    const [catalog, schema, volume] = parts;
    return { catalog, schema, volume };
}

export const volumePath = ({ catalog, schema, volume }: VolumeName) => `/Volumes/${catalog}/${schema}/${volume}`;

export const volumeFullName = ({ catalog, schema, volume }: VolumeName) => `${catalog}.${schema}.${volume}`;

/** The Kedro runtime parameter the run gets the volume's path as: `${runtime_params:data_volume}` in the catalog. */
export const DATA_VOLUME_PARAM = "data_volume";

/** Unity Catalog's volume privileges (the Grants resource's names). */
export const VOLUME_PRIVILEGES = ["READ_VOLUME", "WRITE_VOLUME"] as const;

/** The Kedro runtime parameters a run gets: the volume's path, with a data volume. */
export function runtimeParamsFor(volume: VolumeName | undefined): Record<string, string> | undefined {
    return volume ? { [DATA_VOLUME_PARAM]: volumePath(volume) } : undefined;
}
