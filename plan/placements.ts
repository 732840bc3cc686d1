/**
 * Where the engine would place each registration: its URN with the whole
 * type chain of its parents (the SDK's mock monitor prefixes only the
 * parent's own type), its parent's URN and its alias specs, read from the
 * RegisterResourceRequest the SDK sends.
 */
import * as pulumi from "@pulumi/pulumi";

/** An alias as the SDK sends it (an alias spec): unset fields mean the resource's own. */
export interface RecordedAlias {
    urn?: string;
    name?: string;
    type?: string;
    /** The parent's URN; "" for none given, and noParent for an alias at the stack's root. */
    parentUrn?: string;
    noParent?: boolean;
}

/** Where the engine would place a registration: its URN (the whole type chain), its parent's, and the aliases that find its old state. */
export interface RecordedPlacement {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    aliases: RecordedAlias[];
}

export interface AliasMessage {
    getUrn(): string;
    hasSpec(): boolean;
    getSpec(): { getName(): string; getType(): string; getParenturn(): string; getNoparent(): boolean } | undefined;
}

export interface PlacementRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getAliasesList(): AliasMessage[];
}

function aliasesOf(request: PlacementRequest, engineUrnOf: (mockUrn: string) => string): RecordedAlias[] {
    return request.getAliasesList().map((alias): RecordedAlias => {
        const spec = alias.hasSpec() ? alias.getSpec() : undefined;
        if (!spec) return { urn: alias.getUrn() };
        return {
            ...(spec.getName() ? { name: spec.getName() } : {}),
            ...(spec.getType() ? { type: spec.getType() } : {}),
            ...(spec.getParenturn() ? { parentUrn: engineUrnOf(spec.getParenturn()) } : {}),
            ...(spec.getNoparent() ? { noParent: true } : {}),
        };
    });
}

export class Placements {
    readonly all: RecordedPlacement[] = [];

    /** Engine URNs by the mock monitor's: the mocks prefix only the parent's own type, the engine its whole type chain. */
    private readonly engineUrns = new Map<string, string>();

    add(request: PlacementRequest, mockUrn: string): void {
        const engineUrnOf = (urn: string) => this.engineUrns.get(urn) ?? urn;
        const parent = request.getParent() ? engineUrnOf(request.getParent()) : "";
        const chain = parent ? `${parent.split("::")[2]}$${request.getType()}` : request.getType();
        const urn = ["urn:pulumi:" + pulumi.getStack(), pulumi.getProject(), chain, request.getName()].join("::");
        this.engineUrns.set(mockUrn, urn);
        const aliases = aliasesOf(request, engineUrnOf);
        this.all.push({ urn, type: request.getType(), name: request.getName(), custom: request.getCustom(), parent, aliases });
    }
}
