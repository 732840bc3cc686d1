/** Runs the policy pack's policies in-process, as the offline plan and the tests do. */
import { Secret, type ResourceValidationPolicy, type StackValidationPolicy } from "@pulumi/policy";
import { secretsPreservingProxy } from "@pulumi/policy/secret";
import { policies } from "../policy/policies";
import { isSecretMarker } from "./mocks";

export interface PolicyResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs as recorded; secrets may be Secret instances. */
    props: Record<string, any>;
}

export interface PolicyVerdict {
    policy: string;
    enforcementLevel: string;
    /** Violation messages; empty when the policy passed. */
    violations: Array<{ message: string; urn?: string }>;
}

/** The defaults a policy's config schema declares, as the engine applies them. */
export function configDefaults(policy: { configSchema?: { properties: Record<string, { default?: unknown }> } }): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => schema.default !== undefined)
            .map(([key, schema]) => [key, schema.default]),
    );
}

function validationArgs(resource: PolicyResource, config: Record<string, unknown>) {
    return {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props: secretsPreservingProxy(resource.props) as Record<string, any>,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: {}, additionalSecretOutputs: [] },
        stackTags: new Map<string, string>(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => config as T,
    };
}

export function runResourcePolicy(policy: ResourceValidationPolicy, resource: PolicyResource, config: Record<string, unknown>): string[] {
    const messages: string[] = [];
    const validators = policy.validateResource ? ([] as unknown[]).concat(policy.validateResource) : [];
    for (const validate of validators as Array<(args: unknown, report: (message: string) => void) => void>) {
        validate(validationArgs(resource, config), (message) => messages.push(message));
    }
    return messages;
}

export function runStackPolicy(policy: StackValidationPolicy, resources: PolicyResource[], config: Record<string, unknown>): string[] {
    const messages: string[] = [];
    policy.validateStack?.(
        {
            resources: resources.map((resource) => ({ ...validationArgs(resource, config), dependencies: [], propertyDependencies: {} })) as never,
            getConfig: <T extends object>() => config as T,
        } as never,
        (message: string) => messages.push(message),
    );
    return messages;
}

/** Every policy's verdict on a planned stack, with each policy's default config. */
export function evaluatePolicies(resources: PolicyResource[], overrides: Record<string, Record<string, unknown>> = {}): PolicyVerdict[] {
    return policies.map((policy) => {
        const config = { ...configDefaults(policy), ...(overrides[policy.name] ?? {}) };
        const messages =
            "validateStack" in policy
                ? runStackPolicy(policy, resources, config).map((message) => ({ message }))
                : resources.flatMap((resource) => runResourcePolicy(policy as ResourceValidationPolicy, resource, config).map((message) => ({ message, urn: resource.urn })));
        return { policy: policy.name, enforcementLevel: policy.enforcementLevel ?? "advisory", violations: messages };
    });
}

/** Replaces the SDK's serialized secret markers with policy Secrets, recursively. */
export function withPolicySecrets(value: unknown): any {
    if (Array.isArray(value)) return value.map(withPolicySecrets);
    if (value && typeof value === "object") {
        if (isSecretMarker(value)) return new Secret(withPolicySecrets(value.value));
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withPolicySecrets(inner)]));
    }
    return value;
}

