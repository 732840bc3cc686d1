"""A Kedro environment on an existing AWS Databricks workspace, from Python,
with the production job: the packaged project's wheel as a job per pipeline.

`pulumi package add github.com/<org>/databricks-kedro-stack.git/plugin@v0.1.0` generates the
`pulumi_databricks_kedro_stack` SDK used here. The workspace is the one the
stack's `databricks:host` names; the Git token is a secret of this stack:
pulumi config set --secret gitToken <token>. The wheel, its conf archive and the
snapshot are the Kedro project's build (kedro package, and Kedro's inspection
API), read from this program's folder.
"""

import pulumi
import pulumi_databricks_kedro_stack as kedro

config = pulumi.Config()

environment = kedro.DatabricksKedroEnvironment(
    "kedro",
    cloud="aws",
    git_url="https://github.com/acme/iris-databricks.git",
    git_username="alice",
    git_token=config.require_secret("gitToken"),
    environment_user="bob@example.com",
    job=True,
    git_commit=config.require("gitCommit"),
    job_schedule="0 0 6 * * ?",
    job_timezone="Europe/Paris",
    spark_version="15.4.x-scala2.12",
    job_source="wheel",
    kedro_snapshot="kedro-dist/snapshot.json",
    kedro_wheel="kedro-dist/spaceflights-0.1-py3-none-any.whl",
    job_pipelines=["data_processing", "data_science"],
    job_tasks="node",
)

pulumi.export("clusterUrl", environment.cluster_url)
pulumi.export("notebookUrl", environment.notebook_url)
pulumi.export("jobUrl", environment.job_url)
