// The policy pack: pulumi preview --policy-pack policy
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("databricks-kedro-guardrails", { policies });
