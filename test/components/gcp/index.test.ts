import { describeCloudComponent } from "../cloudSuite";

describeCloudComponent({
    cloud: "gcp",
    componentType: "databricks-kedro-stack:index:DatabricksKedroEnvironment",
    nodeType: "n1-standard-4",
    cloudAttributesArg: "gcpAttributes",
    spot: { availability: "PREEMPTIBLE_WITH_FALLBACK_GCP", firstOnDemand: 1 },
    onDemand: { availability: "ON_DEMAND_GCP" },
    otherCloudNodeType: "m4.large",
});
