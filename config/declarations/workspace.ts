/** workspace: existing or create, and what creating one needs. */
import type { KeyDeclaration } from "../keyTable";

export const WORKSPACE_KEYS = {
    workspace: {
        type: "string",
        default: "existing",
        description:
            "existing: use the workspace the Databricks provider config names (databricks:host). create: build a " +
            "workspace in the stack's cloud first, and deploy into it.",
    },
    workspaceName: {
        type: "string",
        default: "",
        description: "Name of the workspace that workspace: create builds. Empty: <project>-<stack>.",
    },
    databricksAccountId: {
        type: "string",
        default: "",
        environment: "databricksAccountId",
        description: "Databricks account id (a UUID), needed by workspace: create on AWS and GCP. Empty: DATABRICKS_ACCOUNT_ID.",
    },
    databricksClientId: {
        type: "string",
        default: "",
        environment: "databricksClientId",
        description: "OAuth client id of an account-admin service principal, for workspace: create on AWS. Empty: DATABRICKS_CLIENT_ID.",
    },
    databricksClientSecret: {
        type: "string",
        default: "",
        secret: "optional",
        description:
            "That service principal's OAuth secret. Set it with: pulumi config set --secret " +
            "databricksClientSecret <secret>; the program refuses a plaintext value. Empty: " +
            "DATABRICKS_CLIENT_SECRET. (Declared without secret: true only because a secret key cannot have the " +
            "empty default that keeps it optional.)",
    },
    databricksGoogleServiceAccount: {
        type: "string",
        default: "",
        description:
            "GCP, workspace: create: an existing Google service account, already a Databricks account admin, that " +
            "the identity running pulumi up may impersonate; the stack then creates no service account, role or " +
            "binding and skips the one-time console step. Empty: the stack creates a workspace-creator service " +
            "account with Databricks' documented custom role.",
    },
} as const satisfies Record<string, KeyDeclaration>;
