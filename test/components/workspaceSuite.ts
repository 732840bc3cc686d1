/** Checks shared by every cloud's `workspace: create`. */
import type { Evaluation, RecordedResource, RecordingMocks } from "../harness";
import { TYPES } from "../harness";
import type { WorkspaceComponent } from "../../components/environment";
import { AwsDatabricksWorkspace } from "../../components/aws/workspace";
import { AzureDatabricksWorkspace } from "../../components/azure/workspace";
import { GcpDatabricksWorkspace } from "../../components/gcp/workspace";
import type { Cloud } from "../../lib/clouds";

const WORKSPACE_LEVEL = [TYPES.cluster, TYPES.gitCredential, TYPES.repo, TYPES.notebook, TYPES.library];

/** Every workspace-level resource and the current-user lookup go through the new workspace's provider. */
export function expectWorkspaceLevelThroughNewProvider(evaluation: Evaluation, expectedHost: string): RecordedResource {
    const { mocks, outputs } = evaluation;
    const workspaceResources = mocks.resources.filter((resource) => WORKSPACE_LEVEL.includes(resource.type as (typeof WORKSPACE_LEVEL)[number]));
    expect(workspaceResources.length).toBeGreaterThanOrEqual(4);
    const providers = new Set(workspaceResources.map((resource) => resource.provider));
    expect(providers.size).toBe(1);
    const provider = mocks.providerOf(workspaceResources[0])!;
    expect(provider).toBeDefined();
    expect(provider.inputs.host).toBe(expectedHost);
    const userCalls = mocks.calls.filter((call) => call.token === "databricks:index/getCurrentUser:getCurrentUser");
    expect(userCalls.map((call) => call.provider)).toEqual([workspaceResources[0].provider]);
    expect(outputs.workspaceUrl).toBe(expectedHost);
    return provider;
}

/** Resource types of the cloud SDKs (and explicit providers) that a stack registered. */
export function cloudResourceTypes(mocks: RecordingMocks): string[] {
    return mocks.resources
        .map((resource) => resource.type)
        .filter((type) => /^(aws|azure-native|gcp):/.test(type) || type.startsWith("pulumi:providers:") || type.startsWith("databricks:index/mws"));
}

// Each cloud's workspace component is what the environment loads it as (it loads them untyped, by name).
({ aws: AwsDatabricksWorkspace, azure: AzureDatabricksWorkspace, gcp: GcpDatabricksWorkspace }) satisfies Record<Cloud, WorkspaceComponent>;
