import { describeCloudComponent } from "../cloudSuite";

describeCloudComponent({
    cloud: "azure",
    componentType: "databricks-kedro-stack:index:DatabricksKedroEnvironment",
    nodeType: "Standard_DS3_v2",
    cloudAttributesArg: "azureAttributes",
    spot: { availability: "SPOT_WITH_FALLBACK_AZURE", firstOnDemand: 1, spotBidMaxPrice: -1 },
    onDemand: { availability: "ON_DEMAND_AZURE" },
    otherCloudNodeType: "m4.large",
});
