/**
 * The production path Kedro recommends: the packaged project (`kedro
 * package`) run as Databricks jobs of python_wheel_task tasks, one job per
 * pipeline, its tasks built from the pipeline's own graph (lib/taskGraph).
 */
import type { KeyDeclaration } from "../keyTable";

export const PRODUCTION_KEYS = {
    jobSource: {
        type: "string",
        default: "notebook",
        values: ["notebook", "wheel"],
        match: "lower",
        allowed:
            "notebook (the tutorial's notebook from the job's own Repo) or wheel (the packaged project's wheel, one job per pipeline, " +
            "tasks from its graph)",
        description:
            "What the job runs, with job: true. notebook: the tutorial's notebook from its own Repo at gitCommit, one task. wheel: " +
            "the wheel kedro package wrote (kedroWheel), one job per pipeline of jobPipelines, tasks built from the pipeline's " +
            "graph in the snapshot (kedroSnapshot), nodes joined wherever data passes in memory.",
    },
    jobPipelines: {
        type: "array",
        default: [],
        description:
            "The registered Kedro pipelines the job runs, as kedro run --pipeline takes them. Empty: __default__. With jobSource " +
            "notebook one pipeline (a run started with another pipeline parameter runs that one); with wheel one job each. " +
            "Set them item by item: pulumi config set --path 'jobPipelines[0]' data_processing.",
    },
    jobTasks: {
        type: "string",
        default: "node",
        values: ["node", "namespace", "pipeline"],
        match: "lower",
        allowed: "node (a task per node), namespace (a task per top-level namespace) or pipeline (one task)",
        description:
            "With jobSource wheel, the size of a task: node (one per node), namespace (one per top-level namespace, as Kedro's " +
            "group_nodes_by('namespace') groups them) or pipeline (one per job). Nodes joined by a dataset with no catalog entry " +
            "(held in memory) always share a task.",
    },
    kedroSnapshot: {
        type: "string",
        default: "",
        description:
            "With jobSource wheel: the project's snapshot JSON, which Kedro's inspection API (Kedro 1.4 on) writes. Relative to " +
            "the folder of Pulumi.yaml, or absolute.",
    },
    kedroWheel: {
        type: "string",
        default: "",
        description:
            "With jobSource wheel: the wheel kedro package (or uv build) wrote, such as dist/spaceflights-0.1-py3-none-any.whl. " +
            "Relative to the folder of Pulumi.yaml, or absolute.",
    },
    kedroConf: {
        type: "string",
        default: "",
        description:
            "With jobSource wheel: the conf archive kedro package wrote. Empty: conf-<package>.tar.gz beside the wheel. Relative " +
            "to the folder of Pulumi.yaml, or absolute.",
    },
} as const satisfies Record<string, KeyDeclaration>;
