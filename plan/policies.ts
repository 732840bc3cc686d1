/**
 * Runs the policy pack's policies the way the engine has them run: each
 * resource's inputs serialized into an AnalyzeRequest (secrets as the engine's
 * secret markers), handed to @pulumi/policy's own analyze and analyzeStack
 * handlers, and the verdicts read back from the AnalyzeResponse. So the
 * offline plan and the tests see exactly what a policy sees under
 * `pulumi preview --policy-pack policy`: secrets unwrapped, unknowns checked,
 * config as the pack's own defaults.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import type { Policy } from "@pulumi/policy";
import { PACK_NAME, policies } from "../policy/policies";

export interface PolicyResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs as the SDK serialized them: secrets are secret markers. */
    props: Record<string, any>;
    /** Outputs after creation; the engine gives stack policies these, not the inputs. */
    outputs?: Record<string, any>;
    parent?: string;
    protect?: boolean;
}

export interface PolicyVerdict {
    policy: string;
    enforcementLevel: string;
    /** Violation messages; empty when the policy passed. */
    violations: Array<{ message: string; urn?: string }>;
}

type Handler = (call: { request: unknown }, callback: (error: unknown, response?: analyzer.AnalyzeResponse) => void) => Promise<void>;
interface AnalyzerServer {
    makeAnalyzeRpcFun(pack: string, version: string, level: string, policies: Policy[]): Handler;
    makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: Policy[]): Handler;
}
// The handlers the pack's gRPC server registers; the module has no typings of its own.
const server = require("@pulumi/policy/server") as AnalyzerServer;

const LEVELS: Record<number, string> = {
    [analyzer.EnforcementLevel.ADVISORY]: "advisory",
    [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzer.EnforcementLevel.DISABLED]: "disabled",
    [analyzer.EnforcementLevel.REMEDIATE]: "remediate",
};

/** JSON as protobuf's Struct takes it: undefined dropped, as the engine never sends it. */
function structOf(props: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)));
}

function optionsOf(resource: PolicyResource): analyzer.AnalyzerResourceOptions {
    const options = new analyzer.AnalyzerResourceOptions();
    options.setProtect(resource.protect ?? false);
    if (resource.parent) options.setParent(resource.parent);
    return options;
}

/** What the engine tells an analyzer about one resource; AnalyzeRequest and AnalyzerResource carry the same fields. */
function describe<M extends analyzer.AnalyzeRequest | analyzer.AnalyzerResource>(message: M, resource: PolicyResource): M {
    message.setType(resource.type);
    message.setName(resource.name);
    message.setUrn(resource.urn);
    message.setProperties(structOf(resource.props));
    message.setOptions(optionsOf(resource));
    return message;
}

export function analyzeRequest(resource: PolicyResource): analyzer.AnalyzeRequest {
    return describe(new analyzer.AnalyzeRequest(), resource);
}

export function analyzeStackRequest(resources: PolicyResource[]): analyzer.AnalyzeStackRequest {
    const request = new analyzer.AnalyzeStackRequest();
    request.setResourcesList(
        resources.map((resource) => {
            const entry = describe(new analyzer.AnalyzerResource(), { ...resource, props: resource.outputs ?? resource.props });
            if (resource.parent) entry.setParent(resource.parent);
            return entry;
        }),
    );
    return request;
}

export interface Diagnostic {
    policy: string;
    enforcementLevel: string;
    /** The policy's own message, without the description line the SDK puts first. */
    message: string;
    urn?: string;
}

/** Reads an AnalyzeResponse, whether it came from the in-process handler or over gRPC. */
export function diagnosticsOf(response: analyzer.AnalyzeResponse): Diagnostic[] {
    return response.getDiagnosticsList().map((diagnostic) => {
        const message = diagnostic.getMessage();
        const description = diagnostic.getDescription();
        return {
            policy: diagnostic.getPolicyname(),
            enforcementLevel: LEVELS[diagnostic.getEnforcementlevel()] ?? "advisory",
            message: message.startsWith(`${description}\n`) ? message.slice(description.length + 1) : message,
            urn: diagnostic.getUrn() || undefined,
        };
    });
}

function invoke(handler: Handler, request: unknown): Promise<Diagnostic[]> {
    return new Promise((done, fail) => {
        void handler({ request }, (error, response) => (error ? fail(error) : done(diagnosticsOf(response!))));
    });
}

/** Every policy's verdict on a planned stack, through the SDK's analyze and analyzeStack handlers. */
export async function evaluatePolicies(resources: PolicyResource[], pack: Policy[] = policies): Promise<PolicyVerdict[]> {
    const analyze = server.makeAnalyzeRpcFun(PACK_NAME, "0.0.0", "advisory", pack);
    const analyzeStack = server.makeAnalyzeStackRpcFun(PACK_NAME, "0.0.0", "advisory", pack);
    const diagnostics: Diagnostic[] = [];
    // As the engine does, a resource policy's violation belongs to the resource analyzed.
    for (const resource of resources) {
        diagnostics.push(
            ...(await invoke(analyze, analyzeRequest(resource))).map((diagnostic) => ({
                ...diagnostic,
                urn: diagnostic.urn ?? resource.urn,
            })),
        );
    }
    diagnostics.push(...(await invoke(analyzeStack, analyzeStackRequest(resources))));
    return pack.map((policy) => ({
        policy: policy.name,
        enforcementLevel: policy.enforcementLevel ?? "advisory",
        violations: diagnostics.filter((diagnostic) => diagnostic.policy === policy.name).map(({ message, urn }) => ({ message, urn })),
    }));
}
