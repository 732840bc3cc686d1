/** Config values as Pulumi stores them, strings, read as the types Pulumi.yaml declares. Undefined: not of that type. */

export function parseInteger(raw: string): number | undefined {
    return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

export function parseBoolean(raw: string): boolean | undefined {
    const value = raw.trim().toLowerCase();
    return value === "true" ? true : value === "false" ? false : undefined;
}

/** An `array` of `string` key: the CLI hands it over as JSON. */
export function parseStringList(raw: string): string[] | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        return undefined;
    }
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : undefined;
}
