/**
 * Component type tokens. `pulumi package add` accepts components in the
 * package's index module only, so every component's token is
 * `databricks-kedro-stack:index:<Class>`; one that had another token keeps
 * its old state through an alias of that type.
 */
import type * as pulumi from "@pulumi/pulumi";
import { PROJECT } from "../config/errors";

export const componentType = (className: string) => `${PROJECT}:index:${className}`;

/** The options with an alias to the type the component had before, so an existing stack's resources are found, not replaced. */
export function movedFrom(oldType: string, opts: pulumi.ComponentResourceOptions): pulumi.ComponentResourceOptions {
    return { ...opts, aliases: [...(opts.aliases ?? []), { type: oldType }] };
}
