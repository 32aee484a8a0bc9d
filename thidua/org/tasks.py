"""Background work of the org app. Tasks are thin: ids in, the work is in org.imports."""

from celery import shared_task

from thidua.core.background import enqueue
from thidua.org import imports


@shared_task(name="org.run_import")
def run_import(job_id: int) -> None:
    imports.run_job(job_id)


@shared_task(name="org.resume_imports")
def resume_imports() -> list[int]:
    """Queue again the imports whose worker died mid-way (beat, every few minutes): each is
    claimed again by run_job once its lease has run out, and imported from the start."""
    stale = imports.stale_jobs()
    for job_id in stale:
        enqueue(run_import, job_id)
    return stale
