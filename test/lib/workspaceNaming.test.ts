import fc from "fast-check";
import { defaultWorkspaceName } from "../../config/workspace";
import { azureResourceGroupNames, gcpCustomRoleId, gcpMemberFor, gcpServiceAccountId, rootBucketPrefix } from "../../lib/workspaceNaming";

const workspaceName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{1,62}[A-Za-z0-9]$/);

test("GCP service account ids are always valid", () => {
    fc.assert(fc.property(workspaceName, (name) => expect(gcpServiceAccountId(name)).toMatch(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/)));
});

test("every stack gets its own service account and custom role, even where the names are cut", () => {
    // Cut before "-dbx" alone, all of these were databricks-kedro-stack-gpr-dbx (or -pro-dbx, -pr--dbx).
    const stacks = ["gprod-eu", "gproduction", "gprod", "pr-12", "pr-13", "prod", "prod-eu", "production", "dev"];
    const names = stacks.map((stack) => defaultWorkspaceName("databricks-kedro-stack", stack));
    const accounts = names.map(gcpServiceAccountId);
    expect(new Set(accounts).size).toBe(stacks.length);
    for (const account of accounts) expect(account).toMatch(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
    expect(new Set(names.map(gcpCustomRoleId)).size).toBe(stacks.length);
    // A name that fits keeps its readable form.
    expect(gcpServiceAccountId("iris-dev")).toBe("iris-dev-dbx");
});

test("workspace names, service accounts, roles and bucket prefixes of distinct long names stay distinct", () => {
    const longName = fc.stringMatching(/^[a-z][a-z0-9-]{40,62}[a-z0-9]$/);
    fc.assert(
        fc.property(longName, longName, (a, b) => {
            fc.pre(a !== b);
            expect(gcpServiceAccountId(a)).not.toBe(gcpServiceAccountId(b));
            expect(gcpCustomRoleId(a)).not.toBe(gcpCustomRoleId(b));
            expect(rootBucketPrefix(a)).not.toBe(rootBucketPrefix(b));
            expect(defaultWorkspaceName(a, "x".repeat(20))).not.toBe(defaultWorkspaceName(b, "x".repeat(20)));
        }),
    );
});

test("S3 bucket prefixes are lowercase and leave room for the random suffix", () => {
    fc.assert(
        fc.property(workspaceName, (name) => {
            const prefix = rootBucketPrefix(name);
            expect(prefix.length).toBeLessThanOrEqual(37);
            expect(prefix).toMatch(/^[a-z0-9][a-z0-9-]*-root-$/);
        }),
    );
});

test("identities become IAM members of the right kind", () => {
    expect(gcpMemberFor("alice@example.com")).toBe("user:alice@example.com");
    expect(gcpMemberFor("ci@acme.iam.gserviceaccount.com")).toBe("serviceAccount:ci@acme.iam.gserviceaccount.com");
});

test("Azure resource groups", () => {
    expect(azureResourceGroupNames("ws")).toEqual({ resourceGroup: "rg-ws", managedResourceGroup: "rg-ws-managed" });
});
