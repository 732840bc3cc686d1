/** The stack as a whole: its cloud, who uses it, and whether it is protected. */
import type { KeyDeclaration } from "../keyTable";

export const STACK_KEYS = {
    cloud: {
        type: "string",
        description: "Cloud of the Databricks workspace: aws, azure or gcp. Decides the worker type and the spot settings.",
    },
    environmentUser: {
        type: "string",
        default: "",
        description:
            "The workspace user who runs the notebook, e.g. alice@example.com. Owns the SINGLE_USER cluster " +
            "unless singleUserName says otherwise, and may restart the cluster and run the notebook and the " +
            "Repo's code. Needed when pulumi up runs as a service principal (as CI does, and workspace: create on " +
            "AWS always does). Empty: the identity that runs pulumi up.",
    },
    environmentGroup: {
        type: "string",
        default: "",
        description:
            "A workspace group whose members may restart the cluster and run the notebook and the Repo's code " +
            "(with accessMode NONE they can also share the cluster). Empty: no group.",
    },
    protect: {
        type: "boolean",
        default: false,
        description:
            "true: protect every resource of the stack, so pulumi destroy refuses to remove them (for prod). " +
            "Unprotect with pulumi state unprotect --all.",
    },
} as const satisfies Record<string, KeyDeclaration>;
