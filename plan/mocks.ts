/**
 * Pulumi unit-test mocks that record every registration and data-source call,
 * and answer like the services would. Depends on nothing of the project, so
 * the benchmark can run any program under it.
 */
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { type PlacementRequest, Placements, type RecordedPlacement } from "./placements";

export type { RecordedAlias, RecordedPlacement } from "./placements";

/** A value the SDK serialized as a secret: `{ <sig key>: <secret sig>, value }`. */
export function isSecretMarker(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[specialSigKey] === specialSecretSig;
}

/** Waits until every registration the program started has finished; the SDK leaves this wait out of its typings. */
export async function waitForRegistrations(): Promise<void> {
    const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
    await runtime.waitForRPCs?.();
}

/** The name of the provider a reference (`<urn>::<id>`) points at. */
export function providerNameOf(reference: string): string {
    return reference.split("::").slice(-2, -1)[0];
}

export interface FakeUser {
    userName: string;
    home: string;
    repos: string;
    workspaceUrl: string;
    /** `users/<name>`, or `servicePrincipals/<application id>` for a service principal. */
    aclPrincipalId: string;
}

export const WORKSPACES = {
    aws: "https://dbc-1234abcd-5678.cloud.databricks.com",
    azure: "https://adb-1234567890123456.7.azuredatabricks.net",
    gcp: "https://1234567890123456.7.gcp.databricks.com",
} as const;

export function fakeUser(workspaceUrl: string, userName = "alice@example.com"): FakeUser {
    return { userName, home: `/Users/${userName}`, repos: `/Repos/${userName}`, workspaceUrl, aclPrincipalId: `users/${userName}` };
}

/** A service principal as getCurrentUser reports it: its user name is its application id. */
export function fakeServicePrincipal(workspaceUrl: string, applicationId = "6f1b2c3d-0000-4000-8000-00000000c1c1"): FakeUser {
    return { ...fakeUser(workspaceUrl, applicationId), aclPrincipalId: `servicePrincipals/${applicationId}` };
}

/** The resource options the engine would act on, as the SDK put them in the RegisterResourceRequest. */
export interface RegistrationOptions {
    protect: boolean;
    deleteBeforeReplace: boolean;
    replaceOnChanges: string[];
    /** Left in place when the stack deletes or replaces it. */
    retainOnDelete: boolean;
}

export interface RecordedResource {
    type: string;
    name: string;
    inputs: Record<string, any>;
    provider?: string;
    custom?: boolean;
    options: RegistrationOptions;
    /** What the mock service answers: the id and the outputs (inputs and what the service computes). */
    id?: string;
    state?: Record<string, any>;
}

interface RegisterRequest extends PlacementRequest {
    getProtect(): boolean | undefined;
    getDeletebeforereplace(): boolean;
    getReplaceonchangesList(): string[];
    getRetainondelete(): boolean | undefined;
}

export interface RecordedCall {
    token: string;
    inputs: Record<string, any>;
    provider?: string;
}

/** A stable numeric id from a name: Git credential ids are numbers, and ids must not depend on timing. */
function stableId(name: string): string {
    let hash = 2166136261;
    for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    return String(hash);
}

/** What the cloud services would compute for a new resource. */
function computedState(args: pulumi.runtime.MockResourceArgs, id: string): Record<string, any> {
    switch (args.type) {
        case "databricks:index/repo:Repo":
            // The provider reads back the head commit of the branch it checked out.
            return {
                workspacePath: `/Workspace${args.inputs.path}`,
                commitHash: args.inputs.commitHash ?? "0123456789abcdef0123456789abcdef01234567",
            };
        case "databricks:index/workspaceFile:WorkspaceFile":
            // The provider's workspace_path: the path as clusters and jobs read it.
            return { workspacePath: `/Workspace${args.inputs.path}` };
        case "databricks:index/mwsWorkspaces:MwsWorkspaces":
            return {
                workspaceId: id,
                workspaceUrl: args.inputs.cloudResourceContainer
                    ? `https://${id}.1.gcp.databricks.com`
                    : `https://${args.inputs.workspaceName}.cloud.databricks.com`,
            };
        case "databricks:index/mwsCredentials:MwsCredentials":
            return { credentialsId: `cred-${id}` };
        case "databricks:index/mwsStorageConfigurations:MwsStorageConfigurations":
            return { storageConfigurationId: `storage-${id}` };
        case "aws:s3/bucket:Bucket":
            return { bucket: `${args.inputs.bucketPrefix ?? ""}20261124`, arn: `arn:aws:s3:::${args.inputs.bucketPrefix}20261124` };
        case "aws:iam/role:Role":
            return { arn: `arn:aws:iam::123456789012:role/${args.name}`, name: args.name };
        case "azure-native:resources:ResourceGroup":
            return { name: args.inputs.resourceGroupName };
        case "azure-native:databricks:Workspace":
            return { workspaceUrl: `adb-${id}.7.azuredatabricks.net` };
        case "github:index/repository:Repository":
            return { httpCloneUrl: `https://github.com/acme/${args.inputs.name}.git`, fullName: `acme/${args.inputs.name}` };
        case "gcp:projects/iAMCustomRole:IAMCustomRole":
            return { name: `projects/${args.inputs.project}/roles/${args.inputs.roleId}` };
        case "gcp:serviceaccount/account:Account":
            return {
                email: `${args.inputs.accountId}@${args.inputs.project}.iam.gserviceaccount.com`,
                name: `projects/${args.inputs.project}/serviceAccounts/${args.inputs.accountId}`,
            };
        default:
            return {};
    }
}

