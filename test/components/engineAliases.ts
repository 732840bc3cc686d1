/**
 * How the engine finds a registration's old state, after Pulumi's
 * pkg/resource/deploy/step_generator.go (generateAliases, collapseAliasToUrn,
 * inheritedChildAlias): a resource is looked up by its URN, then by each of
 * its aliases; a child of a parent found by an alias is also looked up under
 * that alias (with the parent's old name as its own name's prefix), so a
 * component's new type carries its whole subtree. An explicit provider found
 * by an alias is the same provider to the resources using it (providerChanged).
 */
import type { RecordedAlias, RecordedPlacement } from "../../plan/mocks";

interface UrnParts {
    stack: string;
    project: string;
    /** The type chain: `parent$...$type`. */
    qualifiedType: string;
    name: string;
}

function parse(urn: string): UrnParts {
    const [stack, project, qualifiedType, ...name] = urn.slice("urn:pulumi:".length).split("::");
    return { stack, project, qualifiedType, name: name.join("::") };
}

/** NewURN: the parent's type chain (none for the stack) before the resource's own type. */
function newUrn(stack: string, project: string, parentQualifiedType: string, type: string, name: string): string {
    const qualified = parentQualifiedType ? `${parentQualifiedType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function collapse(placement: RecordedPlacement, alias: RecordedAlias): string {
    if (alias.urn) return alias.urn;
    const own = parse(placement.urn);
    const parentUrn = alias.noParent ? "" : (alias.parentUrn ?? placement.parent);
    const parentType = parentUrn ? parse(parentUrn).qualifiedType : "";
    return newUrn(own.stack, own.project, parentType, alias.type ?? placement.type, alias.name ?? placement.name);
}

function inheritedChildAlias(childType: string, childName: string, parentName: string, parentAlias: string): string {
    const alias = parse(parentAlias);
    const name = childName.startsWith(parentName) ? alias.name + childName.slice(parentName.length) : childName;
    return newUrn(alias.stack, alias.project, alias.qualifiedType, childType, name);
}

/** Each registration's URN and aliases, in the order the engine tries them. */
function candidates(placement: RecordedPlacement, foundByAlias: ReadonlyMap<string, string>): string[] {
    const own = placement.aliases.map((alias) => collapse(placement, alias));
    const parentAlias = placement.parent ? foundByAlias.get(placement.parent) : undefined;
    const inherited = parentAlias
        ? [placement.urn, ...own].map((urn) => {
              const { qualifiedType, name } = parse(urn);
              return inheritedChildAlias(qualifiedType.split("$").pop()!, name, parse(placement.parent).name, parentAlias);
          })
        : [];
    return [placement.urn, ...new Set([...own, ...inherited])];
}

/** The old URN each registration (in registration order) finds, or undefined: a create. */
export function resolveOldState(placements: readonly RecordedPlacement[], oldUrns: ReadonlySet<string>): Map<string, string | undefined> {
    const foundByAlias = new Map<string, string>();
    const found = new Map<string, string | undefined>();
    for (const placement of placements) {
        const match = candidates(placement, foundByAlias).find((urn) => oldUrns.has(urn));
        if (match !== undefined && match !== placement.urn) foundByAlias.set(placement.urn, match);
        found.set(placement.urn, match);
    }
    return found;
}
