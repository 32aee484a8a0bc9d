"""Background work of the org app. Tasks are thin: ids in, the work is in org.imports."""

from celery import shared_task

from thidua.org import imports


@shared_task(name="org.run_import")
def run_import(job_id: int) -> None:
    imports.run_job(job_id)