export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly resources: RecordedResource[] = [];
    readonly calls: RecordedCall[] = [];
    /** Every registration in order, components included, as the engine would place it. */
    private readonly placed = new Placements();
    readonly placements: RecordedPlacement[] = this.placed.all;

    /** Options by `<type>::<name>`, read from the requests before the mocks see them. */
    private readonly options = new Map<string, RegistrationOptions>();

    /** Registrations of these types stay pending until release(), as a slow create would. */
    private readonly held = new Set<string>();
    private readonly waiting: Array<() => void> = [];

    constructor(private readonly user: FakeUser) {}

    hold(type: string): void {
        this.held.add(type);
    }

    release(): void {
        this.held.clear();
        this.waiting.splice(0).forEach((resume) => resume());
    }

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
        if (this.held.has(args.type)) await new Promise<void>((resume) => this.waiting.push(resume));
        return this.register(args);
    }

    /**
     * Reads every registration's options from the request itself: the SDK's
     * mock monitor passes the mocks only type, name, inputs and provider.
     */
    observe(monitor: unknown): void {
        const target = monitor as { registerResource: (request: RegisterRequest, callback: unknown) => unknown };
        const original = target.registerResource.bind(target);
        target.registerResource = (request, callback) => {
            this.options.set(`${request.getType()}::${request.getName()}`, {
                protect: request.getProtect() ?? false,
                deleteBeforeReplace: request.getDeletebeforereplace(),
                replaceOnChanges: request.getReplaceonchangesList(),
                retainOnDelete: request.getRetainondelete() ?? false,
            });
            const placed = (error: unknown, response?: { getUrn(): string }) => {
                if (!error && response) this.placed.add(request, response.getUrn());
                (callback as (error: unknown, response: unknown) => void)(error, response);
            };
            return original(request, placed);
        };
    }

    private register(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        const options = this.options.get(`${args.type}::${args.name}`) ?? {
            protect: false,
            deleteBeforeReplace: false,
            replaceOnChanges: [],
            retainOnDelete: false,
        };
        const number = stableId(`${args.type}::${args.name}`);
        // Like the provider, echo the inputs and fill in what the service computes.
        const state: Record<string, any> = { ...args.inputs, ...computedState(args, number) };
        // Azure resources are identified by their ARM resource id, an S3 bucket by its name.
        const id =
            args.type === "azure-native:databricks:Workspace"
                ? `/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/${args.inputs.resourceGroupName}` +
                  `/providers/Microsoft.Databricks/workspaces/${args.inputs.workspaceName}`
                : args.type === "aws:s3/bucket:Bucket"
                  ? state.bucket
                  : number;
        this.resources.push({
            type: args.type,
            name: args.name,
            inputs: args.inputs,
            provider: args.provider,
            custom: args.custom,
            options,
            id,
            state,
        });
        return { id, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.calls.push({ token: args.token, inputs: args.inputs, provider: args.provider });
        switch (args.token) {
            case "databricks:index/getCurrentUser:getCurrentUser": {
                // Through an explicit provider, the identity is in that provider's workspace; with OAuth M2M it is the
                // service principal, whose user name is its application id.
                const provider = this.providerOf(args)?.inputs;
                const host = provider?.host;
                const identity =
                    provider?.authType === "oauth-m2m" && provider.clientId
                        ? fakeServicePrincipal(host, String(provider.clientId))
                        : this.user;
                return { id: "1", alphanumeric: identity.userName, externalId: "", ...identity, ...(host ? { workspaceUrl: host } : {}) };
            }
            case "databricks:index/getAwsBucketPolicy:getAwsBucketPolicy":
            case "databricks:index/getAwsAssumeRolePolicy:getAwsAssumeRolePolicy":
            case "databricks:index/getAwsCrossAccountPolicy:getAwsCrossAccountPolicy":
                return {
                    id: "policy",
                    json: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Sid: args.token.split(":")[2], Effect: "Allow", Action: "*", Resource: "*" }],
                    }),
                };
            case "databricks:index/getServicePrincipal:getServicePrincipal":
                return {
                    id: "7001",
                    spId: "7001",
                    applicationId: args.inputs.applicationId,
                    aclPrincipalId: `servicePrincipals/${args.inputs.applicationId}`,
                };
            case "azure-native:authorization:getClientConfig":
                return {
                    clientId: "client",
                    objectId: "object",
                    subscriptionId: "00000000-1111-2222-3333-444444444444",
                    tenantId: "tenant",
                };
            case "gcp:organizations/getClientOpenIdUserInfo:getClientOpenIdUserInfo":
                return { id: "me", email: "alice@example.com" };
        }
        throw new Error(`unexpected call ${args.token}`);
    }

    /** The recorded explicit provider a resource or a call went through; undefined for the default provider. */
    providerOf(registration: { provider?: string }): RecordedResource | undefined {
        if (!registration.provider) return undefined;
        const name = providerNameOf(registration.provider);
        return this.resources.find((candidate) => candidate.type.startsWith("pulumi:providers:") && candidate.name === name);
    }

    ofType(type: string): RecordedResource[] {
        return this.resources.filter((resource) => resource.type === type);
    }

    one(type: string): RecordedResource {
        const found = this.ofType(type);
        if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
        return found[0];
    }
}
